// The page's files and the JSON answers in the coding a phone accepts (issue 16): assets
// were compressed once in WebAssets::add, so a burst of 2,000 phones costs no compression.
#include "server/asset_route.hpp"

#include "server/compression.hpp"
#include "server/http_helpers.hpp"

namespace samling {
namespace {

std::string_view without_weak(std::string_view tag) {
    tag = http::trim_ows(tag);
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    return tag;
}

// Sends `bytes` (a slice of a WebAsset that outlives the answer) without copying and without
// cpp-httplib's compression, which only touches answers with a body string.
void send_bytes(httplib::Response& res, const std::string& bytes, std::size_t offset, std::size_t length,
                const std::string& type) {
    if (length == 0) return res.set_content("", type.c_str());
    res.set_content_provider(length, type, [&bytes, offset](size_t at, size_t n, httplib::DataSink& sink) {
        return sink.write(bytes.data() + offset + at, n);
    });
}

}  // namespace

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if (http::trim_ows(if_none_match) == "*") return true;
    while (!if_none_match.empty()) {
        const auto comma = if_none_match.find(',');
        if (without_weak(if_none_match.substr(0, comma)) == without_weak(etag)) return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

void serve_asset(const httplib::Request& req, httplib::Response& res, const WebAsset& asset) {
    // httplib parsed the Range header before routing and would apply it after us; the
    // request object it hands us is its own, not const underneath.
    const httplib::Ranges ranges = req.ranges;
    const_cast<httplib::Request&>(req).ranges.clear();

    Coding used = Coding::identity;
    const std::string& bytes = asset.encoded(choose_coding(req.get_header_value("Accept-Encoding")), used);
    const std::string etag = asset.etag(used);
    // no-cache, not max-age: the file names carry no version, so a phone must ask after a new
    // release; with the ETag that question costs a 304 of a few hundred bytes.
    res.set_header("Cache-Control", "no-cache");
    res.set_header("ETag", etag);
    res.set_header("Vary", "Accept-Encoding");
    if (used != Coding::identity) res.set_header("Content-Encoding", std::string(coding_name(used)));

    if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        return;
    }
    const std::size_t size = bytes.size();
    const bool use_range =
        ranges.size() == 1 && (!req.has_header("If-Range") || without_weak(req.get_header_value("If-Range")) == etag);
    if (!use_range) return send_bytes(res, bytes, 0, size, asset.content_type);
    // [first, last] of RFC 9110 §14.1.2; -1 is a missing end. Ranges apply to the encoded bytes.
    auto [first, last] = ranges.front();
    if (first < 0) {  // "bytes=-N": the last N bytes
        first = last < 0 ? 0 : static_cast<ssize_t>(size) - std::min<ssize_t>(last, static_cast<ssize_t>(size));
        last = static_cast<ssize_t>(size) - 1;
    } else if (last < 0 || last >= static_cast<ssize_t>(size)) {
        last = static_cast<ssize_t>(size) - 1;
    }
    if (size == 0 || first >= static_cast<ssize_t>(size) || first > last) {
        res.status = 416;
        res.set_header("Content-Range", "bytes */" + std::to_string(size));
        return http::send_error(res, 416, "range_not_satisfiable", "The range is outside the file.");
    }
    res.status = 206;
    res.set_header("Content-Range",
                   "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size));
    send_bytes(res, bytes, static_cast<std::size_t>(first), static_cast<std::size_t>(last - first + 1),
               asset.content_type);
}

void gzip_json_answer(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Vary", "Accept-Encoding");
    if (res.body.size() < json_gzip_min_bytes || res.has_header("Content-Encoding")) return;
    // JSON is sent to a phone that accepts gzip, never brotli: quality 11 costs too much per
    // answer, and gzip at level 6 already takes a board to about a seventh.
    if (choose_coding(req.get_header_value("Accept-Encoding"), /*offer_br=*/false) != Coding::gzip) return;
    auto z = gzip_compress(res.body, json_gzip_level);
    if (!z || z->size() >= res.body.size()) return;
    res.body = std::move(*z);
    res.set_header("Content-Encoding", "gzip");
}

}  // namespace samling
