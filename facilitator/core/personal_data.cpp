// Rules for text that names a person or a case, read on code points (text::decode), with letters
// and their case from utf8proc. Each rule is written so the phone's personal_guard.js can say the
// same in a few lines of JavaScript: tests/fixtures/personal_data.json holds both to one answer.
#include "core/personal_data.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <string>

#include <utf8proc.h>

#include "core/text.hpp"

namespace samling {
namespace {

using CodePoints = std::u32string;

CodePoints code_points_of(std::string_view s) {
    CodePoints out;
    for (std::size_t at = 0; at < s.size();) {
        const text::Decoded d = text::decode(s, at);
        out.push_back(d.length ? d.code_point : U'\uFFFD');
        at += d.length ? d.length : 1;
    }
    return out;
}

utf8proc_category_t category(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}
bool is_letter(char32_t c) {
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT ||
           k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t c) {
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}
bool is_lower(char32_t c) {
    return category(c) == UTF8PROC_CATEGORY_LL;
}
bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0';
}
char32_t lower(char32_t c) {
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

// ---------------------------------------------------------------------------------------------
// Fødselsnummer, D-nummer, H-nummer: DDMMYY III K1 K2 (Skatteetaten's rules)

// The year of birth the individual number III gives a two-digit year, or 0 when that pair is
// never issued.
int birth_year(int yy, int individual) {
    if (individual <= 499) return 1900 + yy;
    if (individual <= 749 && yy >= 54) return 1800 + yy;
    if (yy <= 39) return 2000 + yy;
    if (individual >= 900) return 1900 + yy;
    return 0;
}

// A mod-11 control digit over the first weights.size() digits; -1 when the remainder leaves 10,
// a number that is never issued.
template <std::size_t N>
int control_digit(const std::array<int, 11>& d, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i) sum += d[i] * weights[i];
    const int k = 11 - sum % 11;
    return k == 11 ? 0 : k == 10 ? -1 : k;
}

}  // namespace

bool is_personal_number(std::string_view s) {
    if (s.size() != 11) return false;
    std::array<int, 11> d{};
    for (std::size_t i = 0; i < 11; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        d[i] = s[i] - '0';
    }
    int day = d[0] * 10 + d[1], month = d[2] * 10 + d[3];
    if (day > 40)
        day -= 40;  // D-nummer: the day plus 40
    else if (month > 40)
        month -= 40;  // H-nummer: the month plus 40
    const int year = birth_year(d[4] * 10 + d[5], d[6] * 100 + d[7] * 10 + d[8]);
    if (year == 0) return false;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (month < 1 || month > 12 || day < 1 || !date.ok()) return false;
    const int k1 = control_digit(d, std::array{3, 7, 6, 1, 8, 9, 4, 5, 2});
    const int k2 = control_digit(d, std::array{5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
    return k1 == d[9] && k2 == d[10];
}

namespace {

// Eleven digits standing alone, or six and five with one space, dot or hyphen between them
// ("010190 12345"): a run of 10 or 12 digits is some other number.
bool has_personal_number(const CodePoints& t) {
    const std::size_t n = t.size();
    const auto digits_from = [&](std::size_t at) {
        std::size_t j = at;
        while (j < n && is_digit(t[j])) ++j;
        return j - at;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1]))) continue;
        const std::size_t run = digits_from(i);
        std::string number;
        if (run == 11) {
            for (std::size_t j = i; j < i + 11; ++j) number += static_cast<char>(t[j]);
        } else if (run == 6 && i + 12 <= n && (t[i + 6] == U' ' || t[i + 6] == U'.' || t[i + 6] == U'-') &&
                   digits_from(i + 7) == 5) {
            for (std::size_t j = i; j < i + 12; ++j)
                if (j != i + 6) number += static_cast<char>(t[j]);
        }
        if (!number.empty() && is_personal_number(number)) return true;
        i += run - 1;
    }
    return false;
}

// Whether `word` (lower case) is spelt at t[at...], in any case; returns the position after it.
std::size_t match_word(const CodePoints& t, std::size_t at, std::u32string_view word) {
    if (at + word.size() > t.size()) return 0;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(t[at + i]) != word[i]) return 0;
    return at + word.size();
}

std::size_t skip_spaces(const CodePoints& t, std::size_t at) {
    while (at < t.size() && is_space(t[at])) ++at;
    return at;
}

// After a name: "(7)", "(7 år)", ", 9 år", " 9 år", " i 3A" / " på 2B" / " in 4C".
bool age_or_class_at(const CodePoints& t, std::size_t at) {
    const std::size_t n = t.size();
    const auto age_digits = [&](std::size_t from) -> std::size_t {  // one or two digits, then no digit
        std::size_t j = from;
        while (j < n && is_digit(t[j])) ++j;
        return j - from >= 1 && j - from <= 2 ? j : 0;
    };
    const auto age_word = [&](std::size_t from) -> std::size_t {
        for (std::u32string_view w : {U"år", U"years", U"year", U"yrs"})
            if (const std::size_t end = match_word(t, from, w); end && (end == n || !is_letter(t[end]))) return end;
        return 0;
    };
    // "(7)" or "(7 år)"
    if (std::size_t j = skip_spaces(t, at); j < n && t[j] == U'(') {
        if (j = age_digits(skip_spaces(t, j + 1)); j) {
            const std::size_t after_word = age_word(skip_spaces(t, j));
            j = skip_spaces(t, after_word ? after_word : j);
            if (j < n && t[j] == U')') return true;
        }
    }
    // ", 9 år" or " 9 år"
    std::size_t j = at;
    if (j < n && t[j] == U',') ++j;
    if (const std::size_t k = skip_spaces(t, j); k > at) {
        if (const std::size_t end = age_digits(k); end && age_word(skip_spaces(t, end))) return true;
    }
    // " i 3A", " på 2B", " in 4C"
    if (j = skip_spaces(t, at); j > at) {
        for (std::u32string_view word : {U"i", U"på", U"in"}) {
            const std::size_t end = match_word(t, j, word);
            if (!end || end == skip_spaces(t, end)) continue;
            const std::size_t code = skip_spaces(t, end);
            std::size_t d = code;
            while (d < n && is_digit(t[d])) ++d;
            if (d - code < 1 || d - code > 2 || d >= n || !is_letter(t[d])) continue;
            // "3A" ends there: not "2B-gruppen", not "3AB"
            if (d + 1 == n || (!is_letter(t[d + 1]) && !is_digit(t[d + 1]) && t[d + 1] != U'-')) return true;
        }
    }
    return false;
}

// A capitalised word (a name: "Per", "Anne-Lise") followed by an age or a class.
bool has_name_with_age(const CodePoints& t) {
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_upper(t[i]) || (i > 0 && (is_letter(t[i - 1]) || is_digit(t[i - 1])))) continue;
        std::size_t j = i + 1;
        for (;;) {
            const std::size_t start = j;
            while (j < n && is_lower(t[j])) ++j;
            if (j == start) break;
            if (j + 2 < n && t[j] == U'-' && is_upper(t[j + 1]) && is_lower(t[j + 2]))
                j += 2;  // Anne-Lise
            else
                break;
        }
        if (j == i + 1 || (j < n && is_letter(t[j]))) continue;
        if (age_or_class_at(t, j)) return true;
    }
    return false;
}

// Words that point to a case or a person's number, in bokmål, nynorsk and English (inflected
// forms too: "saksnummeret", "case numbers").
constexpr std::array<std::u32string_view, 21> case_words = {
    U"saksnummer",    U"saksnr",          U"saks.nr",         U"journalnummer", U"journalnr",
    U"journal.nr",    U"personnummer",    U"personnr",        U"fødselsnummer", U"fødselsnr",
    U"d-nummer",      U"case number",     U"case no.",        U"case file",     U"journal number",
    U"record number", U"personal number", U"identity number", U"id number",     U"social security number",
    U"birth number",
};

bool has_case_word(const CodePoints& t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i > 0 && is_letter(t[i - 1])) continue;
        for (std::u32string_view w : case_words)
            if (match_word(t, i, w)) return true;
    }
    return false;
}

}  // namespace

std::string_view to_string(PersonalRule rule) {
    switch (rule) {
        case PersonalRule::personal_number:
            return "personal_number";
        case PersonalRule::name_with_age:
            return "name_with_age";
        case PersonalRule::case_word:
            return "case_word";
    }
    return "personal_number";
}

std::vector<PersonalRule> find_personal_data(std::string_view text) {
    const CodePoints t = code_points_of(text);
    std::vector<PersonalRule> found;
    if (has_personal_number(t)) found.push_back(PersonalRule::personal_number);
    if (has_name_with_age(t)) found.push_back(PersonalRule::name_with_age);
    if (has_case_word(t)) found.push_back(PersonalRule::case_word);
    return found;
}

}  // namespace samling
