// Compression with zlib and libbrotli, and Accept-Encoding negotiation (RFC 9110 §12.5.3).
#include "server/compression.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "server/http_helpers.hpp"

namespace samling {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// "q=0.5" → 0.5; a malformed weight counts as 1, as if none were given.
double weight_of(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        const std::string_view p = http::trim_ows(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            const std::string value(http::trim_ows(p.substr(2)));
            char* end = nullptr;
            const double q = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0' || q < 0 || q > 1) return 1.0;
            return q;
        }
    }
    return 1.0;
}

}  // namespace

std::string_view coding_name(Coding c) {
    switch (c) {
        case Coding::gzip:
            return "gzip";
        case Coding::br:
            return "br";
        case Coding::identity:
            break;
    }
    return "";
}

Coding choose_coding(std::string_view accept_encoding, bool offer_br) {
    // -1: not named. identity is acceptable unless named or "*" says otherwise.
    double br = -1, gzip = -1, identity = -1, star = -1;
    std::string_view rest = accept_encoding;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const auto semi = item.find(';');
        const std::string_view name = http::trim_ows(item.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1.0 : weight_of(item.substr(semi + 1));
        if (iequals(name, "br"))
            br = std::max(br, q);
        else if (iequals(name, "gzip") || iequals(name, "x-gzip"))
            gzip = std::max(gzip, q);
        else if (iequals(name, "identity"))
            identity = std::max(identity, q);
        else if (name == "*")
            star = std::max(star, q);
    }
    if (br < 0) br = star < 0 ? 0 : star;
    if (gzip < 0) gzip = star < 0 ? 0 : star;
    // Not named, identity is acceptable but preferred last (§12.5.3): "gzip;q=0.5" still
    // means gzip. "*" covers it like any other coding.
    if (identity < 0) identity = star < 0 ? 0.001 : star;
    if (!offer_br) br = 0;
    if (br > 0 && br >= gzip && br >= identity) return Coding::br;
    if (gzip > 0 && gzip >= identity) return Coding::gzip;
    return Coding::identity;
}

std::optional<std::string> gzip_compress(std::string_view data, int level) {
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer, as Content-Encoding: gzip means.
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

std::optional<std::string> brotli_compress(std::string_view data, int quality) {
    std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
    if (out.empty()) out.resize(64);  // MaxCompressedSize is 0 on overflow or for tiny inputs
    size_t size = out.size();
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                               reinterpret_cast<const uint8_t*>(data.data()), &size,
                               reinterpret_cast<uint8_t*>(out.data())))
        return std::nullopt;
    out.resize(size);
    return out;
}

std::optional<std::string> gzip_decompress(std::string_view data) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
    std::string out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

std::optional<std::string> brotli_decompress(std::string_view data) {
    BrotliDecoderState* s = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!s) return std::nullopt;
    std::string out;
    const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
    size_t avail_in = data.size();
    BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        uint8_t buf[16384];
        uint8_t* next_out = buf;
        size_t avail_out = sizeof buf;
        rc = BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        out.append(reinterpret_cast<char*>(buf), sizeof buf - avail_out);
    }
    BrotliDecoderDestroyInstance(s);
    if (rc != BROTLI_DECODER_RESULT_SUCCESS) return std::nullopt;
    return out;
}

}  // namespace samling
