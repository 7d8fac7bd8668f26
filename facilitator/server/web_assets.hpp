// The participant page's files, read once at start and served from memory: nothing outside
// assets/web/ can ever be served, whatever the path says. No HTTP types here.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace samling {

struct WebAsset {
    std::string content_type;
    std::string body;
};

class WebAssets {
public:
    // Reads the regular files directly in `dir` (no sub-folders, no symlinks).
    static Result<WebAssets> load(const std::filesystem::path& dir);

    // "/" is index.html; otherwise an exact file name. Anything else: nullptr.
    const WebAsset* find(std::string_view path) const;

    void add(std::string name, WebAsset asset) { files_[std::move(name)] = std::move(asset); }

private:
    std::map<std::string, WebAsset, std::less<>> files_;
};

}  // namespace samling
