// Seeds a store the way a finished programme leaves it, for the real-window tests and the
// window benchmark: tests/programme_seed.hpp's programme, committed into DATA-DIR's SQLite file
// with no window open (so no run has its board picture yet). Every group ends in a writing step.
// Usage: seed_store DATA-DIR GROUPS GATHERINGS EXERCISES NOTES-PER-RUN
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "../programme_seed.hpp"
#include "app/exercise_files.hpp"
#include "store/store.hpp"

using namespace samling;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: seed_store DATA-DIR GROUPS GATHERINGS EXERCISES NOTES-PER-RUN\n");
        return 2;
    }
    const LoadedExercises loaded = load_exercise_folder(std::filesystem::path(SAMLING_SOURCE_DIR) / "exercises");
    Workshop w(loaded.catalog);
    const seed::Shape shape{std::atoi(argv[2]), 4, std::atoi(argv[3]), std::atoi(argv[5]), std::atoi(argv[4]), true};
    const seed::Programme p = seed::programme(w, shape);
    auto store = Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "seed_store: %s\n", store.error().message.c_str());
        return 1;
    }
    if (auto s = store.value()->commit(p.changes, w.revision()); !s) {
        std::fprintf(stderr, "seed_store: %s\n", s.error().message.c_str());
        return 1;
    }
    std::printf("seed_store: %d notes in %zu runs of %zu groups\n", p.notes, w.runs().size(), w.groups().size());
    return 0;
}
