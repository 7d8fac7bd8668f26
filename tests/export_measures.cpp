// Specification of measures and indicators in the exports: JSON in the contract's shape (each
// measure's trail, each indicator's baseline, target and values), CSV files of their own, and
// "Endring" in the HTML and Markdown reports and the gathering report: a table of the measures'
// statuses by gathering and a chart per indicator. With SAMLING_EXPORT_SAMPLE set, also writes
// a sample (measures/) for the browser check (tests/web/report.test.mjs).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "export/export_writer.hpp"
#include "export/gathering_report.hpp"
#include "export/renderers.hpp"
#include "export_fixture.hpp"
#include "measure_programme.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;

namespace {

ExportRequest measures_request(ExportRequest::Format format, const fs::path& out) {
    ExportRequest r;
    r.format = format;
    r.out = out;
    r.now = day2;
    return r;
}

}  // namespace

TEST_CASE("JSON: each measure with its trail and each indicator with its figures, in the contract's shape") {
    MeasureProgramme p;
    const ProjectLog log = build_project_log(p.w, p.group, Language::nb, {});
    const auto doc = nlohmann::json::parse(render_json(log, note_rows(p.w, p.group, Language::nb), day2));
    REQUIRE(doc["measures"].size() == 2);
    const auto& first = doc["measures"][0];
    CHECK(first["note"] == p.measures[0]);
    CHECK(first["text"] == "Felles kartlegging av alle elever");
    CHECK(first["owner"] == "Kari");
    CHECK(first["set_in_gathering"] == 1);
    REQUIRE(first["trail"].size() == 2);
    CHECK(first["trail"][0]["gathering"] == 2);
    CHECK(first["trail"][0]["status"] == "started");
    CHECK(first["trail"][0]["text"] == "Startet i to skoler");
    CHECK(first["trail"][1]["gathering"] == 3);
    CHECK(first["trail"][1]["status"] == "done");
    CHECK(doc["measures"][1]["trail"].size() == 1);
    CHECK(doc["measures"][1]["trail"][0]["status"] == "stopped");

    REQUIRE(doc["indicators"].size() == 1);
    const auto& i = doc["indicators"][0];
    CHECK(i["note"] == p.measures[0]);
    CHECK(i["name"] == "Andel elever med vedtak");
    CHECK(i["unit"] == "%");
    CHECK(i["baseline"] == 16.0);
    CHECK(i["target"] == 7.0);
    CHECK(i["source"] == "GSI, skoleåret 2025/26");
    CHECK(i["values"] == nlohmann::json::parse(R"([{"gathering": 2, "value": 12.0}, {"gathering": 3, "value": 9.0}])"));

    // A group with a measure no round has reported on: the measure, an empty trail, no indicator.
    const auto other = nlohmann::json::parse(
        render_json(build_project_log(p.w, p.other, Language::nb, {}), note_rows(p.w, p.other, Language::nb), day2));
    REQUIRE(other["measures"].size() == 1);
    CHECK(other["measures"][0]["trail"].empty());
    CHECK(other["indicators"].empty());
}

TEST_CASE("CSV: -measures.csv has a row per status, -indicators.csv a row per figure") {
    MeasureProgramme p;
    TempDir dir;
    const ExportRequest r = measures_request(ExportRequest::csv, dir.path / "csv");
    REQUIRE(export_logs(p.w, r).ok());
    const std::string measures = read_file(r.out / "oppvekst-nordvik-measures.csv");
    CHECK(
        measures.starts_with("\xEF\xBB\xBFnote,measure,owner,set_in_gathering,gathering_number,gathering_title,status,"
                             "text,reported_at\r\n"));
    CHECK(count_of(measures, "\r\n") == 4);  // the heading, two statuses of the first, one of the second
    const std::string first = std::to_string(p.measures[0]) + ",Felles kartlegging av alle elever,Kari,1,";
    CHECK(measures.find(first + "2,Underveis,started,Startet i to skoler,") != std::string::npos);
    CHECK(measures.find(first + "3,Avslutning,done,Alle skoler kartlagt,") != std::string::npos);
    CHECK(measures.find(",Ola,1,3,Avslutning,stopped,,") != std::string::npos);

    const std::string indicators = read_file(r.out / "oppvekst-nordvik-indicators.csv");
    const std::string head = std::to_string(p.measures[0]) +
                             ",Andel elever med vedtak,Felles kartlegging av alle elever,%,\"GSI, skoleåret 2025/26\",";
    CHECK(indicators.find(head + "baseline,,,16\r\n") != std::string::npos);
    CHECK(indicators.find(head + "value,2,Underveis,12\r\n") != std::string::npos);
    CHECK(indicators.find(head + "value,3,Avslutning,9\r\n") != std::string::npos);
    CHECK(indicators.find(head + "target,,,7\r\n") != std::string::npos);

    // The other group: its measure has no status yet (one row, empty), and it has no indicator.
    CHECK(count_of(read_file(r.out / "helse-sør-measures.csv"), "\r\n") == 2);
    CHECK_FALSE(fs::exists(r.out / "helse-sør-indicators.csv"));
}

TEST_CASE("HTML: 'Endring' has the measures' statuses, a gathering to a column, and the indicator's chart") {
    MeasureProgramme p;
    const std::string html = render_html(build_project_log(p.w, p.group, Language::nb, {}), day2, {});
    REQUIRE(html.find("<section class=\"change\">\n<h2>Endring</h2>") != std::string::npos);
    const auto table = html.find("<table class=\"measures\">");
    REQUIRE(table != std::string::npos);
    CHECK(html.find("<th scope=\"col\">Samling 2</th><th scope=\"col\">Samling 3</th>", table) != std::string::npos);
    CHECK(
        html.find("<th scope=\"row\" class=\"user\">Felles kartlegging av alle elever</th><td class=\"user\">Kari</td>"
                  "<td class=\"user\">Samling 1</td><td class=\"user\">I gang – Startet i to skoler</td>"
                  "<td class=\"user\">Gjennomført – Alle skoler kartlagt</td>") != std::string::npos);
    CHECK(html.find("<td class=\"user\">ingen status</td><td class=\"user\">Stoppet</td>") != std::string::npos);

    const auto indicator = html.find("<div class=\"change-row indicator\">\n<h3>Andel elever med vedtak</h3>");
    REQUIRE(indicator != std::string::npos);
    CHECK(html.find("Tiltak: Felles kartlegging av alle elever", indicator) != std::string::npos);
    CHECK(html.find("aria-label=\"Diagram: Andel elever med vedtak, utgangspunkt, verdi per samling og mål; "
                    "Utgangspunkt: 16 %; Samling 2: 12 %; Samling 3: 9 %; Mål: 7 %\"",
                    indicator) != std::string::npos);
    for (const char* label : {">Utgangspunkt</text>", ">16 %</text>", ">12 %</text>", ">9 %</text>", ">Mål</text>"})
        CHECK(html.find(label, indicator) != std::string::npos);
    CHECK(html.find("Kilde for utgangspunktet: GSI, skoleåret 2025/26", indicator) != std::string::npos);
}

TEST_CASE("the gathering report's 'Endring' holds the statuses and values up to that gathering") {
    MeasureProgramme p;
    const auto report = [&](std::size_t g) {
        return render_gathering_report(build_gathering_report(p.w, p.gatherings[g], {p.group}, Language::nb), day2);
    };
    const std::string second = report(1), third = report(2);
    CHECK(second.find("I gang – Startet i to skoler") != std::string::npos);
    CHECK(second.find("Alle skoler kartlagt") == std::string::npos);
    CHECK(second.find(">12 %</text>") != std::string::npos);
    CHECK(second.find(">9 %</text>") == std::string::npos);
    CHECK(third.find("Gjennomført – Alle skoler kartlagt") != std::string::npos);
    CHECK(third.find(">9 %</text>") != std::string::npos);
}

TEST_CASE("Markdown: the measures as a table and the indicator's chart as a PNG the export writes beside it") {
    MeasureProgramme p;
    TempDir dir;
    const ExportRequest r = measures_request(ExportRequest::markdown, dir.path / "md");
    REQUIRE(export_logs(p.w, r).ok());
    const std::string md = read_file(r.out / "oppvekst-nordvik.md");
    CHECK(md.find("### Tiltakene") != std::string::npos);
    CHECK(md.find("| Tiltak | Eier | Satt | Samling 2 | Samling 3 |") != std::string::npos);
    CHECK(md.find("| Felles kartlegging av alle elever | Kari | Samling 1 | I gang – Startet i to skoler | "
                  "Gjennomført – Alle skoler kartlagt |") != std::string::npos);
    const std::string png_name = "indicator-" + std::to_string(p.measures[0]) + ".png";
    CHECK(md.find("](oppvekst-nordvik-images/" + png_name + ")") != std::string::npos);
    CHECK(md.find("| Utgangspunkt | 16 % |\n| Samling 2 | 12 % |\n| Samling 3 | 9 % |\n| Mål | 7 % |") !=
          std::string::npos);
    const std::string png = read_file(r.out / "oppvekst-nordvik-images" / png_name);
    REQUIRE(png.size() > 200);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
}

TEST_CASE("sample export of a programme's change for the browser check (only when SAMLING_EXPORT_SAMPLE is set)") {
    const char* where = std::getenv("SAMLING_EXPORT_SAMPLE");
    if (!where || !*where) return;
    // Three groups; each answers the safety pulse at gatherings 1 and 3 (six phones, higher the
    // second time); the first two set measures, and the first reports on them at 2 and 3.
    MeasureProgramme p(
        catalog_of({"goals_measures.json", "status_round.json", "pulse_safety.json"}, {"trygghet_ledergruppe.json"}));
    const Id third = p.step(cmd::AddGroup{"Barnevern og PPT"});
    const Instrument& ins = *p.w.catalog().instrument("trygghet_ledergruppe");
    char letter = 'a';
    for (Id g : {p.group, p.other, third}) {
        std::vector<std::pair<Id, std::string>> phones;
        for (int i = 0; i < 6; ++i) {
            const std::string secret(32, letter++);
            const Id id = p.step(cmd::Join{"ABC234", g, "", secret});
            phones.emplace_back(id, std::to_string(id) + "." + secret);
        }
        for (const int at : {0, 2}) {
            p.step(cmd::OpenGathering{p.gatherings[static_cast<std::size_t>(at)]});
            p.step(cmd::StartExercise{g, "pulse_safety"});
            for (std::size_t i = 0; i < phones.size(); ++i)
                for (std::size_t k = 0; k < ins.statements.size(); ++k)
                    p.step(cmd::AnswerPulse{phones[i].first, phones[i].second, ins.statements[k].id,
                                            std::clamp(3 + at / 2 * 2 + static_cast<int>((i + k) % 3) - 1, 1, 7)});
            p.step(cmd::GoToStep{g, 1});
            p.step(cmd::ConcludeRun{g});
        }
    }
    for (const auto format : {ExportRequest::html, ExportRequest::markdown}) {
        const Status s = export_logs(p.w, measures_request(format, fs::path(where) / "measures"));
        CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    }
}
