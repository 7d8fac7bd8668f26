// The byte-for-byte guard: every export of a seeded 2,000-note programme (md, html with its
// index and gathering reports, csv, json; all groups and one group; nb and en) is exactly what
// the code wrote before the export was made fast. The expected SHA-256s are in
// tests/fixtures/export_golden.sha256; SAMLING_WRITE_GOLDEN=1 rewrites them (only on purpose).

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "core/sha256.hpp"
#include "export_fixture.hpp"
#include "programme_seed.hpp"

namespace fs = std::filesystem;
using namespace samling;
using namespace samling::testing;

namespace {

// "export-name/relative/path" -> SHA-256 of every file an export wrote.
void hash_tree(const fs::path& root, const std::string& name, std::map<std::string, std::string>& out) {
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            out[name + "/" + fs::relative(entry.path(), root).generic_string()] = sha256_hex(read_file(entry.path()));
}

const fs::path golden_file = fs::path(SAMLING_SOURCE_DIR) / "tests" / "fixtures" / "export_golden.sha256";

std::map<std::string, std::string> read_golden() {
    std::map<std::string, std::string> out;
    std::ifstream in(golden_file);
    std::string hash, path;
    while (in >> hash >> path) out[path] = hash;
    return out;
}

}  // namespace

TEST_CASE("every export of a 2,000-note programme is byte for byte what it was") {
    Workshop w(shipped_catalog());
    // 5 groups x 2 gatherings x 8 exercises = 80 runs of 25 notes.
    const seed::Programme p = seed::programme(w, {5, 4, 2, 25});
    REQUIRE(p.notes == 2000);
    // The seed exercises what the exports print: dots, themes, duplicates, chains, fields.
    CHECK(p.votes > 100);
    CHECK(p.clusters > 20);
    CHECK(p.merges > 20);
    CHECK(p.chained > 20);
    CHECK(p.with_fields > 20);

    TempDir dir;
    const fs::path snapshots = dir.path / "snapshots";
    int run_number = 0;
    for (const auto& [id, run] : w.runs())
        if (run_number++ % 3 == 0) write_bytes(snapshot_file(snapshots, id), board_png(40 + run_number % 7, 24));

    struct Case {
        std::string name;
        ExportRequest::Format format;
        std::vector<Id> groups;
        Language lang;
    };
    const std::vector<Case> cases = {
        {"all-md", ExportRequest::markdown, {}, Language::nb},
        {"all-html", ExportRequest::html, {}, Language::nb},
        {"all-csv", ExportRequest::csv, {}, Language::nb},
        {"all-json", ExportRequest::json, {}, Language::nb},
        {"all-html-en", ExportRequest::html, {}, Language::en},
        {"one-html", ExportRequest::html, {p.groups[2]}, Language::nb},
        {"one-md-nn", ExportRequest::markdown, {p.groups[3]}, Language::nn},
        {"one-csv", ExportRequest::csv, {p.groups[1]}, Language::nb},
    };
    std::map<std::string, std::string> actual;
    for (const Case& c : cases) {
        ExportRequest r;
        r.groups = c.groups;
        r.format = c.format;
        r.out = dir.path / c.name;
        r.snapshots_dir = snapshots;
        r.language = c.lang;
        r.now = 1'801'000'000'000;  // a fixed clock: the export's date is printed on every page
        std::vector<int> progress;  // heard after each group: changes nothing written
        r.progress = [&](int done, int total) { progress.push_back(done * 100 + total); };
        REQUIRE(export_logs(w, r));
        const int total = c.groups.empty() ? 5 : 1;
        CHECK(progress.size() == static_cast<std::size_t>(total));
        CHECK(progress.back() == total * 100 + total);
        hash_tree(r.out, c.name, actual);
    }
    CHECK(actual.count("all-html/index.html") == 1);
    CHECK(actual.count("all-html/gathering-2.html") == 1);

    if (std::getenv("SAMLING_WRITE_GOLDEN")) {
        fs::create_directories(golden_file.parent_path());
        std::ofstream out(golden_file);
        for (const auto& [path, hash] : actual) out << hash << "  " << path << "\n";
        MESSAGE("wrote " << golden_file.string());
        return;
    }
    const std::map<std::string, std::string> golden = read_golden();
    REQUIRE(golden.size() > 0);
    // Plain loops, not structured bindings: INFO captures the path, which clang 14 cannot do
    // for a binding.
    for (const auto& entry : golden) {
        const std::string& path = entry.first;
        INFO("file: " << path);
        REQUIRE(actual.count(path) == 1);
        CHECK(actual.at(path) == entry.second);
    }
    for (const auto& entry : actual) {
        const std::string& path = entry.first;
        INFO("file not in the golden list: " << path);
        CHECK(golden.count(path) == 1);
    }
}
