// Specification of pulse instruments and their results: the files that load, the error each
// mistake gets, and the anonymity rules — no figures below the threshold, no single answer ever.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/instrument.hpp"
#include "core/pulse.hpp"

using namespace samling;

namespace {

const std::string three_langs = R"({"nb": "a", "nn": "b", "en": "c"})";

std::string instrument_text(const std::string& scale, const std::string& statements,
                            const std::string& licence = R"("licence": "CC BY 4.0", )") {
    return R"({"id": "p", "title": )" + three_langs + R"(, "about": )" + three_langs + ", " + licence +
           R"("citation": "Samling 2026", "scale": )" + scale + R"(, "statements": )" + statements + "}";
}

const std::string scale_1_7 = R"({"min": 1, "max": 7, "labels": {"1": {"nb": "Helt uenig", "nn": "Heilt usamd",
    "en": "Strongly disagree"}, "7": {"nb": "Helt enig", "nn": "Heilt samd", "en": "Strongly agree"}}})";
const std::string two_statements = R"([{"id": "a", "text": {"nb": "A", "nn": "A", "en": "A"}},
    {"id": "b", "reverse": true, "text": {"nb": "B", "nn": "B", "en": "B"}}])";

Instrument parse_ok(const std::string& text) {
    auto r = parse_instrument(text, "p.json");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return r.value();
}

std::string instrument_error_of(const std::string& text) {
    auto r = parse_instrument(text, "p.json");
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

// n people answering `a` with the values given, and `b` with 8 − value (a consistent person).
std::vector<PulseSheet> sheets(const std::vector<int>& values) {
    std::vector<PulseSheet> out;
    for (int v : values) out.push_back({{"a", v}, {"b", 8 - v}});
    return out;
}

}  // namespace

TEST_CASE("both shipped instruments load, in three languages, with reverse-worded statements") {
    for (const char* name : {"trygghet_ledergruppe", "samhandling_paa_tvers"}) {
        CAPTURE(name);
        std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/exercises/instruments/" + name + ".json");
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        const Instrument ins = parse_ok(text.str());
        CHECK(ins.id == name);
        CHECK(ins.statements.size() == 7);
        CHECK(ins.scale.min == 1);
        CHECK(ins.scale.max == 7);
        CHECK(ins.scale.labels.at(1).in(Language::nb) == "Helt uenig");
        CHECK(ins.scale.labels.at(7).in(Language::nn) == "Heilt samd");
        CHECK(std::count_if(ins.statements.begin(), ins.statements.end(), [](auto& s) { return s.reverse; }) >= 1);
        CHECK(ins.about.in(Language::en).find("not") != std::string::npos);  // says it is not the licensed one
        CHECK_FALSE(ins.licence.empty());
        CHECK_FALSE(ins.citation.empty());
    }
}

TEST_CASE("each mistake in an instrument file is named with the file and the place") {
    CHECK(instrument_error_of(instrument_text(R"({"min": 7, "max": 1, "labels": {}})", two_statements))
              .find("0 <= min < max") != std::string::npos);
    CHECK(instrument_error_of(instrument_text(R"({"min": 1, "max": 30, "labels": {}})", two_statements))
              .find("at most 11") != std::string::npos);
    CHECK(instrument_error_of(
              instrument_text(R"({"min": 1, "max": 5, "labels": {"1": )" + three_langs + "}}", two_statements))
              .find("both ends") != std::string::npos);
    CHECK(instrument_error_of(instrument_text(R"({"min": 1, "max": 5, "labels": {"1": )" + three_langs + R"(, "5": )" +
                                                  three_langs + R"(, "9": )" + three_langs + "}}",
                                              two_statements))
              .find("scale.labels.9: is not on the scale") != std::string::npos);
    CHECK(instrument_error_of(
              instrument_text(R"({"min": 1, "max": 5, "labels": {"1": {"nb": "x"}, "5": )" + three_langs + "}}",
                              two_statements))
              .find("missing language \"nn\"") != std::string::npos);
    CHECK(instrument_error_of(instrument_text(scale_1_7, "[]")).find("at least one statement") != std::string::npos);
    CHECK(instrument_error_of(instrument_text(scale_1_7, R"([{"id": "a", "text": )" + three_langs +
                                                             R"(}, {"id": "a", "text": )" + three_langs + "}]"))
              .find("statements[1]: statement id \"a\" is used twice") != std::string::npos);
    CHECK(instrument_error_of(
              instrument_text(scale_1_7, R"([{"id": "a", "reverse": "yes", "text": )" + three_langs + "}]"))
              .find("\"reverse\" must be true or false") != std::string::npos);
    CHECK(instrument_error_of(instrument_text(scale_1_7, two_statements, "")).find("licence: missing") !=
          std::string::npos);
    CHECK(instrument_error_of("{\"id\": \"p\",").find("p.json: parse error") != std::string::npos);
}

TEST_CASE("four answers are suppressed everywhere; five are shown") {
    const Instrument ins = parse_ok(instrument_text(scale_1_7, two_statements));
    const PulseResult four = summarise_pulse(ins, sheets({7, 6, 5, 1}), default_pulse_threshold);
    CHECK(four.respondents == 4);
    CHECK(four.suppressed);
    CHECK_FALSE(four.index);
    for (const StatementResult& s : four.statements) {
        CHECK(s.suppressed);
        CHECK(s.n == 4);
        CHECK(s.mean == 0);  // no figure to read a person's answer from
        CHECK(s.distribution.empty());
    }

    const PulseResult five = summarise_pulse(ins, sheets({7, 6, 5, 1, 1}), default_pulse_threshold);
    CHECK_FALSE(five.suppressed);
    REQUIRE(five.statements.size() == 2);
    const StatementResult& a = five.statements[0];
    CHECK_FALSE(a.suppressed);
    CHECK(a.n == 5);
    CHECK(a.mean == doctest::Approx(4.0));
    CHECK(a.distribution.size() == 7);  // every point, zeros included, so no gap gives anything away
    CHECK(a.distribution.at(1) == 2);
    CHECK(a.distribution.at(2) == 0);
    CHECK(a.distribution.at(7) == 1);
}

TEST_CASE("a group of twelve where four answered is suppressed: the threshold counts answers, not members") {
    const Instrument ins = parse_ok(instrument_text(scale_1_7, two_statements));
    std::vector<PulseSheet> group = sheets({4, 5, 6, 7});
    group.resize(12);  // eight members who opened the step and answered nothing
    const PulseResult r = summarise_pulse(ins, group, default_pulse_threshold);
    CHECK(r.respondents == 4);
    CHECK(r.suppressed);
}

TEST_CASE("a statement fewer answered than the threshold is suppressed alone") {
    const Instrument ins = parse_ok(instrument_text(scale_1_7, two_statements));
    std::vector<PulseSheet> group = sheets({4, 5, 6, 7, 3});
    group[0].erase("b");
    group[1].erase("b");
    const PulseResult r = summarise_pulse(ins, group, default_pulse_threshold);
    CHECK_FALSE(r.suppressed);
    CHECK_FALSE(r.statements[0].suppressed);
    CHECK(r.statements[1].suppressed);
    CHECK(r.statements[1].n == 3);
    CHECK(r.statements[1].distribution.empty());
    REQUIRE(r.index);
    CHECK(*r.index == doctest::Approx(5.0));  // only statement a's five answers count
}

TEST_CASE("reverse-worded statements are mirrored on the scale for the index, not for their own figures") {
    const Instrument ins = parse_ok(instrument_text(scale_1_7, two_statements));
    // Everyone agrees fully with a (7) and disagrees fully with the reverse-worded b (1).
    std::vector<PulseSheet> group(5, PulseSheet{{"a", 7}, {"b", 1}});
    const PulseResult r = summarise_pulse(ins, group, default_pulse_threshold);
    CHECK(r.statements[1].mean == doctest::Approx(1.0));  // b as answered, on its own wording
    REQUIRE(r.index);
    CHECK(*r.index == doctest::Approx(7.0));  // both say "as safe as it gets"
}

TEST_CASE("the room's threshold never goes below three; answers off the scale or to unknown statements do not count") {
    CHECK(effective_threshold(1) == 3);
    CHECK(effective_threshold(8) == 8);
    const Instrument ins = parse_ok(instrument_text(scale_1_7, two_statements));
    CHECK(summarise_pulse(ins, sheets({4, 5}), 2).suppressed);
    CHECK_FALSE(summarise_pulse(ins, sheets({4, 5, 6}), 2).suppressed);

    std::vector<PulseSheet> group = sheets({4, 5, 6, 7, 3});
    group.push_back({{"a", 9}, {"gone", 4}});  // nothing countable: not a respondent
    const PulseResult r = summarise_pulse(ins, group, default_pulse_threshold);
    CHECK(r.respondents == 5);
    CHECK(r.statements[0].n == 5);
    CHECK(r.statements[0].mean == doctest::Approx(5.0));
}
