// gzip and brotli in memory (zlib, libbrotli), and the choice of one by a request's
// Accept-Encoding: the page's files are compressed once at start, JSON answers per request.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace samling {

enum class Coding { identity, gzip, br };

// The Content-Encoding name ("" for identity) and the ETag suffix of a coding.
std::string_view coding_name(Coding c);

// The coding to answer in: the highest q-value among those `accept_encoding` allows, ties
// going br > gzip > identity. "*" stands for any coding not named. When it refuses even
// identity ("identity;q=0", "*;q=0") the answer is identity anyway: a page that does not
// load is worse than one a proxy calls unacceptable. `offer_br` false: only gzip or identity.
Coding choose_coding(std::string_view accept_encoding, bool offer_br = true);

// `level` 1–9 (zlib), `quality` 0–11 (brotli). Empty optional only on an allocation failure.
std::optional<std::string> gzip_compress(std::string_view data, int level);
std::optional<std::string> brotli_compress(std::string_view data, int quality);

// For tests and benchmarks: the bytes a phone's browser would see; nullopt on corrupt data.
std::optional<std::string> gzip_decompress(std::string_view data);
std::optional<std::string> brotli_decompress(std::string_view data);

}  // namespace samling
