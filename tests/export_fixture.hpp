// A programme for export tests, built with the shipped exercises: HeLU with two gatherings;
// "Oppvekst Nordvik" defines its problem, finds root causes (with a 5-whys chain) at
// gathering 1 and plans measures with owners and dates at gathering 2; "Barnevern og PPT" has
// concluded nothing. Plus a small hand-made PNG to stand in for the projector's snapshot.
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core_fixture.hpp"
#include "export/export_writer.hpp"
#include "export/project_log.hpp"
#include "store_temp_dir.hpp"

namespace samling::testing {

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// How many times `needle` occurs in `haystack`, overlapping ones too.
inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

inline constexpr Timestamp day1 = 1789372800000;  // 2026-09-14T08:00:00Z
inline constexpr Timestamp day2 = 1800432000000;  // 2027-01-20T08:00:00Z
inline constexpr Timestamp minute = 60'000;

inline const std::string tricky_note = "Foreldre sier: \"vi visste ikke\", og\nga opp";
inline const std::string statement =
    "For familier med barn i overgangen mellom barnehage og skole faller informasjonen mellom "
    "tjenestene, "
    "noe som betyr at hjelpen kommer for sent.";

struct ProgrammeFixture {
    Workshop w{shipped_catalog()};
    Id nord = 0, sor = 0, g1 = 0, g2 = 0, anna = 0, bo = 0, cato = 0;
    Id problem_run = 0, cause_run = 0, goals_run = 0;
    Id obs = 0, waits = 0, tricky = 0, duplicate = 0, deleted = 0, parked = 0, cause = 0, why1 = 0, why2 = 0;
    Id measure1 = 0, measure2 = 0;

    Id note(Id who, const std::string& id, const std::string& text, Timestamp at, std::optional<std::string> zone = {},
            Id parent = 0, NoteFields fields = {}) {
        return run(w, cmd::AddNote{who, id, text, std::move(zone), parent, std::move(fields)}, at).subject;
    }
    void vote(Id who, Id n, int times = 1) {
        for (int i = 0; i < times; ++i) run(w, cmd::CastVote{who, n});
    }

    ProgrammeFixture() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        run(w, cmd::NameProgramme{"HeLU Vestland 2026–27"});
        g1 = run(w, cmd::SaveGathering{0, "Behov for endring", "2026-09-14"}).subject;
        g2 = run(w, cmd::SaveGathering{0, "Mål og tiltak", "2027-01-20"}).subject;
        nord = run(w, cmd::AddGroup{"Nord"}).subject;
        sor = run(w, cmd::AddGroup{"Barnevern og PPT"}).subject;
        run(w,
            cmd::EditGroup{nord, "Oppvekst Nordvik", "skole, barnehage, PPT, helsestasjon", "Tidlig inn i familiene"});
        run(w, cmd::OpenGathering{g1});
        run(w, cmd::SetAgenda{g1, {"problem_definition", "root_cause"}});

        // Gathering 1: the real problem.
        problem_run = run(w, cmd::StartNext{nord}, day1).subject;
        anna = run(w, cmd::Join{"ABC234", nord, "Anna", std::string(32, 'a')}).subject;
        bo = run(w, cmd::Join{"ABC234", nord, "", std::string(32, 'b')}).subject;
        cato = run(w, cmd::Join{"ABC234", sor, "", std::string(32, 'c')}).subject;
        obs = note(anna, "n1", "Foreldre får ulike beskjeder fra skolen og PPT", day1 + 1 * minute);
        waits = note(bo, "n2", "Barnehagen venter lenge på svar fra barnevernet", day1 + 2 * minute);
        tricky = note(anna, "n3", tricky_note, day1 + 3 * minute);
        duplicate = note(bo, "n4", "Foreldre får forskjellige beskjeder fra skole og PPT", day1 + 4 * minute);
        deleted = note(anna, "n5", "Feil lapp", day1 + 5 * minute);
        run(w, cmd::DeleteNote{anna, deleted}, day1 + 6 * minute);
        parked = note(bo, "n6", "Ansett en koordinator", day1 + 7 * minute);
        run(w, cmd::GoToStep{nord, 2});
        run(w, cmd::PlaceNote{parked, "parking"});  // a premature solution goes to the parking lot
        run(w, cmd::MakeCluster{nord, "observations", "Informasjon mellom tjenestene", {obs, tricky}});
        run(w, cmd::MergeNotes{obs, duplicate});
        run(w, cmd::GoToStep{nord, 3});
        vote(anna, obs, 2);
        vote(anna, waits);
        vote(bo, obs);
        vote(bo, tricky);
        vote(bo, waits);
        run(w, cmd::GoToStep{nord, 4});
        run(w, cmd::SetConclusion{nord, "affected", "Barna og familiene i overgangene"});
        run(w, cmd::SetConclusion{nord, "statement", statement});
        run(w, cmd::ConcludeRun{nord}, day1 + 60 * minute);

        // Gathering 1: root causes, with one 5-whys chain.
        cause_run = run(w, cmd::StartNext{nord}, day1 + 70 * minute).subject;
        cause = note(anna, "c1", "Ingen eier overgangen mellom tjenestene", day1 + 71 * minute, "structural");
        run(w, cmd::GoToStep{nord, 1});  // reveal: a "why?" answers a note its writer can see
        run(w, cmd::GoToStep{nord, 4});
        why1 = note(bo, "w1", "Fordi rollene ikke er avklart", day1 + 80 * minute, {}, cause);
        why2 = note(anna, "w2", "Fordi ingen har fått mandat til det", day1 + 81 * minute, {}, why1);
        run(w, cmd::GoToStep{nord, 5});
        run(w, cmd::SetConclusion{nord, "root_causes", "Uklare roller og mandat i overgangene"});
        run(w, cmd::ConcludeRun{nord}, day1 + 120 * minute);

        // Gathering 2: goals and measures with owners and start dates.
        run(w, cmd::OpenGathering{g2});
        run(w, cmd::SetAgenda{g2, {"goals_measures"}});
        goals_run = run(w, cmd::StartNext{nord}, day2).subject;
        note(anna, "g1", "Alle barn har én fast kontaktperson i overgangen", day2 + minute);
        run(w, cmd::GoToStep{nord, 2});
        measure1 = note(
            anna, "m1", "Felles oppstartsmøte for skole og barnehage", day2 + 20 * minute, {}, 0,
            {{"owner", "Rektor Kari Nilsen"}, {"start", "2027-02-01"}, {"indicator", "Alle overganger har en plan"}});
        measure2 = note(bo, "m2", "Faste samarbeidsmøter med PPT", day2 + 21 * minute, {}, 0,
                        {{"owner", "Styrer Ola Berg"}, {"start", "2027-03-15"}});
        run(w, cmd::GoToStep{nord, 4});
        run(w, cmd::SetConclusion{nord, "goal", "Alle barn har én fast kontaktperson i overgangen"});
        run(w, cmd::SetConclusion{nord, "measures",
                                  "Oppstartsmøte (Kari, 1. feb.) og faste møter med PPT (Ola, 15. mars)"});
        run(w, cmd::ConcludeRun{nord}, day2 + 90 * minute);
    }
};

// A small but real PNG (stored, uncompressed deflate): a light board with four sticky notes.
inline std::string board_png(int width = 320, int height = 180) {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    const auto crc = [&](const std::string& bytes) {
        std::uint32_t c = 0xFFFFFFFFu;
        for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    };
    const auto be32 = [](std::uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16 & 0xFF), char(v >> 8 & 0xFF), char(v & 0xFF)};
    };
    const auto chunk = [&](const std::string& type, const std::string& data) {
        const std::string body = type + data;
        return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc(body));
    };
    std::string raw;  // filter byte 0, then RGB per row
    for (int y = 0; y < height; ++y) {
        raw += '\0';
        for (int x = 0; x < width; ++x) {
            unsigned char r = 0xF4, g = 0xF1, b = 0xE8;  // the board
            const int col = x * 4 / width, in_x = x % (width / 4), in_y = y - height / 3;
            if (in_x > 8 && in_x < width / 4 - 8 && in_y > 0 && in_y < height / 3) {
                const unsigned char notes[4][3] = {
                    {0xFF, 0xE2, 0x7A}, {0xBF, 0xD7, 0xEA}, {0xBF, 0xE3, 0xC6}, {0xFF, 0xE2, 0x7A}};
                r = notes[col][0], g = notes[col][1], b = notes[col][2];
            }
            raw += char(r), raw += char(g), raw += char(b);
        }
    }
    std::string z = "\x78\x01";  // zlib header, then stored blocks of at most 65535 bytes
    std::uint32_t a = 1, s2 = 0;
    for (unsigned char c : raw) a = (a + c) % 65521, s2 = (s2 + a) % 65521;
    for (std::size_t i = 0; i < raw.size(); i += 65535) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - i);
        z += char(i + n == raw.size() ? 1 : 0);
        z += char(n & 0xFF), z += char(n >> 8), z += char(~n & 0xFF), z += char((~n >> 8) & 0xFF);
        z += raw.substr(i, n);
    }
    z += be32((s2 << 16) | a);
    const std::string ihdr =
        be32(static_cast<std::uint32_t>(width)) + be32(static_cast<std::uint32_t>(height)) + std::string{8, 2, 0, 0, 0};
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", "");
}

inline void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

}  // namespace samling::testing
