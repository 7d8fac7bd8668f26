// Locating folders. An installed Samling finds its files beside its binary, in ../share/samling
// (so /usr/bin/samling reads /usr/share/samling, whatever prefix it was built for); a binary
// in the build folder reads this source tree, and only such a binary does.
#include "app/paths.hpp"

#include <algorithm>

#include "platform/platform.hpp"

#include <cstdlib>
#include <vector>

namespace samling {

namespace {

std::filesystem::path data_home_dir(const std::string& name, const std::string& fallback) {
    if (auto folder = platform::user_data_folder(name); !folder.empty()) return folder;
    return std::filesystem::path(fallback);
}

bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
    std::error_code ec;
    const auto p = path.lexically_normal(), f = std::filesystem::weakly_canonical(folder, ec);
    if (ec) return false;
    return std::mismatch(f.begin(), f.end(), p.begin(), p.end()).first == f.end();
}

}  // namespace

std::filesystem::path default_data_dir() {
    return data_home_dir("samling", "samling-data");
}

std::filesystem::path demo_data_dir() {
    return data_home_dir("samling-demo", "samling-demo-data");
}

std::optional<std::filesystem::path> find_shipped(const std::string& name) {
    std::vector<std::filesystem::path> roots;
    if (const char* env = std::getenv("SAMLING_SHARE_DIR"); env && *env) roots.emplace_back(env);
    if (const auto exe_dir = platform::program_folder()) {
        roots.push_back(*exe_dir);  // the unpacked Windows zip: exercises\ and assets\ beside samling.exe
        roots.push_back((*exe_dir / ".." / "share" / "samling").lexically_normal());
        // Not for an installed binary: it would hide a package that lacks its files on the
        // machine that built it, and read a source tree that has moved on since.
        if (is_inside(*exe_dir, SAMLING_BUILD_DIR)) roots.emplace_back(SAMLING_SOURCE_DATA_DIR);
    }
    for (const auto& root : roots) {
        std::error_code ec;
        if (std::filesystem::is_directory(root / name, ec)) return root / name;
    }
    return std::nullopt;
}

}  // namespace samling
