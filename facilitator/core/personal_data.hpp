// The guard against personal data in what participants write: a fødselsnummer, D- or H-nummer
// (refused), a name with an age or class, or a case word (the writer is asked to rephrase).
// Says which rule matched, never the text. Pure C++ and utf8proc; assets/web/personal_guard.js is its twin.
#pragma once

#include <string_view>
#include <vector>

namespace samling {

enum class PersonalRule {
    personal_number,  // hard: 11 digits with a real date and both mod-11 control digits right
    name_with_age,    // soft: "Per (7)", "Kari, 9 år", "Ola i 3A"
    case_word,        // soft: saksnummer, journalnummer, fødselsnummer, "case number"...
};

std::string_view to_string(PersonalRule rule);
inline bool is_hard(PersonalRule rule) {
    return rule == PersonalRule::personal_number;
}

// Every rule the text matches, each once, the hard one first.
std::vector<PersonalRule> find_personal_data(std::string_view text);

// Whether 11 digits are a valid Norwegian national identity number: fødselsnummer, D-nummer
// (day + 40) or H-nummer (month + 40), with a date the calendar has and both control digits.
bool is_personal_number(std::string_view eleven_digits);

}  // namespace samling
