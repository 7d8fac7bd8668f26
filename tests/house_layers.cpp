// The layers of README's "Code tour" table, checked on the sources: each folder of facilitator/
// includes only the layers below it and none of the libraries it must know nothing of. A
// newcomer's stray #include fails here with the file and the line, not in review.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Layer {
    std::set<std::string> may_use;              // folders of facilitator/ it may include from
    std::vector<std::string> forbidden_system;  // <headers> it must not include (prefixes)
};

const std::vector<std::string> imgui = {"imgui", "backends/", "GLFW/", "GL/"};
const std::vector<std::string> http = {"httplib"};
const std::vector<std::string> sqlite = {"sqlite3"};

std::vector<std::string> all_of(std::initializer_list<std::vector<std::string>> lists) {
    std::vector<std::string> out;
    for (const auto& l : lists) out.insert(out.end(), l.begin(), l.end());
    return out;
}

const std::map<std::string, Layer>& layers() {
    static const std::map<std::string, Layer> table = {
        {"platform", {{"platform"}, all_of({imgui, http, sqlite})}},
        {"core", {{"platform", "core"}, all_of({imgui, http, sqlite})}},
        {"store", {{"platform", "core", "store"}, all_of({imgui, http})}},
        {"export", {{"platform", "core", "export"}, all_of({imgui, http, sqlite})}},
        {"hub", {{"platform", "core", "store", "hub"}, all_of({imgui, http})}},
        {"server", {{"platform", "core", "hub", "server"}, all_of({imgui, sqlite})}},
        {"ui", {{"platform", "core", "hub", "export", "ui"}, all_of({http, sqlite})}},
        {"app", {{"platform", "core", "store", "export", "hub", "server", "ui", "app"}, {}}},
    };
    return table;
}

struct Include {
    std::string header;
    bool system = false;
    int line = 0;
};

std::vector<Include> includes_of(const fs::path& file) {
    std::vector<Include> out;
    std::ifstream in(file);
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        const auto at = text.find("#include");
        if (at == std::string::npos || text.find_first_not_of(" \t") != at) continue;
        const auto open = text.find_first_of("<\"", at);
        if (open == std::string::npos) continue;
        const auto close = text.find(text[open] == '<' ? '>' : '"', open + 1);
        out.push_back({text.substr(open + 1, close - open - 1), text[open] == '<', n});
    }
    return out;
}

}  // namespace

TEST_CASE("every folder of facilitator/ includes only the layers README's table allows it") {
    const fs::path root = fs::path(SAMLING_SOURCE_DIR) / "facilitator";
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        const std::string folder = fs::relative(entry.path(), root).begin()->string();
        const auto layer = layers().find(folder);
        INFO(entry.path().string());
        REQUIRE_MESSAGE(layer != layers().end(), "a folder README's layer table does not name: " << folder);
        ++files;
        for (const Include& inc : includes_of(entry.path())) {
            INFO("line " << inc.line << ": #include " << inc.header);
            if (inc.system) {
                for (const std::string& banned : layer->second.forbidden_system)
                    CHECK_MESSAGE(inc.header.rfind(banned, 0) != 0, folder << " must not know " << banned);
                continue;
            }
            const std::string from = inc.header.substr(0, inc.header.find('/'));
            if (layers().count(from))
                CHECK_MESSAGE(layer->second.may_use.count(from), folder << " may not use " << from);
        }
    }
    CHECK(files > 100);
}
