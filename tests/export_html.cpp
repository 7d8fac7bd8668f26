// Specification of the HTML exports: one self-contained, printable page per group (escaped,
// no scripts, pictures inline), the gathering report across groups, and the programme index.
// With SAMLING_EXPORT_SAMPLE set, also writes a sample export there for the browser check.
#include <cstdlib>

#include "export/encoding.hpp"
#include "export/gathering_report.hpp"
#include "export/renderers.hpp"
#include "export_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What every exported page must be: a whole document, printable on A4, fetching nothing.
void check_self_contained(const std::string& page) {
    CHECK(page.starts_with("<!doctype html>"));
    CHECK(page.ends_with("</html>\n"));
    CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(page.find("@page { size: A4; margin: 18mm; }") != std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
    const std::string l = lower(page);
    CHECK(l.find("<script") == std::string::npos);
    CHECK(l.find("<link") == std::string::npos);
    CHECK(l.find("src=\"http") == std::string::npos);
    CHECK(l.find("url(") == std::string::npos);
}

}  // namespace

TEST_CASE("base64 follows RFC 4648's test vectors") {
    CHECK(encode::base64("") == "");
    CHECK(encode::base64("f") == "Zg==");
    CHECK(encode::base64("fo") == "Zm8=");
    CHECK(encode::base64("foo") == "Zm9v");
    CHECK(encode::base64("foob") == "Zm9vYg==");
    CHECK(encode::base64("fooba") == "Zm9vYmE=");
    CHECK(encode::base64("foobar") == "Zm9vYmFy");
    CHECK(encode::base64(std::string("\xFF\x00\x80", 3)) == "/wCA");
}

TEST_CASE("the HTML log is one self-contained page: title block, timeline, entries, picture inline") {
    ProgrammeFixture f;
    TempDir snaps;
    const std::string png = board_png();
    write_bytes(snapshot_file(snaps.path, f.problem_run), png);
    const ProjectLog log = build_project_log(f.w, f.nord, Language::nb, snaps.path);
    const std::string page = render_html(log, day2 + 100 * minute, {{f.problem_run, png}});
    check_self_contained(page);
    CHECK(page.find("<html lang=\"nb\">") != std::string::npos);
    CHECK(page.find("<h1>Oppvekst Nordvik</h1>") != std::string::npos);
    CHECK(page.find("<dd>skole, barnehage, PPT, helsestasjon</dd>") != std::string::npos);
    CHECK(page.find("<dd>Tidlig inn i familiene</dd>") != std::string::npos);
    CHECK(page.find("<dd>20. januar 2027</dd>") != std::string::npos);
    CHECK(page.find("<p class=\"text\">" + statement + "</p>") != std::string::npos);
    CHECK(page.find("data:image/png;base64," + encode::base64(png) + "\"") != std::string::npos);
    CHECK(page.find("Rektor Kari Nilsen") != std::string::npos);
    CHECK(page.find("Fordi ingen har fått mandat til det") != std::string::npos);
}

TEST_CASE("every text a person typed is escaped in the HTML: a <script> note stays text") {
    ProgrammeFixture f;
    run(f.w, cmd::EditGroup{f.sor, "<script>alert('gruppe')</script>", "Barnevern & PPT", "\"Sitat\" <b>"});
    run(f.w, cmd::StartExercise{f.sor, "problem_definition"});
    const Id n = run(f.w, cmd::AddNote{f.cato, "x1", "<script>alert(\"lapp\")</script>", std::nullopt}).subject;
    run(f.w, cmd::GoToStep{f.sor, 2});
    run(f.w, cmd::MakeCluster{f.sor, "observations", "<img src=x onerror=alert(1)>", {n}});
    run(f.w, cmd::GoToStep{f.sor, 4});
    run(f.w, cmd::SetConclusion{f.sor, "statement", "</p><script>alert('konklusjon')</script>"});
    run(f.w, cmd::ConcludeRun{f.sor});
    const std::string page = render_html(build_project_log(f.w, f.sor, Language::nb, {}), day2, {});
    check_self_contained(page);
    CHECK(page.find("<h1>&lt;script&gt;alert(&#39;gruppe&#39;)&lt;/script&gt;</h1>") != std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(&quot;lapp&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("&lt;/p&gt;&lt;script&gt;alert(&#39;konklusjon&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("Barnevern &amp; PPT") != std::string::npos);
    CHECK(page.find("<img src=x") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    const std::string report = render_gathering_report(build_gathering_report(f.w, f.g2, {f.sor}, Language::nb), day2);
    check_self_contained(report);
    CHECK(report.find("&lt;/p&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("a group with no entries gets a valid, friendly document in every format") {
    ProgrammeFixture f;
    const ProjectLog log = build_project_log(f.w, f.sor, Language::nb, {});
    const std::string page = render_html(log, day2, {});
    check_self_contained(page);
    CHECK(page.find("<h1>Barnevern og PPT</h1>") != std::string::npos);
    CHECK(page.find("Ledergruppen har ikke avsluttet noen øvelser ennå.") != std::string::npos);
    CHECK(page.find("ingen oppføringer ennå") != std::string::npos);
    CHECK(page.find("<dd>ikke satt</dd>") != std::string::npos);  // no services or project yet
    const std::string md = render_markdown(log, day2, "x-images");
    CHECK(md.find("Ledergruppen har ikke avsluttet noen øvelser ennå.") != std::string::npos);
    CHECK(render_json(log, note_rows(f.w, f.sor, Language::nb), day2).find("\"entries\": []") != std::string::npos);
}

TEST_CASE("carry-over: the problem from gathering 1 comes before the measures from gathering 2") {
    ProgrammeFixture f;
    const std::string page = render_html(build_project_log(f.w, f.nord, Language::nb, {}), day2, {});
    // In the log's gatherings, after "Endring" (which lists the measures too).
    const auto log_start = page.find("<section class=\"gathering\"");
    const auto at = [&](const std::string& s) { return page.find(s, log_start); };
    REQUIRE(at("<section class=\"gathering\" id=\"samling-1\">") != std::string::npos);
    REQUIRE(at("<section class=\"gathering\" id=\"samling-2\">") != std::string::npos);
    CHECK(at("<section class=\"gathering\" id=\"samling-1\">") < at(statement));
    CHECK(at(statement) < at("Uklare roller og mandat i overgangene"));
    CHECK(at("Uklare roller og mandat i overgangene") < at("<section class=\"gathering\" id=\"samling-2\">"));
    CHECK(at("<section class=\"gathering\" id=\"samling-2\">") < at("Felles oppstartsmøte for skole og barnehage"));
}

TEST_CASE("the gathering report lists each group's problem, causes and measures with owners and dates") {
    ProgrammeFixture f;
    const GatheringReport first = build_gathering_report(f.w, f.g1, {f.nord, f.sor}, Language::nb);
    REQUIRE(first.groups.size() == 2);
    REQUIRE(first.groups[0].runs.size() == 2);
    CHECK(first.groups[0].runs[0].exercise == "problem_definition");  // the agenda's order
    CHECK(first.groups[0].runs[1].exercise == "root_cause");
    CHECK(first.groups[1].runs.empty());
    const std::string one = render_gathering_report(first, day2);
    check_self_contained(one);
    CHECK(one.find("<h1>Samling 1 — Behov for endring</h1>") != std::string::npos);
    CHECK(one.find("<p class=\"text\">" + statement + "</p>") != std::string::npos);
    CHECK(one.find("Uklare roller og mandat i overgangene") != std::string::npos);
    CHECK(one.find("Ingen øvelser ble avsluttet på denne samlingen.") != std::string::npos);

    const GatheringReport second = build_gathering_report(f.w, f.g2, {f.nord, f.sor}, Language::nb);
    REQUIRE(second.groups[0].runs.size() == 1);
    REQUIRE(second.groups[0].runs[0].tables.size() == 1);
    const FieldTable& t = second.groups[0].runs[0].tables[0];
    CHECK(t.columns == std::vector<std::string>{"Tiltak", "Eier", "Startdato", "Slik vet vi at det virker"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0] == std::vector<std::string>{"Felles oppstartsmøte for skole og barnehage", "Rektor Kari Nilsen",
                                                "1. februar 2027", "Alle overganger har en plan"});
    CHECK(t.rows[1] ==
          std::vector<std::string>{"Faste samarbeidsmøter med PPT", "Styrer Ola Berg", "15. mars 2027", ""});
    const std::string two = render_gathering_report(second, day2);
    CHECK(two.find("<th>Eier</th><th>Startdato</th>") != std::string::npos);
    CHECK(two.find("<td class=\"user\">Styrer Ola Berg</td><td class=\"user\">15. mars 2027</td>") !=
          std::string::npos);
    CHECK(two.find("Alle barn har én fast kontaktperson i overgangen") != std::string::npos);

    // Read alone, gathering 2's report says what the measures answer: gathering 1's problem
    // and chosen root causes, carried over; a gathering-1 run built on nothing says nothing.
    const auto& built_on = second.groups[0].runs[0].builds_on;
    REQUIRE(built_on.size() == 2);
    CHECK(built_on[0].label == "Problemet vi jobber med");
    CHECK(built_on[0].text == statement);
    CHECK(built_on[1].label == "Rotårsakene vi valgte");
    CHECK(built_on[1].text == "Uklare roller og mandat i overgangene");
    CHECK(two.find("<p class=\"kicker\">Bygger på</p>") != std::string::npos);
    CHECK(two.find("<span class=\"label\">Rotårsakene vi valgte:</span> <span class=\"user\">Uklare roller og "
                   "mandat i overgangene</span>") != std::string::npos);
    CHECK(first.groups[0].runs[0].builds_on.empty());
    CHECK(one.find("Bygger på") == std::string::npos);
}

TEST_CASE("nynorsk and English reports use their own words from the one table") {
    ProgrammeFixture f;
    const std::string nn = render_html(build_project_log(f.w, f.nord, Language::nn, {}), day2, {});
    CHECK(nn.find("<html lang=\"nn\">") != std::string::npos);
    CHECK(nn.find("Kva er det eigentlege problemet?") != std::string::npos);
    CHECK(nn.find("Flest røyster") != std::string::npos);
    const std::string en = render_html(build_project_log(f.w, f.nord, Language::en, {}), day2, {});
    CHECK(en.find("<dd>20 January 2027</dd>") != std::string::npos);
    CHECK(en.find("What is the real problem?") != std::string::npos);
    CHECK(en.find("Most votes") != std::string::npos);
}

TEST_CASE("the index links every group's log and every gathering's report") {
    ProgrammeFixture f;
    const std::string page =
        render_index("HeLU Vestland 2026–27", build_project_log(f.w, 0, Language::nb, {}).gatherings,
                     {{"Oppvekst Nordvik", "skole", "Tidlig inn", "oppvekst-nordvik.html", 3},
                      {"Øst & Vest", "", "", "øst-vest.html", 0}},
                     Language::nb, day2);
    check_self_contained(page);
    CHECK(page.find("<h1>HeLU Vestland 2026–27</h1>") != std::string::npos);
    CHECK(page.find("href=\"gathering-1.html\"") != std::string::npos);
    CHECK(page.find("href=\"gathering-2.html\"") != std::string::npos);
    CHECK(page.find("href=\"oppvekst-nordvik.html\"") != std::string::npos);
    CHECK(page.find("href=\"%C3%B8st-vest.html\"><strong>Øst &amp; Vest</strong>") != std::string::npos);
}

TEST_CASE("sample export for the browser check (written only when SAMLING_EXPORT_SAMPLE is set)") {
    const char* where = std::getenv("SAMLING_EXPORT_SAMPLE");
    if (!where || !*where) return;
    ProgrammeFixture f;
    TempDir snaps;
    write_bytes(snapshot_file(snaps.path, f.problem_run), board_png(640, 360));
    write_bytes(snapshot_file(snaps.path, f.cause_run), board_png(640, 360));
    for (const auto format : {ExportRequest::html, ExportRequest::markdown, ExportRequest::csv, ExportRequest::json}) {
        const Status s =
            export_logs(f.w, ExportRequest{{}, format, where, snaps.path, Language::nb, day2 + 100 * minute, {}});
        CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    }
    CHECK(std::filesystem::exists(std::filesystem::path(where) / "oppvekst-nordvik.html"));
}
