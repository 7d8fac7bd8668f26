// Reading exercise files from disk; parsing and validation are the core's.
#include "app/exercise_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace samling {

namespace {

// The folder's *.json files in name order, with their text; a folder that cannot be read is a
// problem unless it may be missing.
std::vector<std::pair<std::filesystem::path, std::string>> read_json_files(const std::filesystem::path& dir,
                                                                           bool may_be_missing,
                                                                           std::vector<std::string>& problems) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (may_be_missing && !std::filesystem::exists(dir, ec)) return {};
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) problems.push_back(dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<std::pair<std::filesystem::path, std::string>> out;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        out.emplace_back(path, text.str());
    }
    return out;
}

std::shared_ptr<const InstrumentCatalog> load_instruments(const std::filesystem::path& dir,
                                                          std::vector<std::string>& problems) {
    auto catalog = std::make_shared<InstrumentCatalog>();
    for (const auto& [path, text] : read_json_files(dir, /*may_be_missing=*/true, problems)) {
        auto instrument = parse_instrument(text, path.string());
        if (!instrument) {
            problems.push_back(instrument.error().message);
            continue;
        }
        if (catalog->find(instrument->id)) {
            problems.push_back(path.string() + ": id \"" + instrument->id + "\" is already used by another file");
            continue;
        }
        catalog->add(std::move(instrument.value()));
    }
    return catalog;
}

// The first pulse step whose instrument is not installed, or nullptr.
const Step* missing_instrument(const ExerciseDefinition& def, const InstrumentCatalog& instruments) {
    for (const Step& step : def.steps)
        if (step.kind == StepKind::pulse && !instruments.find(step.instrument)) return &step;
    return nullptr;
}

}  // namespace

LoadedExercises load_exercise_folder(const std::filesystem::path& dir) {
    auto catalog = std::make_shared<ExerciseCatalog>();
    LoadedExercises out;
    out.instruments = load_instruments(dir / "instruments", out.problems);
    catalog->set_instruments(out.instruments);
    for (const auto& [path, text] : read_json_files(dir, /*may_be_missing=*/false, out.problems)) {
        auto def = parse_exercise(text, path.string());
        if (!def) {
            out.problems.push_back(def.error().message);
            continue;
        }
        if (const Step* step = missing_instrument(def.value(), *out.instruments)) {
            out.problems.push_back(path.string() + ": step \"" + step->id + "\": no instrument \"" + step->instrument +
                                   "\" in " + (dir / "instruments").string());
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
