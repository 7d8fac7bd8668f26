// Loads every exercise file in a folder, and every instrument file in its instruments/
// subfolder, into catalogs. A bad file is reported and skipped; the others still load.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/exercise.hpp"
#include "core/instrument.hpp"

namespace samling {

struct LoadedExercises {
    std::shared_ptr<const ExerciseCatalog> catalog;
    std::shared_ptr<const InstrumentCatalog> instruments;
    std::vector<std::string> problems;  // one line per skipped file
};

LoadedExercises load_exercise_folder(const std::filesystem::path& dir);

}  // namespace samling
