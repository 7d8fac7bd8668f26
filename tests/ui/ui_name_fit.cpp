// Group names on the strip's chips and the overview's tiles: cut from the middle, and never two
// groups to the same text. Real fonts, the widths a 27-group strip gives.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "ui/text/name_fit.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui_fonts_fixture.hpp"

using namespace samling;
using samling::test::ImGuiWithFonts;

TEST_CASE("a name that fits is whole; a long one keeps its start and its end around …") {
    ImGuiWithFonts g(18.0f);
    REQUIRE(g.ok);
    const ImFont* f = g.fonts.small;
    const float s = g.fonts.size(f);
    CHECK(cut_middle(f, s, "PPT", 100) == "PPT");
    const std::string cut = cut_middle(f, s, "Barnevernet Bekkestua", text_width(f, s, "Barnevernet B…"));
    CHECK(cut.find("…") != std::string::npos);
    CHECK(cut.rfind("Barnev", 0) == 0);          // its start
    CHECK(cut.substr(cut.size() - 3) == "tua");  // and its end
    CHECK(text_width(f, s, cut) <= text_width(f, s, "Barnevernet B…"));
    // Never a broken character: æøå are two bytes each.
    const std::string nordic = cut_middle(f, s, "Ærøy ørretfiskelag åååå", text_width(f, s, "Ærøy…åå"));
    CHECK(nordic.find("…") != std::string::npos);
    for (std::size_t i = 0; i < nordic.size();) {  // valid UTF-8 through and through
        const auto c = static_cast<unsigned char>(nordic[i]);
        const std::size_t len = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : 4;
        for (std::size_t k = 1; k < len; ++k) CHECK((static_cast<unsigned char>(nordic[i + k]) & 0xC0) == 0x80);
        i += len;
    }
}

TEST_CASE("two groups never read the same: «Barnevernet B…» twice becomes two different cuts") {
    ImGuiWithFonts g(18.0f);
    REQUIRE(g.ok);
    const ImFont* f = g.fonts.small;
    const float s = g.fonts.size(f);
    const float width = text_width(f, s, "Barnevernet B…");
    // What the strip showed before: the end cut, the same for both.
    REQUIRE(fit_line(f, s, "Barnevernet Bekkestua", width) == fit_line(f, s, "Barnevernet Bærums verk", width));
    const std::vector<std::string> names = {"Barnevernet Bekkestua", "Barnevernet Bærums verk", "PPT"};
    const std::vector<std::string> out = distinct_names(f, s, names, width);
    REQUIRE(out.size() == 3);
    CHECK(out[0] != out[1]);
    CHECK(out[2] == "PPT");
    for (const std::string& o : out) CHECK(text_width(f, s, o) <= width);
}

TEST_CASE("27 real-looking group names at a compact chip's width: all different, all fit") {
    ImGuiWithFonts g(18.0f);
    REQUIRE(g.ok);
    const ImFont* f = g.fonts.small;
    const float s = g.fonts.size(f);
    const std::vector<std::string> names = {"Barnevernet Bekkestua",
                                            "Barnevernet Bærums verk",
                                            "Barnevernet Sandvika",
                                            "Helsestasjonen Bekkestua",
                                            "Helsestasjonen Fornebu",
                                            "Helsestasjonen Sandvika",
                                            "PPT Vest",
                                            "PPT Øst",
                                            "Valler skole",
                                            "Hosle skole",
                                            "Stabekk skole",
                                            "Stabekk ungdomsskole",
                                            "Bekkestua barnehage",
                                            "Bekkestua bibliotek",
                                            "NAV Bærum",
                                            "Familiesenteret Vest",
                                            "Familiesenteret Øst",
                                            "Skolehelsetjenesten Vest",
                                            "Skolehelsetjenesten Øst",
                                            "Oppvekst stab",
                                            "Kommunepsykolog",
                                            "Flyktningtjenesten",
                                            "Fritid og kultur Vest",
                                            "Fritid og kultur Øst",
                                            "BUP Bærum",
                                            "Tverrfaglig team Vest",
                                            "Tverrfaglig team Øst"};
    for (float width : {4.0f * g.fonts.em, 5.0f * g.fonts.em, 7.0f * g.fonts.em}) {
        CAPTURE(width);
        const std::vector<std::string> out = distinct_names(f, s, names, width);
        const std::set<std::string> unique(out.begin(), out.end());
        CHECK(unique.size() == names.size());
        for (const std::string& o : out) CHECK(text_width(f, s, o) <= width);
    }
}
