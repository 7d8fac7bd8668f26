// Reading exercise files from disk; parsing and validation are the core's.
#include "app/exercise_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace samling {

LoadedExercises load_exercise_folder(const std::filesystem::path& dir) {
    auto catalog = std::make_shared<ExerciseCatalog>();
    LoadedExercises out;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) out.problems.push_back(dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto def = parse_exercise(text.str(), path.string());
        if (!def) {
            out.problems.push_back(def.error().message);
            continue;
        }
        if (catalog->find(def->id)) {
            out.problems.push_back(path.string() + ": id \"" + def->id + "\" is already used by another file");
            continue;
        }
        catalog->add(std::move(def.value()));
    }
    out.catalog = std::move(catalog);
    return out;
}

}  // namespace samling
