// Filling placeholders and choosing plural forms for the catalogue's texts.
#include "core/phrase.hpp"

#include <algorithm>
#include <cstdio>

namespace samling {

std::string fill(std::string_view pattern, PhraseValues values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const auto* value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (value != values.end())
            out.append(value->second);
        else
            out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(i));
    return out;
}

const char* plural_form(const Plural& p, int n) {
    switch (p.lang) {
        case Language::nb:
        case Language::nn:
        case Language::en:
            return n == 1 ? p.one : p.other;
    }
    return p.other;
}

std::string count_text(const Plural& p, int n) {
    return fill(plural_form(p, n), {{"n", std::to_string(n)}});
}

std::string decimal_text(double v, Language lang) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string out = buf;
    if (lang != Language::en) std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

}  // namespace samling
