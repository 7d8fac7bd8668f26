// Specification of pulses in the exports: JSON and CSV hold the aggregated figures in the
// contract's shape, the HTML reports and Markdown show them in "Endring" with the chart, the
// instrument's licence and citation beside them; under the threshold every format says so and
// gives no figures; no format ever holds a single answer. With SAMLING_EXPORT_SAMPLE set, also
// writes a sample with pulses there (pulses/) for the browser check (tests/web/report.test.mjs).
#include <doctest/doctest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "export/change_section.hpp"
#include "export/encoding.hpp"
#include "export/gathering_report.hpp"
#include "export/pulse_figures.hpp"
#include "export/renderers.hpp"
#include "export_fixture.hpp"
#include "pulse_programme.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;

namespace {

nlohmann::json json_of(const Workshop& w, Id group) {
    const ProjectLog log = build_project_log(w, group, Language::nb, {});
    return nlohmann::json::parse(render_json(log, note_rows(w, group, Language::nb), day2));
}

// Big-endian 32-bit at `at`.
std::uint32_t be32(const std::string& s, std::size_t at) {
    return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

}  // namespace

TEST_CASE("JSON: each group's pulses in the contract's shape; four answers suppressed, five shown") {
    PulseProgramme p;
    const nlohmann::json doc = json_of(p.w, p.group);
    REQUIRE(doc.contains("pulses"));
    const auto& pulses = doc["pulses"];
    REQUIRE(pulses.size() == 14);  // 7 statements × gatherings 1 and 3
    int shown = 0, suppressed = 0;
    for (const auto& f : pulses) {
        CAPTURE(f.dump());
        CHECK(f["instrument"] == "trygghet_ledergruppe");
        CHECK(f["statement"].is_string());
        if (f["gathering"] == 1) {
            ++shown;
            CHECK(f["n"] == 5);
            CHECK_FALSE(f.contains("suppressed"));
            CHECK(f["mean"].is_number());
            REQUIRE(f["distribution"].is_object());
            CHECK(f["distribution"].size() == 7);  // every point of the scale, 0 where none chose it
            int total = 0;
            for (const auto& [point, k] : f["distribution"].items()) total += k.get<int>();
            CHECK(total == 5);
            CHECK(f.size() == 6);  // gathering, instrument, statement, n, mean, distribution: nothing else
        } else {
            ++suppressed;
            CHECK(f["gathering"] == 3);
            CHECK(f["n"] == 4);
            CHECK(f["suppressed"] == true);
            CHECK_FALSE(f.contains("mean"));
            CHECK_FALSE(f.contains("distribution"));
            CHECK(f.size() == 5);
        }
    }
    CHECK(shown == 7);
    CHECK(suppressed == 7);
    // Statement 1 at gathering 1: bases 3, 4, 4, 5, 2 minus one → 2, 3, 3, 4, 1.
    CHECK(pulses[0]["statement"] == "vanskelige_saker");
    CHECK(pulses[0]["mean"].get<double>() == doctest::Approx(2.6));
    CHECK(pulses[0]["distribution"] ==
          nlohmann::json{{"1", 1}, {"2", 1}, {"3", 2}, {"4", 1}, {"5", 0}, {"6", 0}, {"7", 0}});
    CHECK(doc["pulse_threshold"] == 5);
}

TEST_CASE("with the room's threshold at 3 the four answers are shown in the export; a group with none has []") {
    PulseProgramme p;
    run(p.w, cmd::SetPulseThreshold{3});
    const nlohmann::json doc = json_of(p.w, p.group);
    for (const auto& f : doc["pulses"]) CHECK_FALSE(f.contains("suppressed"));
    CHECK(doc["pulse_threshold"] == 3);
    const Id other = run(p.w, cmd::AddGroup{"Barnevern og PPT"}).subject;
    CHECK(json_of(p.w, other)["pulses"] == nlohmann::json::array());
}

TEST_CASE("no export holds a single answer: one person's answer to a statement is suppressed by itself") {
    // Five answer statement 1 only at gathering 1; one person answers statement 2 too.
    PulseProgramme p(std::vector<std::vector<int>>{});
    run(p.w, cmd::OpenGathering{p.gatherings[0]});
    run(p.w, cmd::StartExercise{p.group, "pulse_safety"});
    for (std::size_t i = 0; i < 5; ++i) run(p.w, cmd::AnswerPulse{p.phones[i], p.tokens[i], "vanskelige_saker", 4});
    run(p.w, cmd::AnswerPulse{p.phones[0], p.tokens[0], "feil_husket", 7});
    run(p.w, cmd::GoToStep{p.group, 1});
    const nlohmann::json doc = json_of(p.w, p.group);
    const auto lone = std::find_if(doc["pulses"].begin(), doc["pulses"].end(),
                                   [](const auto& f) { return f["statement"] == "feil_husket"; });
    REQUIRE(lone != doc["pulses"].end());
    CHECK((*lone)["n"] == 1);
    CHECK((*lone)["suppressed"] == true);
    CHECK_FALSE(lone->contains("distribution"));
    const ProjectLog log = build_project_log(p.w, p.group, Language::nb, {});
    const std::string csv = render_pulse_csv(pulse_figures(log.pulses, Language::nb));
    const std::string html = render_html(log, day2, {});
    const std::string md = render_markdown(log, day2, "img");
    for (const std::string* out : {&csv, &html, &md}) {
        CHECK(out->find(respondent_key(p.tokens[0], log.pulses[0].points[0].run)) == std::string::npos);
        CHECK(out->find("7,0") == std::string::npos);  // the lone 7 as a mean
    }
    // The CSV row of that statement: n 1, suppressed, no mean and no counts.
    CHECK(csv.find(",feil_husket,") != std::string::npos);
    const std::string row = csv.substr(csv.find(",feil_husket,"));
    CHECK(row.substr(row.find(",1,yes,"), 16).starts_with(",1,yes,,,,,,,,"));
}

TEST_CASE("CSV: a -pulses.csv beside the notes' with the aggregated figures; none for a group without pulses") {
    PulseProgramme p;
    const Id other = run(p.w, cmd::AddGroup{"Barnevern og PPT"}).subject;
    TempDir dir;
    ExportRequest r;
    r.format = ExportRequest::csv;
    r.out = dir.path / "csv";
    r.now = day2;
    REQUIRE(export_logs(p.w, r).ok());
    const std::string csv = read_file(r.out / "oppvekst-nordvik-pulses.csv");
    CHECK(
        csv.starts_with("\xEF\xBB\xBFgathering_number,gathering_title,instrument,statement,statement_text,n,"
                        "suppressed,mean,count_1,count_2,count_3,count_4,count_5,count_6,count_7\r\n"));
    CHECK(count_of(csv, "\r\n") == 15);
    CHECK(csv.find("1,Oppstart,trygghet_ledergruppe,vanskelige_saker,") != std::string::npos);
    CHECK(csv.find(",5,no,2.60,1,1,2,1,0,0,0\r\n") != std::string::npos);
    CHECK(csv.find("3,Avslutning,trygghet_ledergruppe,vanskelige_saker,") != std::string::npos);
    CHECK(csv.find(",4,yes,,,,,,,,\r\n") != std::string::npos);
    CHECK_FALSE(fs::exists(r.out / "barnevern-og-ppt-pulses.csv"));
    (void)other;
}

TEST_CASE(
    "HTML: the group's report has 'Endring' with a chart per statement, 'for få svar' for gathering 3 and the source") {
    PulseProgramme p;
    const ProjectLog log = build_project_log(p.w, p.group, Language::nb, {});
    const std::string html = render_html(log, day2, {});
    const Instrument& ins = *p.w.catalog().instrument("trygghet_ledergruppe");
    REQUIRE(html.find("<section class=\"change\">\n<h2>Endring</h2>") != std::string::npos);
    CHECK(html.find("<section class=\"change\">") < html.find("<section class=\"gathering\""));
    CHECK(count_of(html, "<svg class=\"chart\"") == 8);  // the key and one per statement
    CHECK(count_of(html, ">for få svar</text>") == 7);   // gathering 3, every statement
    CHECK(count_of(html, ">Samling 1</text>") == 7);
    CHECK(count_of(html, ">Samling 3</text>") == 7);
    CHECK(count_of(html, ">n = 4</text>") == 7);
    CHECK(html.find(">snitt 2,6</text>") != std::string::npos);
    CHECK(html.find("Kilde: " + encode::html(ins.citation) + " · Lisens: " + encode::html(ins.licence)) !=
          std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    // A group with no pulse has no empty section.
    const Id other = run(p.w, cmd::AddGroup{"Barnevern og PPT"}).subject;
    CHECK(render_html(build_project_log(p.w, other, Language::nb, {}), day2, {}).find("class=\"change\"") ==
          std::string::npos);
}

TEST_CASE("the gathering report's 'Endring' holds the pulses up to that gathering") {
    PulseProgramme p;
    const auto report = [&](std::size_t g) {
        return render_gathering_report(build_gathering_report(p.w, p.gatherings[g], {p.group}, Language::nb), day2);
    };
    const std::string first = report(0), third = report(2);
    CHECK(first.find("<h2>Endring</h2>") != std::string::npos);
    CHECK(count_of(first, ">Samling 1</text>") == 7);
    CHECK(count_of(first, ">Samling 3</text>") == 0);
    CHECK(count_of(third, ">Samling 1</text>") == 7);
    CHECK(count_of(third, ">Samling 3</text>") == 7);
    CHECK(count_of(third, ">for få svar</text>") == 7);
    CHECK(third.find("Lisens: ") != std::string::npos);
}

TEST_CASE("Markdown: 'Endring' links the chart's PNG, which the export writes beside it, with the figures as a table") {
    PulseProgramme p;
    TempDir dir;
    ExportRequest r;
    r.format = ExportRequest::markdown;
    r.out = dir.path / "md";
    r.now = day2;
    REQUIRE(export_logs(p.w, r).ok());
    const std::string md = read_file(r.out / "oppvekst-nordvik.md");
    CHECK(md.find("## Endring") != std::string::npos);
    CHECK(md.find("](oppvekst-nordvik-images/pulse-trygghet_ledergruppe.png)") != std::string::npos);
    CHECK(md.find("| Samling 3 | 4 | for få svar |  |") != std::string::npos);
    CHECK(md.find("| Samling 1 | 5 | 2,6 | 1: 1, 2: 1, 3: 2, 4: 1, 5: 0, 6: 0, 7: 0 |") != std::string::npos);
    CHECK(md.find("Lisens: ") != std::string::npos);
    const std::string png = read_file(r.out / "oppvekst-nordvik-images" / "pulse-trygghet_ledergruppe.png");
    REQUIRE(png.size() > 1000);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(be32(png, 16) >= 1200);  // twice the chart's width
    CHECK(be32(png, 20) >= 1200);
}

TEST_CASE("sample export with pulses for the browser check (written only when SAMLING_EXPORT_SAMPLE is set)") {
    const char* where = std::getenv("SAMLING_EXPORT_SAMPLE");
    if (!where || !*where) return;
    // Gathering 1: five answer; gathering 2: four ("for få svar"); gathering 3: six, higher.
    PulseProgramme p(std::vector<std::vector<int>>{});
    p.ask(p.gatherings[0], {3, 4, 4, 5, 2});
    p.ask(p.gatherings[1], {4, 5, 5, 3});
    p.ask(p.gatherings[2], {5, 6, 6, 7, 4, 6});
    for (const auto format : {ExportRequest::html, ExportRequest::markdown, ExportRequest::csv, ExportRequest::json}) {
        const Status s = export_logs(
            p.w, ExportRequest{{}, format, fs::path(where) / "pulses", {}, Language::nb, day2 + 100 * minute, {}});
        CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    }
    CHECK(fs::exists(fs::path(where) / "pulses" / "oppvekst-nordvik-images" / "pulse-trygghet_ledergruppe.png"));
}
