// Loading the page's files into memory, with a content type per extension, compressed once.
#include "server/web_assets.hpp"

#include <fstream>
#include <sstream>

#include "core/sha256.hpp"

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

// Text compresses; PNG and ICO files already are.
bool worth_compressing(const std::string& type) {
    return type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0 || type == "image/svg+xml";
}

}  // namespace

const std::string& WebAsset::encoded(Coding wanted, Coding& used) const {
    if (wanted == Coding::br && !br.empty()) return used = Coding::br, br;
    if (wanted != Coding::identity && !gzip.empty()) return used = Coding::gzip, gzip;
    return used = Coding::identity, body;
}

std::string WebAsset::etag(Coding used) const {
    // 32 hex digits (128 bits) name a release's file; the coding keeps representations apart.
    const std::string_view suffix = coding_name(used);
    return "\"" + hash.substr(0, 32) + (suffix.empty() ? "" : "-") + std::string(suffix) + "\"";
}

void WebAssets::add(std::string name, WebAsset asset) {
    asset.hash = sha256_hex(asset.body);
    asset.gzip.clear();
    asset.br.clear();
    if (worth_compressing(asset.content_type)) {
        // Best levels: paid once per start, for every phone of the day.
        if (auto z = gzip_compress(asset.body, 9); z && z->size() < asset.body.size()) asset.gzip = std::move(*z);
        if (auto b = brotli_compress(asset.body, 11); b && b->size() < asset.body.size()) asset.br = std::move(*b);
    }
    files_[std::move(name)] = std::move(asset);
}

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
