// In Samling "gruppe" (en: "group") is a leader group; a cluster of notes on a board is a
// "tema" (en: "theme"). Every string that names a cluster says so, in every language.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "ui/board/strings.hpp"
#include "ui/ui_strings.hpp"

using namespace samling;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The projector's words for a cluster: the board's, and the help overlay's line for C.
std::vector<std::string> cluster_words(Language lang) {
    const BoardStrings& b = board_strings(lang);
    std::vector<std::string> words{b.selected, b.cluster_title, b.make_cluster, b.rename_title};
    for (const KeyHelp& k : ui_strings(lang).help)
        if (k.keys && std::string(k.keys).ends_with(" C")) words.emplace_back(k.what);
    return words;
}

}  // namespace

TEST_CASE("a cluster is a tema (en: theme), never a gruppe or group, in nb, nn and en") {
    for (Language lang : {Language::nb, Language::nn, Language::en}) {
        const std::vector<std::string> words = cluster_words(lang);
        REQUIRE(words.size() == 5);
        const std::string theme = lang == Language::en ? "theme" : "tema";
        for (const std::string& w : words) {
            INFO(w);
            CHECK(lower(w).find("grupp") == std::string::npos);
            CHECK(lower(w).find("group") == std::string::npos);
            CHECK(lower(w).find(theme) != std::string::npos);
        }
    }
}
