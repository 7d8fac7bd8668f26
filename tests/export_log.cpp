// Specification of the project-log model and its data exports: what an entry holds, the
// Markdown text, the CSV rows (RFC 4180, BOM) and the JSON document.
#include <nlohmann/json.hpp>

#include "export/encoding.hpp"
#include "export/renderers.hpp"
#include "export_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    const auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("a project log holds each concluded run, oldest first, with its gathering and conclusion") {
    ProgrammeFixture f;
    const ProjectLog log = build_project_log(f.w, f.nord, Language::nb, {});
    CHECK(log.group_name == "Oppvekst Nordvik");
    CHECK(log.programme == "HeLU Vestland 2026–27");
    REQUIRE(log.entries.size() == 3);
    const LogEntry& problem = log.entries[0];
    CHECK(problem.title == "Hva er det egentlige problemet?");
    REQUIRE(problem.gathering.has_value());
    CHECK(problem.gathering->number == 1);
    CHECK(problem.concluded_at == day1 + 60 * minute);
    REQUIRE(problem.conclusion.size() == 2);  // the empty fields are left out, the rest in order
    CHECK(problem.conclusion[0].label == "Hvem rammes?");
    CHECK(problem.conclusion[1].label == "Problemformulering");
    CHECK(problem.conclusion[1].text == statement);
    CHECK(log.entries[1].exercise == "root_cause");
    CHECK(log.entries[2].gathering->number == 2);
    CHECK(build_project_log(f.w, f.sor, Language::nb, {}).entries.empty());
}

TEST_CASE("top-voted notes count merged duplicates' dots; the board lists zones, clusters and the rest") {
    ProgrammeFixture f;
    const LogEntry e = build_project_log(f.w, f.nord, Language::nb, {}).entries[0];
    REQUIRE(e.top_voted.size() == 3);
    CHECK(e.top_voted[0].text == "Foreldre får ulike beskjeder fra skolen og PPT");
    CHECK(e.top_voted[0].dots == 3);
    CHECK(e.top_voted[0].zone == "Observasjoner");
    CHECK(e.top_voted[1].dots == 2);
    CHECK(e.top_voted[2].dots == 1);
    REQUIRE(e.board.size() == 2);
    CHECK(e.board[0].label == "Observasjoner");
    REQUIRE(e.board[0].clusters.size() == 1);
    CHECK(e.board[0].clusters[0].name == "Informasjon mellom tjenestene");
    CHECK(e.board[0].clusters[0].notes.size() == 2);
    CHECK(e.board[0].clusters[0].notes[0].merged == 1);
    REQUIRE(e.board[0].unclustered.size() == 1);
    CHECK(e.board[0].unclustered[0].text == "Barnehagen venter lenge på svar fra barnevernet");
    CHECK(e.board[1].label == "Parkert: løsninger");
}

TEST_CASE("5-whys chains read cause → why → why; note fields keep their labels; snapshots are found") {
    ProgrammeFixture f;
    TempDir snaps;
    write_bytes(snapshot_file(snaps.path, f.cause_run), board_png());
    const ProjectLog log = build_project_log(f.w, f.nord, Language::nb, snaps.path);
    const LogEntry& causes = log.entries[1];
    REQUIRE(causes.why_chains.size() == 1);
    CHECK(causes.why_chains[0] == std::vector<std::string>{"Ingen eier overgangen mellom tjenestene",
                                                           "Fordi rollene ikke er avklart",
                                                           "Fordi ingen har fått mandat til det"});
    CHECK(causes.snapshot == snaps.path / ("run-" + std::to_string(f.cause_run) + ".png"));
    CHECK(log.entries[0].snapshot.empty());
    const BoardZone& measures = log.entries[2].board[1];
    CHECK(measures.label == "Tiltak");
    REQUIRE(measures.unclustered.size() == 2);
    const auto& fields = measures.unclustered[0].fields;
    REQUIRE(fields.size() == 3);
    CHECK(fields[0].label == "Eier");
    CHECK(fields[0].text == "Rektor Kari Nilsen");
    CHECK(fields[1].label == "Startdato");
    CHECK(fields[1].text == "1. februar 2027");  // a date field, printed as a date
    const auto en = build_project_log(f.w, f.nord, Language::en, {}).entries[2].board[1].unclustered[0].fields[1];
    CHECK(en.label == "Start date");
    CHECK(en.text == "1 February 2027");
}

TEST_CASE(
    "Markdown: title block, entries under their gathering, notes escaped, picture linked beside "
    "it") {
    ProgrammeFixture f;
    TempDir snaps;
    write_bytes(snapshot_file(snaps.path, f.problem_run), board_png());
    const std::string md = render_markdown(build_project_log(f.w, f.nord, Language::nb, snaps.path),
                                           day2 + 100 * minute, "oppvekst-nordvik-images");
    CHECK(md.starts_with("# Prosjektlogg: Oppvekst Nordvik\n"));
    CHECK(has_line(md, "- **Tjenester:** skole, barnehage, PPT, helsestasjon"));
    CHECK(has_line(md, "- **Eksportert:** 20. januar 2027"));
    CHECK(has_line(md, "- Samling 1 — Behov for endring · 14. september 2026 · 2 oppføringer"));
    CHECK(has_line(md, "## Samling 2 — Mål og tiltak · 20. januar 2027"));
    CHECK(has_line(md, "### Hva er det egentlige problemet?"));
    CHECK(has_line(md, "> " + statement));
    CHECK(has_line(md, "1. **3 stemmer** — Foreldre får ulike beskjeder fra skolen og PPT *(Observasjoner)*"));
    CHECK(has_line(md, "- **Informasjon mellom tjenestene**"));
    CHECK(has_line(md, "  - Foreldre får ulike beskjeder fra skolen og PPT *(3 stemmer)*"));
    CHECK(has_line(md, "  - Foreldre sier: \"vi visste ikke\", og  "));  // a hard line break...
    CHECK(has_line(md, "    ga opp *(1 stemme)*"));                      // ...kept inside the list item
    CHECK(has_line(md,
                   "- Felles oppstartsmøte for skole og barnehage *(Eier: Rektor Kari Nilsen · Startdato: "
                   "1\\. februar 2027 · Slik vet vi at det virker: Alle overganger har en plan)*") == false);
    CHECK(has_line(md,
                   "- Felles oppstartsmøte for skole og barnehage *(Eier: Rektor Kari Nilsen · Startdato: "
                   "1. februar 2027 · Slik vet vi at det virker: Alle overganger har en plan)*"));
    CHECK(has_line(md,
                   "1. Ingen eier overgangen mellom tjenestene → Fordi rollene ikke er avklart → "
                   "Fordi ingen har fått mandat til det"));
    CHECK(has_line(md, "![Bilde av tavla](oppvekst-nordvik-images/run-" + std::to_string(f.problem_run) + ".png)"));
}

TEST_CASE("Markdown and HTML cannot be made into markup by a note") {
    CHECK(encode::markdown("<script>alert(1)</script> *fet* [lenke](x)") ==
          "\\<script\\>alert(1)\\</script\\> \\*fet\\* \\[lenke\\](x)");
    CHECK(encode::markdown("# ikke en overskrift\n- ikke en liste\n1. ikke nummerert", "", true) ==
          "\\# ikke en overskrift  \n\\- ikke en liste  \n1\\. ikke nummerert");
    CHECK(encode::markdown("14. september") == "14. september");  // mid-line: no list to start
    CHECK(encode::html("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;");
}

TEST_CASE("CSV: a BOM, a header, one CRLF row per live note (merged ones too), RFC 4180 quoting") {
    ProgrammeFixture f;
    const std::string csv = render_csv(note_rows(f.w, f.nord, Language::nb));
    CHECK(csv.starts_with("\xEF\xBB\xBFgathering_number,gathering_title,exercise,run,note,step,zone,zone_label,"));
    CHECK(csv.find("\r\n") != std::string::npos);
    const std::string p = std::to_string(f.problem_run);
    CHECK(has_line(csv, "1,Behov for endring,problem_definition," + p + "," + std::to_string(f.obs) +
                            ",observe,observations,Observasjoner,Informasjon mellom tjenestene,,,"
                            "Foreldre får ulike beskjeder fra skolen og PPT,3,1,2026-09-14T08:01:00Z,"
                            "2026-09-14T08:01:00Z,yes,,,"));
    // A comma, quotes and a line break: one quoted field, the quotes doubled, the LF kept.
    CHECK(csv.find(",\"Foreldre sier: \"\"vi visste ikke\"\", og\nga opp\",") != std::string::npos);
    CHECK(has_line(csv, "1,Behov for endring,problem_definition," + p + "," + std::to_string(f.duplicate) +
                            ",observe,observations,Observasjoner,,," + std::to_string(f.obs) +
                            ",Foreldre får forskjellige beskjeder fra skole og PPT,0,0,2026-09-14T08:04:00Z,"
                            "2026-09-14T08:04:00Z,yes,,,"));
    CHECK(csv.find("Feil lapp") == std::string::npos);  // deleted notes stay out
    CHECK(csv.find("Rektor Kari Nilsen") != std::string::npos);
    // Each note field in a column of its own (first seen first), empty where a note has none.
    CHECK(csv.find(",updated_at,concluded,field_indicator,field_owner,field_start\r\n") != std::string::npos);
    CHECK(csv.find(",Felles oppstartsmøte for skole og barnehage,") != std::string::npos);
    CHECK(csv.find(",yes,Alle overganger har en plan,Rektor Kari Nilsen,2027-02-01\r\n") != std::string::npos);
    CHECK(csv.find(",yes,,Styrer Ola Berg,2027-03-15\r\n") != std::string::npos);
    CHECK(csv.find(",why1,") == std::string::npos);
    CHECK(csv.find("," + std::to_string(f.why1) + ",whys,structural,") != std::string::npos);
    CHECK(render_csv(note_rows(f.w, f.sor, Language::nb)).size() > 3);  // a header even with no notes
}

TEST_CASE("CSV: a cell a spreadsheet would run as a formula starts with an apostrophe") {
    CHECK(encode::csv_text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(encode::csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(encode::csv_text("Vanlig tekst") == "Vanlig tekst");
}

TEST_CASE("JSON: the group, its entries and every live note with total dots, never who voted or wrote") {
    ProgrammeFixture f;
    const ProjectLog log = build_project_log(f.w, f.nord, Language::nb, {});
    const auto doc = nlohmann::json::parse(render_json(log, note_rows(f.w, f.nord, Language::nb), day2));
    CHECK(doc["group"]["name"] == "Oppvekst Nordvik");
    CHECK(doc["entries"].size() == 3);
    CHECK(doc["entries"][0]["conclusion"][1]["text"] == statement);
    CHECK(doc["entries"][0]["gathering"]["number"] == 1);
    CHECK(doc["entries"][1]["why_chains"][0].size() == 3);
    bool found = false;
    for (const auto& n : doc["notes"]) {
        CHECK_FALSE(n.contains("author"));
        CHECK_FALSE(n.contains("votes"));
        if (n["note"] == f.obs) {
            found = true;
            CHECK(n["dots"] == 3);
            CHECK(n["merged_count"] == 1);
            CHECK(n["created_at"] == "2026-09-14T08:01:00Z");
        }
        if (n["note"] == f.duplicate) CHECK(n["merged_into"] == f.obs);
        if (n["note"] == f.measure1) CHECK(n["fields"]["owner"] == "Rektor Kari Nilsen");
    }
    CHECK(found);
    CHECK(doc.dump().find("Anna") == std::string::npos);  // a participant's name never leaves
}

TEST_CASE("a date is written out in the report's language; a day the calendar lacks is left as typed") {
    CHECK(encode::long_date("2027-02-01", report_strings(Language::nb)) == "1. februar 2027");
    CHECK(encode::long_date("2028-02-29", report_strings(Language::en)) == "29 February 2028");
    CHECK(encode::long_date("2027-02-31", report_strings(Language::nb)) == "2027-02-31");
    CHECK(encode::long_date("neste uke", report_strings(Language::nb)) == "neste uke");
}
