// Specification of the guard against personal data (core/personal_data): the vectors in
// tests/fixtures/personal_data.json, which the phone page's personal_guard.js must answer alike.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/personal_data.hpp"

using namespace samling;

namespace {

nlohmann::json fixture() {
    std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/tests/fixtures/personal_data.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

std::vector<std::string> rules_in(std::string_view text) {
    std::vector<std::string> out;
    for (PersonalRule r : find_personal_data(text)) out.emplace_back(to_string(r));
    return out;
}

}  // namespace

TEST_CASE("every shared vector gets the rules the fixture names, the hard one first") {
    const auto cases = fixture()["cases"];
    REQUIRE(cases.size() >= 30);
    for (const auto& c : cases) {
        const std::string text = c["text"];
        INFO(text, " (", c["why"].get<std::string>(), ")");
        CHECK(rules_in(text) == c["rules"].get<std::vector<std::string>>());
    }
}

TEST_CASE("a fødselsnummer is valid only with a real date and both control digits") {
    CHECK(is_personal_number("01019012480"));
    CHECK(is_personal_number("29020052099"));         // 29 Feb 2000
    CHECK_FALSE(is_personal_number("29020010027"));   // 29 Feb 1900: no such day
    CHECK_FALSE(is_personal_number("01019012481"));   // K2 wrong
    CHECK_FALSE(is_personal_number("01019012580"));   // K1 wrong
    CHECK_FALSE(is_personal_number("0101901248"));    // 10 digits
    CHECK_FALSE(is_personal_number("010190124800"));  // 12 digits
    CHECK_FALSE(is_personal_number("0101901248a"));
}

TEST_CASE("D-nummer adds 40 to the day, H-nummer 40 to the month") {
    CHECK(is_personal_number("41019012393"));
    CHECK(is_personal_number("71128923483"));
    CHECK(is_personal_number("01419012382"));
    CHECK(is_personal_number("24528534534"));
    CHECK_FALSE(is_personal_number("72019012345"));  // day 32
    CHECK_FALSE(is_personal_number("01139012328"));  // month 13, control digits right
}

TEST_CASE("every valid number keeps failing when any one digit changes") {
    for (std::string number : {"01019012480", "41019012393", "01419012382", "15080551212"}) {
        for (std::size_t i = 9; i < 11; ++i) {
            std::string wrong = number;
            wrong[i] = static_cast<char>('0' + (wrong[i] - '0' + 1) % 10);
            CHECK_MESSAGE(!is_personal_number(wrong), wrong);
        }
    }
}

TEST_CASE("a finding names the rule, never the text") {
    for (PersonalRule r : find_personal_data("Ola i 3A har saksnummer 01019012480")) {
        const std::string name(to_string(r));
        CHECK(name.find("Ola") == std::string::npos);
        CHECK(name.find("0101") == std::string::npos);
    }
    CHECK(is_hard(PersonalRule::personal_number));
    CHECK_FALSE(is_hard(PersonalRule::name_with_age));
    CHECK_FALSE(is_hard(PersonalRule::case_word));
}
