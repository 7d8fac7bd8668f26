// Backups through the real binary: taken while phones write, restored note for note, refused
// when damaged, newer or over a programme; automatic ones when a gathering opens and at exit.
#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "app_process.hpp"
#include "store_file_notes.hpp"
#include "store_temp_dir.hpp"

using namespace samling::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Session {
    Process app;
    int port = 0;
    std::string code, control_url, control_token;

    explicit Session(const fs::path& data)
        : app({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--control-port", "0", "--data-dir",
               data.string()}) {
        const std::string line = app.read_line();
        std::smatch m;
        const std::regex join(R"(samling: participants join at http://127\.0\.0\.1:(\d+)/\?room=([A-Z0-9]{6}))");
        INFO("stdout: ", line, " stderr: ", app.err());
        REQUIRE(std::regex_match(line, m, join));
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
};

void sql(const fs::path& file, const std::string& statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("a backup taken while phones write restores note for note; the exit backup holds everything") {
    TempDir data, elsewhere, copies;
    std::map<long long, std::string> live;
    {
        Session s(data.path);
        std::atomic<bool> writing{true};
        std::atomic<int> saved{0};
        std::vector<int> groups;
        {
            httplib::Client lookup("127.0.0.1", s.port);
            auto room = lookup.Get("/api/room?code=" + s.code);
            REQUIRE(room);
            const json answer = json::parse(room->body);
            for (const json& g : answer.at("groups")) groups.push_back(g.at("id").get<int>());
            REQUIRE(groups.size() == 3);
        }
        std::vector<std::thread> phones;
        for (int p = 0; p < 20; ++p)
            phones.emplace_back([&, p] {
                httplib::Client client("127.0.0.1", s.port);
                const json join{{"code", s.code}, {"group", groups[static_cast<std::size_t>(p % 3)]}};
                auto joined = client.Post("/api/join", join.dump(), "application/json");
                if (!joined || joined->status != 201) return;
                const httplib::Headers auth = {
                    {"Authorization", "Bearer " + json::parse(joined->body)["token"].get<std::string>()}};
                for (int i = 0; writing; ++i) {
                    const json note{{"client_id", "p" + std::to_string(p) + "-" + std::to_string(i)},
                                    {"text", "Telefon " + std::to_string(p) + " lapp " + std::to_string(i)}};
                    if (auto r = client.Post("/api/notes", auth, note.dump(), "application/json");
                        r && r->status == 201)
                        ++saved;
                }
            });
        for (int i = 0; i < 1000 && saved < 100; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        REQUIRE(saved >= 100);
        Process backup(
            {"backup", "--out", (copies.path / "midday.sqlite3").string(), "--data-dir", data.path.string()});
        CHECK(backup.wait() == 0);
        INFO(backup.err());
        CHECK(backup.out().find("notes") != std::string::npos);
        // More notes after the backup: waited for, not slept on, since a slow build (ASan) or the
        // phones' write budget can leave a fixed pause without one.
        const int at_backup = saved;
        for (int i = 0; i < 1500 && saved <= at_backup; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(saved > at_backup);
        writing = false;
        for (auto& t : phones) t.join();
        // Restoring into a running Samling's folder is refused: it would lose the running one's writes.
        Process busy(
            {"restore", (copies.path / "midday.sqlite3").string(), "--data-dir", data.path.string(), "--replace"});
        CHECK(busy.wait() != 0);
        CHECK(busy.err().find("Samling is running") != std::string::npos);
        s.app.signal(SIGINT);
        CHECK(s.app.wait() == 0);
    }
    live = notes_in(data.path / "samling.sqlite3");
    const auto midday = notes_in(copies.path / "midday.sqlite3");
    REQUIRE(midday.size() >= 100);
    CHECK(midday.size() < live.size());
    for (const auto& [id, text] : midday) CHECK(live.at(id) == text);  // a consistent earlier state

    // The backup taken at the clean exit holds every acknowledged note, and restores to a
    // folder a second facilitator's Samling opens.
    fs::path exit_backup;
    for (const auto& e : fs::directory_iterator(data.path / "backups"))
        if (e.path().filename().string().ends_with("-exit.sqlite3")) exit_backup = e.path();
    REQUIRE_FALSE(exit_backup.empty());
    Process restore({"restore", exit_backup.string(), "--data-dir", elsewhere.path.string()});
    CHECK(restore.wait() == 0);
    INFO(restore.err());
    CHECK(notes_in(elsewhere.path / "samling.sqlite3") == live);
    Session again(elsewhere.path);
    httplib::Client client(again.control_url);
    auto state = client.Get("/control/state", {{"Authorization", "Bearer " + again.control_token}});
    REQUIRE(state);
    CHECK(state->body.find("Telefon 19 lapp 0") != std::string::npos);
}

TEST_CASE("restore refuses a damaged file, a newer schema and a folder holding a programme, and changes nothing") {
    TempDir data, target, copies;
    {
        Session s(data.path);
        s.control(json{{"command", "add_note"}, {"group", 1}, {"text", "Beskjeder blir borte"}});
        s.app.signal(SIGINT);
        CHECK(s.app.wait() == 0);
    }
    const fs::path good = copies.path / "good.sqlite3";
    Process backup({"backup", "--out", good.string(), "--data-dir", data.path.string()});
    REQUIRE(backup.wait() == 0);
    Process twice({"backup", "--out", good.string(), "--data-dir", data.path.string()});
    CHECK(twice.wait() != 0);  // never over an existing file
    CHECK(twice.err().find("exists already") != std::string::npos);

    const fs::path newer = copies.path / "newer.sqlite3";
    fs::copy_file(good, newer);
    sql(newer, "PRAGMA user_version=999");
    Process from_newer({"restore", newer.string(), "--data-dir", target.path.string()});
    CHECK(from_newer.wait() != 0);
    CHECK(from_newer.err().find("newer Samling") != std::string::npos);

    const fs::path damaged = copies.path / "damaged.sqlite3";
    fs::copy_file(good, damaged);
    fs::resize_file(damaged, fs::file_size(good) / 2);
    Process from_damaged({"restore", damaged.string(), "--data-dir", target.path.string()});
    CHECK(from_damaged.wait() != 0);
    CHECK(from_damaged.err().find("damaged") != std::string::npos);
    CHECK_FALSE(fs::exists(target.path / "samling.sqlite3"));  // nothing was put in place

    // Over a folder that holds a programme: only with --replace, which keeps the old one first.
    Process first({"restore", good.string(), "--data-dir", target.path.string()});
    REQUIRE(first.wait() == 0);
    sql(target.path / "samling.sqlite3", "UPDATE notes SET text = 'endret her'");
    Process over({"restore", good.string(), "--data-dir", target.path.string()});
    CHECK(over.wait() != 0);
    CHECK(over.err().find("--replace") != std::string::npos);
    CHECK(notes_in(target.path / "samling.sqlite3").begin()->second == "endret her");
    Process replace({"restore", good.string(), "--data-dir", target.path.string(), "--replace"});
    CHECK(replace.wait() == 0);
    CHECK(notes_in(target.path / "samling.sqlite3").begin()->second == "Beskjeder blir borte");
    int kept = 0;
    for (const auto& e : fs::directory_iterator(target.path / "backups"))
        if (e.path().filename().string().find("before-restore") != std::string::npos)
            kept += notes_in(e.path()).begin()->second == "endret her" ? 1 : 0;
    CHECK(kept == 1);
}

TEST_CASE("opening a gathering takes an automatic backup, on its own thread") {
    TempDir data;
    Session s(data.path);
    const json saved = s.control(json{{"command", "save_gathering"}, {"title", "Samling 1"}});
    s.control(json{{"command", "open_gathering"}, {"gathering", saved["subject"]}});
    bool found = false;
    for (int i = 0; i < 100 && !found; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(data.path / "backups", ec))
            found = found || e.path().filename().string().ends_with("-gathering-1.sqlite3");
    }
    CHECK(found);
    s.app.signal(SIGINT);
    CHECK(s.app.wait() == 0);
}
