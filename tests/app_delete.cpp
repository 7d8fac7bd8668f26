// `samling delete --group` through the real binary: phones write into a group, backups and
// exports are made, then the group is deleted and the bytes of every file are searched for
// its text. Backups are named, and rewritten without it on --with-backups.
#include <httplib.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "app_process.hpp"
#include "store_temp_dir.hpp"

using namespace samling::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string secret_text = "Hemmelig lapp om et barn i Barnevern";
const std::string kept_text = "Oppvekst beholder sin lapp";
const std::string secret_name = "Kari Hemmeligsen";

struct DeleteSession {
    Process app;
    int port = 0;
    std::string code, control_url, control_token;

    // `demo`: make the demo's three groups (a start with --demo makes any that are missing again).
    DeleteSession(const fs::path& data, bool demo)
        : app({"--headless", demo ? "--demo" : "--new", "--host", "127.0.0.1", "--port", "0", "--control-port", "0",
               "--data-dir", data.string()}) {
        const std::string line = app.read_line();
        std::smatch m;
        INFO("stdout: ", line, " stderr: ", app.err());
        REQUIRE(std::regex_search(line, m, std::regex(R"(127\.0\.0\.1:(\d+)/\?room=([A-Z0-9]{6}))")));
        port = std::stoi(m[1]);
        code = m[2];
        std::ifstream f(data / "control.json");
        const json c = json::parse(f);
        control_url = c["url"];
        control_token = c["token"];
    }
    json control(const json& command) const {
        httplib::Client client(control_url);
        auto res = client.Post("/control/commands", {{"Authorization", "Bearer " + control_token}}, command.dump(),
                               "application/json");
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
        return json::parse(res->body);
    }
    json state() const {
        httplib::Client client(control_url);
        auto res = client.Get("/control/state", {{"Authorization", "Bearer " + control_token}});
        REQUIRE(res);
        return json::parse(res->body);
    }
    // Joins `group` as `name` and writes `count` notes `text N`; returns the token.
    std::string write(int group, const std::string& name, const std::string& text, int count) const {
        httplib::Client phone("127.0.0.1", port);
        auto joined =
            phone.Post("/api/join", json{{"code", code}, {"group", group}, {"name", name}}.dump(), "application/json");
        REQUIRE(joined);
        REQUIRE(joined->status == 201);
        const std::string token = json::parse(joined->body)["token"];
        for (int i = 0; i < count; ++i) {
            const json note{{"client_id", "n" + std::to_string(i)}, {"text", text + " " + std::to_string(i)}};
            auto r = phone.Post("/api/notes", {{"Authorization", "Bearer " + token}}, note.dump(), "application/json");
            REQUIRE(r);
            REQUIRE(r->status == 201);
        }
        return token;
    }
};

std::string bytes_of(const fs::path& file) {
    std::ifstream f(file, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Every file under `dir` (recursively) whose bytes hold `needle`.
std::vector<std::string> files_holding(const fs::path& dir, const std::string& needle) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && bytes_of(e.path()).find(needle) != std::string::npos)
            out.push_back(e.path().lexically_relative(dir).string());
    return out;
}

std::string integrity(const fs::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK);
    std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("delete --group leaves none of the group's text in the store, its pictures or exports; names backups") {
    TempDir data;
    const fs::path dir = data.path;
    int doomed = 0, kept = 0;
    std::string doomed_token;
    long long doomed_run = 0, kept_run = 0;
    {
        DeleteSession s(dir, true);
        const json before = s.state();  // held: a temporary would die before the loop runs
        for (const json& g : before.at("groups")) {
            if (g.at("name") == "Barnevern og PPT") doomed = g.at("id");
            if (g.at("name") == "Oppvekst Nordvik") kept = g.at("id");
        }
        REQUIRE(doomed != 0);
        REQUIRE(kept != 0);
        doomed_token = s.write(doomed, secret_name, secret_text, 5);
        s.write(kept, "Ola", kept_text, 3);
        const json written = s.state();
        for (const json& g : written.at("groups")) {
            if (g.at("id") == doomed) doomed_run = g.at("run").at("id");
            if (g.at("id") == kept) kept_run = g.at("run").at("id");
        }
        // An automatic backup when a gathering opens, another at the clean exit.
        const json saved = s.control(json{{"command", "save_gathering"}, {"title", "Samling 1"}});
        s.control(json{{"command", "open_gathering"}, {"gathering", saved["subject"]}});
        for (int i = 0; i < 100 && !fs::exists(dir / "backups"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        Process busy({"delete", "--group", "Barnevern og PPT", "--yes", "--data-dir", dir.string()});
        CHECK(busy.wait() != 0);
        CHECK(busy.err().find("Samling is running") != std::string::npos);
        s.app.signal(SIGTERM);
        REQUIRE(s.app.wait() == 0);
    }
    for (const char* format : {"html", "csv"}) {
        Process exported(
            {"export", "--all", "--format", format, "--out", (dir / "exports").string(), "--data-dir", dir.string()});
        REQUIRE(exported.wait() == 0);
    }
    fs::create_directories(dir / "snapshots");
    for (long long run : {doomed_run, kept_run})
        std::ofstream(dir / "snapshots" / ("run-" + std::to_string(run) + ".png")) << "picture of run " << run;
    REQUIRE(files_holding(dir / "exports", secret_text).size() == 1);  // its notes' CSV
    {
        const auto naming = files_holding(dir / "exports", "Barnevern og PPT");  // its log, the index
        CHECK(std::find(naming.begin(), naming.end(), "index.html") != naming.end());
    }
    REQUIRE(files_holding(dir / "backups", secret_text).size() == 2);

    Process without_yes({"delete", "--group", "Barnevern og PPT", "--data-dir", dir.string()});
    CHECK(without_yes.wait() == 2);
    CHECK(without_yes.err().find("--yes") != std::string::npos);
    Process unknown({"delete", "--group", "Ingen slik gruppe", "--yes", "--data-dir", dir.string()});
    CHECK(unknown.wait() != 0);
    CHECK(unknown.err().find("Oppvekst Nordvik") != std::string::npos);  // names the groups there are

    // As the room compares names: lower case finds it.
    Process del({"delete", "--group", "barnevern og ppt", "--yes", "--data-dir", dir.string()});
    REQUIRE(del.wait() == 0);
    INFO(del.out(), del.err());
    CHECK(del.out().find("5 notes") != std::string::npos);
    CHECK(del.out().find("1 board pictures") != std::string::npos);
    CHECK(del.out().find("2 backups still hold \"Barnevern og PPT\"") != std::string::npos);
    for (const auto& e : fs::directory_iterator(dir / "backups"))
        CHECK(del.out().find(e.path().string()) != std::string::npos);  // each one named

    // The store's bytes, and its WAL if one is left: not the text, the writer's name, nor the group.
    for (const std::string& needle : {secret_text, secret_name, std::string("Barnevern og PPT")}) {
        CAPTURE(needle);
        for (const char* suffix : {"", "-wal"}) {
            const fs::path f = dir / (std::string("samling.sqlite3") + suffix);
            if (fs::exists(f)) CHECK(bytes_of(f).find(needle) == std::string::npos);
        }
        CHECK(files_holding(dir / "exports", needle).empty());
        CHECK(files_holding(dir / "snapshots", needle).empty());
    }
    CHECK(bytes_of(dir / "samling.sqlite3").find(kept_text) != std::string::npos);  // the search does find text
    CHECK_FALSE(fs::exists(dir / "snapshots" / ("run-" + std::to_string(doomed_run) + ".png")));
    CHECK(fs::exists(dir / "snapshots" / ("run-" + std::to_string(kept_run) + ".png")));
    CHECK(fs::exists(dir / "exports" / "oppvekst-nordvik.html"));
    CHECK(fs::exists(dir / "exports" / "index.html"));
    CHECK(files_holding(dir / "exports", kept_text).size() == 1);
    CHECK(files_holding(dir / "backups", secret_text).size() == 2);  // reported, not yet touched

    // --with-backups: the group is no longer in the store; its backups are rewritten without it.
    Process clean({"delete", "--group", "Barnevern og PPT", "--yes", "--with-backups", "--data-dir", dir.string()});
    REQUIRE(clean.wait() == 0);
    INFO(clean.out(), clean.err());
    CHECK(clean.out().find("rewrote 2 backups") != std::string::npos);
    for (const std::string& needle : {secret_text, secret_name, std::string("Barnevern og PPT")})
        CHECK(files_holding(dir / "backups", needle).empty());
    for (const auto& e : fs::directory_iterator(dir / "backups")) {
        CHECK(integrity(e.path()) == "ok");
        CHECK(bytes_of(e.path()).find(kept_text) != std::string::npos);
    }

    // The programme opens as before, without the group; its phones' tokens are refused.
    DeleteSession after(dir, false);
    int groups = 0;
    const json now = after.state();
    for (const json& g : now.at("groups")) groups += g.at("name") == "Barnevern og PPT" ? 100 : 1;
    CHECK(groups == 2);
    CHECK(now.dump().find(kept_text + " 2") != std::string::npos);
    httplib::Client phone("127.0.0.1", after.port);
    auto state = phone.Get("/api/state", {{"Authorization", "Bearer " + doomed_token}});
    REQUIRE(state);
    CHECK(state->status == 401);
    after.app.signal(SIGTERM);
    CHECK(after.app.wait() == 0);
}
