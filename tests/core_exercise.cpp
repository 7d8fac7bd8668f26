// Specification of exercise files: what loads, and the error each mistake gets.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/exercise.hpp"

using namespace samling;

namespace {

std::string minimal(const std::string& steps, const std::string& extra = "") {
    return R"({"id": "x", "title": {"nb": "T", "nn": "T", "en": "T"},
              "purpose": {"nb": "P", "nn": "P", "en": "P"}, )" +
           extra + R"("steps": )" + steps + "}";
}

const std::string write_step = R"([{"kind": "write", "prompt": {"nb": "a", "nn": "b", "en": "c"}}])";

std::string error_of(const std::string& text) {
    auto r = parse_exercise(text, "x.json");
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

}  // namespace

TEST_CASE("the shipped problem-definition exercise loads with its zones and five steps") {
    std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/exercises/problem_definition.json");
    std::stringstream text;
    text << in.rdbuf();
    auto def = parse_exercise(text.str(), "problem_definition.json");
    REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().message));
    CHECK(def->id == "problem_definition");
    CHECK(def->title.in(Language::nb) == "Hva er det egentlige problemet?");
    CHECK(def->title.in(Language::nn) == "Kva er det eigentlege problemet?");
    REQUIRE(def->steps.size() == 5);
    CHECK(def->steps[0].kind == StepKind::write);
    CHECK(def->steps[0].silent);
    CHECK(def->steps[3].vote_budget == 3);
    CHECK(def->zone("parking") != nullptr);
}

TEST_CASE("every shipped exercise file loads and validates") {
    int loaded = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SAMLING_SOURCE_DIR) + "/exercises")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto def = parse_exercise(text.str(), entry.path().filename().string());
        INFO(entry.path().string());
        REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().message));
        ++loaded;
    }
    CHECK(loaded >= 4);
}

TEST_CASE("the root-cause fishbone takes its head from the problem statement and ends in a 5-whys chain") {
    std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/exercises/root_cause.json");
    std::stringstream text;
    text << in.rdbuf();
    auto def = parse_exercise(text.str(), "root_cause.json");
    REQUIRE(def.ok());
    CHECK(def->layout == "fishbone");
    REQUIRE(def->head);
    CHECK(def->head->exercise == "problem_definition");
    CHECK(def->head->field == "statement");
    CHECK(def->zones.size() == 6);
    const auto chain = std::find_if(def->steps.begin(), def->steps.end(), [](const Step& s) { return s.chain; });
    REQUIRE(chain != def->steps.end());
    CHECK(chain->kind == StepKind::write);
}

TEST_CASE("a minimal exercise with comments loads") {
    auto def = parse_exercise("// a comment\n" + minimal(write_step), "x.json");
    REQUIRE(def.ok());
    CHECK(def->layout == "columns");
    CHECK(def->steps[0].id == "write");
}

TEST_CASE("a JSON syntax error names the file and the line") {
    const std::string msg = error_of("{\n\"id\": \"x\",\n oops }");
    CHECK(msg.find("x.json") != std::string::npos);
    CHECK(msg.find("line 3") != std::string::npos);
}

TEST_CASE("an unknown step kind is an error naming the step") {
    const std::string msg =
        error_of(minimal(R"([{"kind": "brainstorm", "prompt": {"nb": "a", "nn": "b", "en": "c"}}])"));
    CHECK(msg.find("steps[0]") != std::string::npos);
    CHECK(msg.find("unknown step kind \"brainstorm\"") != std::string::npos);
}

TEST_CASE("a missing language is an error naming the language") {
    const std::string msg = error_of(minimal(R"([{"kind": "write", "prompt": {"nb": "a", "en": "c"}}])"));
    CHECK(msg.find("missing language \"nn\"") != std::string::npos);
}

TEST_CASE("a step naming a zone the exercise lacks is an error") {
    const std::string zones = R"("zones": [{"id": "a", "label": {"nb": "A", "nn": "A", "en": "A"}}], )";
    const std::string msg =
        error_of(minimal(R"([{"kind": "write", "zones": ["b"], "prompt": {"nb": "a", "nn": "b", "en": "c"}}])", zones));
    CHECK(msg.find("zone \"b\" is not in the exercise") != std::string::npos);
}

TEST_CASE("a vote step without a dot budget is an error") {
    const std::string msg = error_of(minimal(R"([{"kind": "vote", "prompt": {"nb": "a", "nn": "b", "en": "c"}}])"));
    CHECK(msg.find("\"votes\"") != std::string::npos);
}

TEST_CASE("duplicate zone ids, bad colours and unknown layouts are errors") {
    const std::string z = R"({"id": "a", "label": {"nb": "A", "nn": "A", "en": "A"}})";
    CHECK(error_of(minimal(write_step, R"("zones": [)" + z + "," + z + "], ")).find("used twice") != std::string::npos);
    CHECK(error_of(minimal(write_step,
                           R"("zones": [{"id": "a", "colour": "red", "label": {"nb": "A", "nn": "A", "en": "A"}}], )"))
              .find("#RRGGBB") != std::string::npos);
    CHECK(error_of(minimal(write_step, R"("layout": "spiral", )")).find("unknown layout") != std::string::npos);
}

TEST_CASE("an exercise with no steps is an error") {
    CHECK(error_of(minimal("[]")).find("at least one step") != std::string::npos);
}

TEST_CASE("a conclude step needs fields, and fields belong to conclude steps") {
    CHECK(error_of(minimal(R"([{"kind": "conclude", "prompt": {"nb": "a", "nn": "b", "en": "c"}}])"))
              .find("needs \"fields\"") != std::string::npos);
    CHECK(error_of(minimal(R"([{"kind": "write", "fields": [], "prompt": {"nb": "a", "nn": "b", "en": "c"}}])"))
              .find("belong to a conclude step") != std::string::npos);
}

TEST_CASE("a grid needs axes and four quadrant zones; anonymity has three settings") {
    const std::string z = R"({"id": "a", "label": {"nb": "A", "nn": "A", "en": "A"}})";
    CHECK(error_of(minimal(write_step, R"("layout": "grid", )")).find("needs \"axes\"") != std::string::npos);
    CHECK(error_of(minimal(write_step, R"("layout": "grid", "axes": {"x": {"nb": "x", "nn": "x", "en": "x"},
        "y": {"nb": "y", "nn": "y", "en": "y"}}, "zones": [)" +
                                           z + "], "))
              .find("four zones") != std::string::npos);
    CHECK(error_of(minimal(write_step, R"("anonymity": "sometimes", )")).find("anonymity") != std::string::npos);
    auto def = parse_exercise(minimal(write_step, R"("anonymity": "projector", )"), "x.json");
    REQUIRE(def.ok());
    CHECK(def->anonymity == Anonymity::projector);
}

TEST_CASE("a fishbone's head names its field: another exercise's, or one its own conclude step declares") {
    const std::string fishbone = R"("layout": "fishbone", )";
    const std::string conclude =
        R"([{"kind": "conclude", "prompt": {"nb": "a", "nn": "b", "en": "c"},
             "fields": [{"id": "problem", "label": {"nb": "P", "nn": "P", "en": "P"}}]}])";
    auto other = parse_exercise(minimal(write_step, fishbone + R"("head": {"exercise": "y", "field": "statement"}, )"),
                                "x.json");
    REQUIRE(other.ok());
    CHECK(other->head->exercise == "y");
    CHECK(other->head->field == "statement");
    auto own = parse_exercise(minimal(conclude, fishbone + R"("head": {"field": "problem"}, )"), "x.json");
    REQUIRE(own.ok());
    CHECK(own->head->exercise.empty());
    CHECK(own->head->field == "problem");
    CHECK(error_of(minimal(write_step, fishbone + R"("head": {"field": "problem"}, )")) ==
          "x.json: head: names no conclusion field of this exercise: \"problem\"");
    CHECK(error_of(minimal(write_step, R"("head": {"exercise": "y", "field": "statement"}, )"))
              .find("only a fishbone layout has a head") != std::string::npos);
    CHECK(error_of(minimal(write_step, fishbone + R"("head": {"exercise": "y"}, )")).find("head") != std::string::npos);
}
