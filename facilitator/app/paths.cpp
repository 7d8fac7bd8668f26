// Locating folders. The build embeds the install and source paths, so a fresh build runs
// from the source tree and an installed one from /usr/local/share/samling.
#include "app/paths.hpp"

#include "platform/platform.hpp"

#include <cstdlib>
#include <vector>

namespace samling {

namespace {

std::filesystem::path data_home_dir(const std::string& name, const std::string& fallback) {
    if (auto folder = platform::user_data_folder(name); !folder.empty()) return folder;
    return std::filesystem::path(fallback);
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
    if (auto beside = platform::program_folder()) roots.push_back(*beside);  // the unpacked Windows zip
    roots.emplace_back(SAMLING_INSTALL_DATA_DIR);
    roots.emplace_back(SAMLING_SOURCE_DATA_DIR);
    for (const auto& root : roots) {
        std::error_code ec;
        if (std::filesystem::is_directory(root / name, ec)) return root / name;
    }
    return std::nullopt;
}

}  // namespace samling
