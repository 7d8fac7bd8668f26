// Loading the exercise folder from disk: exercises and instruments/ beside them; a bad file is
// named and skipped, the rest still load.
#include <doctest/doctest.h>

#include <fstream>

#include "app/exercise_files.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using samling::testing::TempDir;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

std::string instrument(const std::string& id) {
    const std::string t = R"({"nb": "a", "nn": "b", "en": "c"})";
    return R"({"id": ")" + id + R"(", "title": )" + t + R"(, "about": )" + t +
           R"(, "licence": "CC BY 4.0", "citation": "x", "scale": {"min": 1, "max": 5, "labels": {"1": )" + t +
           R"(, "5": )" + t + R"(}}, "statements": [{"id": "s", "text": )" + t + "}]}";
}

}  // namespace

TEST_CASE("the shipped folder loads every exercise and both instruments without a problem") {
    const LoadedExercises loaded = load_exercise_folder(std::string(SAMLING_SOURCE_DIR) + "/exercises");
    for (const auto& p : loaded.problems) FAIL_CHECK(p);
    CHECK(loaded.catalog->find("problem_definition"));
    REQUIRE(loaded.instruments);
    CHECK(loaded.instruments->all().size() == 2);
    CHECK(loaded.instruments->find("trygghet_ledergruppe"));
    CHECK(loaded.instruments->find("samhandling_paa_tvers"));
}

TEST_CASE("a bad or repeated instrument file is named and skipped; the good one loads") {
    TempDir dir;
    const std::filesystem::path root = dir.path / "exercises";
    std::filesystem::copy_file(std::string(SAMLING_SOURCE_DIR) + "/exercises/problem_definition.json",
                               (std::filesystem::create_directories(root), root / "problem_definition.json"));
    write(root / "instruments" / "a.json", instrument("eget"));
    write(root / "instruments" / "b.json", instrument("eget"));
    write(root / "instruments" / "c.json", R"({"id": "uten"})");
    write(root / "instruments" / "notes.txt", "not an instrument");

    const LoadedExercises loaded = load_exercise_folder(root);
    CHECK(loaded.catalog->find("problem_definition"));
    CHECK(loaded.instruments->all().size() == 1);
    CHECK(loaded.instruments->find("eget"));
    REQUIRE(loaded.problems.size() == 2);
    CHECK(loaded.problems[0].find("b.json: id \"eget\" is already used") != std::string::npos);
    CHECK(loaded.problems[1].find("c.json: missing \"title\"") != std::string::npos);
}

TEST_CASE("a folder without instruments/ loads its exercises and no problem") {
    TempDir dir;
    std::filesystem::copy_file(std::string(SAMLING_SOURCE_DIR) + "/exercises/problem_definition.json",
                               dir.path / "problem_definition.json");
    const LoadedExercises loaded = load_exercise_folder(dir.path);
    CHECK(loaded.problems.empty());
    CHECK(loaded.instruments->all().empty());
}
