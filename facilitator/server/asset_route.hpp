// Answering a request for one of the page's files: the compressed bytes made at start, a
// strong ETag, 304 to a reload, one byte range at most. Nothing here compresses per request.
#pragma once

#include <httplib.h>

#include "server/web_assets.hpp"

namespace samling {

// Fills `res` for `asset` as `req` asks. cpp-httplib's own range and compression code never
// runs on the answer (its byte ranges are cleared, the body goes out through a provider).
void serve_asset(const httplib::Request& req, httplib::Response& res, const WebAsset& asset);

// True when an If-None-Match header value names `etag` (or is "*"); weak comparison, as RFC
// 9110 §13.1.2 asks for this header.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// JSON answers of at least this size go out gzip-compressed to a phone that accepts gzip.
inline constexpr std::size_t json_gzip_min_bytes = 512;
inline constexpr int json_gzip_level = 6;

// Compresses a JSON answer in place when the request accepts gzip; adds Vary either way.
void gzip_json_answer(const httplib::Request& req, httplib::Response& res);

}  // namespace samling
