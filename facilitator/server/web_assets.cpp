// Loading the page's files into memory, with a content type per extension.
#include "server/web_assets.hpp"

#include "server/phone_strings.hpp"

#include <fstream>
#include <sstream>

namespace samling {
namespace {

std::string content_type_for(const std::filesystem::path& p) {
    const std::string ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".json" || ext == ".webmanifest") return "application/json; charset=utf-8";
    if (ext == ".ico") return "image/x-icon";
    return "";
}

}  // namespace

Result<WebAssets> WebAssets::load(const std::filesystem::path& dir) {
    WebAssets assets;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return make_error(Errc::invalid_request, "the participant page is missing: no folder " + dir.string());
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_symlink() || !entry.is_regular_file()) continue;
        const std::string type = content_type_for(entry.path());
        if (type.empty()) continue;  // only the kinds of file a page needs
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        assets.add(entry.path().filename().string(), WebAsset{type, body.str()});
    }
    // The texts are built from i18n/strings.json, never read from the folder.
    assets.add("strings.js", WebAsset{"text/javascript; charset=utf-8", std::string(phone_strings_js())});
    if (!assets.find("/"))
        return make_error(Errc::invalid_request,
                          "the participant page is missing: no " + (dir / "index.html").string());
    return assets;
}

const WebAsset* WebAssets::find(std::string_view path) const {
    if (path == "/" || path.empty()) path = "/index.html";
    if (path.front() != '/') return nullptr;
    path.remove_prefix(1);
    auto it = files_.find(path);  // an exact name: "..", "%2e" and sub-paths never match
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace samling
