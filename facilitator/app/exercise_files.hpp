// Loads every exercise file in a folder into a catalog. A bad file is reported and skipped;
// the others still load.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/exercise.hpp"

namespace samling {

struct LoadedExercises {
    std::shared_ptr<const ExerciseCatalog> catalog;
    std::vector<std::string> problems;  // one line per skipped file
};

LoadedExercises load_exercise_folder(const std::filesystem::path& dir);

}  // namespace samling
