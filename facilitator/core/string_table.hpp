// One string table per language, filled once from the catalogue (i18n/strings.json): the build
// generates `void fill_strings(T&, Language)` for each table type. Plain data only.
#pragma once

#include <array>

#include "core/model.hpp"

namespace samling {

template <typename T>
const T& string_table(Language lang) {
    static const std::array<T, 3> tables = [] {
        std::array<T, 3> t{};
        fill_strings(t[0], Language::nb);
        fill_strings(t[1], Language::nn);
        fill_strings(t[2], Language::en);
        return t;
    }();
    return in_language(lang, tables[0], tables[1], tables[2]);
}

}  // namespace samling
