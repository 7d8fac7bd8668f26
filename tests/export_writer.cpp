// Specification of writing exports to disk: file names from any group name, nothing outside
// the export folder, atomic replacement, pictures beside Markdown, errors as values.
#include <sys/stat.h>
#include <set>

#include "export/atomic_file.hpp"
#include "export/project_log.hpp"
#include "export/slug.hpp"
#include "export_fixture.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;

namespace {

// Every regular file under `root`, relative to it.
std::set<std::string> files_under(const fs::path& root) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), root).string());
    return out;
}

ExportRequest request(ExportRequest::Format format, const fs::path& out, const fs::path& snaps = {}) {
    return ExportRequest{{}, format, out, snaps, Language::nb, day2, {}};
}

}  // namespace

TEST_CASE("a slug keeps Norwegian letters, replaces the rest, and is never empty, a dot or a path") {
    CHECK(slug("Oppvekst Nordvik") == "oppvekst-nordvik");
    CHECK(slug("Ås barnehage / Slependen") == "ås-barnehage-slependen");
    CHECK(slug("ÆØÅ æøå") == "æøå-æøå");
    CHECK(slug("../../etc") == "etc");
    CHECK(slug("a/b") == "a-b");
    CHECK(slug("a\\b") == "a-b");
    CHECK(slug("..") == "gruppe");
    CHECK(slug(".") == "gruppe");
    CHECK(slug("") == "gruppe");
    CHECK(slug("🚀🚀") == "gruppe");
    CHECK(slug("Team 🚀 Øst") == "team-øst");
    CHECK(slug("CON") == "con-gruppe");
    CHECK(slug("nul") == "nul-gruppe");
    CHECK(slug("LPT1") == "lpt1-gruppe");
    CHECK(slug("Console") == "console");
    const std::string long_name(300, 'x');
    CHECK(slug(long_name).size() == max_slug_bytes);
    const std::string long_norwegian = std::string(59, 'x') + "øøø";  // a cut must not split ø
    CHECK(slug(long_norwegian) == std::string(59, 'x'));
    CHECK(slug(std::string(58, 'x') + "øøø") == std::string(58, 'x') + "ø");
}

TEST_CASE("two groups that slug alike get distinct names, and none takes index or a gathering report") {
    const auto slugs = unique_slugs({{1, "Øst/Vest"},
                                     {2, "øst vest"},
                                     {3, "ØST VEST"},
                                     {4, "Index"},
                                     {5, "gathering 1"},
                                     {6, std::string(300, 'y')},
                                     {7, std::string(300, 'y')},
                                     {8, ""},
                                     {9, "🙂"}},
                                    {"index", "gathering-1"});
    CHECK(slugs.at(1) == "øst-vest");
    CHECK(slugs.at(2) == "øst-vest-2");
    CHECK(slugs.at(3) == "øst-vest-3");
    CHECK(slugs.at(4) == "index-2");
    CHECK(slugs.at(5) == "gathering-1-2");
    CHECK(slugs.at(6) == std::string(60, 'y'));
    CHECK(slugs.at(7) == std::string(58, 'y') + "-2");
    CHECK(slugs.at(8) == "gruppe");
    CHECK(slugs.at(9) == "gruppe-2");
}

TEST_CASE("hostile group names: every file lands inside the export folder, one distinct name per group") {
    ProgrammeFixture f;
    const std::vector<std::string> names = {"../../etc", "a/b",      "..",    "CON",         "🚀 Team 🚀",
                                            "Øst/Vest",  "øst vest", "index", "gathering 1", std::string(60, 'x'),
                                            ".",         "/"};
    for (const std::string& name : names) run(f.w, cmd::AddGroup{name});
    std::string longest;  // the longest name the core accepts: 60 code points, 120 bytes
    for (int i = 0; i < 60; ++i) longest += "å";
    run(f.w, cmd::AddGroup{longest});
    TempDir root;
    const fs::path out = root.path / "eksport";
    for (const auto format : {ExportRequest::html, ExportRequest::markdown, ExportRequest::csv, ExportRequest::json}) {
        const Status s = export_logs(f.w, request(format, out));
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    }
    // Nothing beside the export folder; inside it, one file per group and format.
    CHECK(files_under(root.path).size() == files_under(out).size());
    std::set<std::string> html;
    for (const std::string& file : files_under(out)) {
        CHECK(file.find('/') == std::string::npos);  // no sub-folders without pictures
        CHECK_FALSE(file.starts_with("."));
        if (file.ends_with(".html") && file != "index.html" && file != "gathering-1.html" && file != "gathering-2.html")
            html.insert(file);
    }
    CHECK(html.size() == f.w.groups().size());
    CHECK(html.count("etc.html"));
    CHECK(html.count("a-b.html"));
    CHECK(html.count("gruppe.html"));
    CHECK(html.count("con-gruppe.html"));
    CHECK(html.count("team.html"));
    CHECK(html.count("øst-vest.html"));
    CHECK(html.count("øst-vest-2.html"));
    CHECK(html.count("index-2.html"));
    CHECK(html.count("gathering-1-2.html"));
    CHECK(html.count("gruppe-2.html"));
    CHECK(html.count("gruppe-3.html"));
    CHECK(html.count(longest.substr(0, max_slug_bytes) + ".html"));
    CHECK(files_under(out).count("gathering-1.html"));
    CHECK(files_under(out).count("etc-notes.csv"));
    CHECK(files_under(out).count("etc.json"));
    CHECK(files_under(out).count("etc.md"));
}

TEST_CASE("an existing export is replaced whole, and no temporary file is left behind") {
    ProgrammeFixture f;
    TempDir root;
    const fs::path out = root.path;
    write_bytes(out / "oppvekst-nordvik.html", "OLD EXPORT");
    struct stat before {};
    REQUIRE(::stat((out / "oppvekst-nordvik.html").c_str(), &before) == 0);
    REQUIRE(export_logs(f.w, request(ExportRequest::html, out)).ok());
    const std::string now = read_file(out / "oppvekst-nordvik.html");
    CHECK(now.starts_with("<!doctype html>"));
    CHECK(now.ends_with("</html>\n"));
    struct stat after {};
    REQUIRE(::stat((out / "oppvekst-nordvik.html").c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);   // renamed over, not rewritten in place
    CHECK((after.st_mode & 0777) == 0600);  // the facilitator's alone, whatever the umask
    REQUIRE(export_logs(f.w, request(ExportRequest::html, out)).ok());
    for (const std::string& file : files_under(out)) CHECK_FALSE(file.starts_with(".samling-export-"));
    CHECK(files_under(out) == std::set<std::string>{"oppvekst-nordvik.html", "barnevern-og-ppt.html", "index.html",
                                                    "gathering-1.html", "gathering-2.html"});
}

TEST_CASE("Markdown pictures are copied beside the log, linked relatively; stale ones are removed") {
    ProgrammeFixture f;
    TempDir snaps, root;
    write_bytes(snapshot_file(snaps.path, f.problem_run), board_png());
    write_bytes(root.path / "oppvekst-nordvik-images" / "run-999.png", "stale");
    REQUIRE(export_logs(f.w,
                        ExportRequest{{f.nord}, ExportRequest::markdown, root.path, snaps.path, Language::nb, day2, {}})
                .ok());
    const std::string picture = "oppvekst-nordvik-images/run-" + std::to_string(f.problem_run) + ".png";
    CHECK(files_under(root.path) == std::set<std::string>{"oppvekst-nordvik.md", picture});
    CHECK(read_file(root.path / picture) == board_png());
    CHECK(read_file(root.path / "oppvekst-nordvik.md").find("](" + picture + ")") != std::string::npos);
}

TEST_CASE("writes refuse names and symlinks that lead outside the folder; errors are values") {
    TempDir root;
    const fs::path out = root.path / "out";
    fs::create_directories(out);
    CHECK(write_file_atomically(out, "../x.html", "x").error().code == Errc::invalid_request);
    CHECK(write_file_atomically(out, "a/b.html", "x").error().code == Errc::invalid_request);
    CHECK(write_file_atomically(out, "..", "x").error().code == Errc::invalid_request);
    CHECK(write_file_atomically(out, "", "x").error().code == Errc::invalid_request);
    write_bytes(root.path / "secret.txt", "keep");
    fs::create_symlink(root.path / "secret.txt", out / "oppvekst-nordvik.html");
    ProgrammeFixture f;
    const Status s = export_logs(f.w, ExportRequest{{f.nord}, ExportRequest::html, out, {}, Language::nb, day2, {}});
    CHECK(s.error().code == Errc::invalid_request);
    CHECK(read_file(root.path / "secret.txt") == "keep");
    for (const std::string& file : files_under(root.path))
        CHECK_FALSE(fs::path(file).filename().string().starts_with(".samling"));

    CHECK(export_logs(f.w, ExportRequest{{12345}, ExportRequest::html, out, {}, Language::nb, day2, {}}).error().code ==
          Errc::group_not_found);
    CHECK(export_logs(f.w, ExportRequest{{}, ExportRequest::html, "", {}, Language::nb, day2, {}}).error().code ==
          Errc::invalid_request);
    write_bytes(root.path / "a-file", "x");
    CHECK(export_logs(f.w, request(ExportRequest::csv, root.path / "a-file")).error().code == Errc::storage_failed);
}
