// The participant page's files, read once at start and served from memory: nothing outside
// assets/web/ can ever be served, whatever the path says. Each is compressed once, here, at
// the best gzip and brotli levels, and named by a hash of its bytes. No HTTP types here.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "server/compression.hpp"

namespace samling {

struct WebAsset {
    WebAsset() = default;
    WebAsset(std::string type, std::string bytes) : content_type(std::move(type)), body(std::move(bytes)) {}

    std::string content_type;
    std::string body;
    // Filled by WebAssets::add: the same bytes compressed (empty when that would not make
    // them smaller, as for images) and the hex SHA-256 of `body`, for strong ETags.
    std::string gzip, br;
    std::string hash;

    // The bytes to send in `coding`, falling back to the plain file when that coding was
    // not worth it; `used` says which it is.
    const std::string& encoded(Coding wanted, Coding& used) const;
    // A strong ETag per representation (RFC 9110 §8.8.3): the file's hash, plus the coding.
    std::string etag(Coding used) const;
};

class WebAssets {
public:
    // Reads the regular files directly in `dir` (no sub-folders, no symlinks).
    static Result<WebAssets> load(const std::filesystem::path& dir);

    // "/" is index.html; otherwise an exact file name. Anything else: nullptr.
    const WebAsset* find(std::string_view path) const;

    // Compresses `asset` and names it; a file of the same name is replaced.
    void add(std::string name, WebAsset asset);

private:
    std::map<std::string, WebAsset, std::less<>> files_;
};

}  // namespace samling
