// Several programmes in one data folder, with real folders and the real binary: the layout of
// one programme per data folder taken over whole (also when stopped halfway), --programme,
// making, renaming, archiving and deleting programmes, and the commands acting on the chosen one.
#include <httplib.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

#include "app/programmes.hpp"
#include "app_process.hpp"
#include "store_file_notes.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Env {
    std::string name;
    std::optional<std::string> old;
    Env(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~Env() {
        if (old)
            ::setenv(name.c_str(), old->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

// A running headless Samling: its join line read, its control surface at hand.
struct Running {
    Process app;
    std::string code;
    fs::path control_file;
    Running(std::vector<std::string> args, fs::path control)
        : app(with_session(std::move(args))), control_file(std::move(control)) {
        const std::string line = app.read_line();
        std::smatch m;
        INFO("stdout: ", line, " stderr: ", app.err());
        REQUIRE(std::regex_match(line, m,
                                 std::regex(R"(samling: participants join at http://[^/]+/\?room=([A-Z0-9]{6}))")));
        code = m[1];
    }
    static std::vector<std::string> with_session(std::vector<std::string> args) {
        args.insert(args.end(), {"--headless", "--host", "127.0.0.1", "--port", "0", "--control-port", "0"});
        return args;
    }
    json control(const json& command) {
        std::ifstream f(control_file);
        const json c = json::parse(f);
        httplib::Client client(c["url"].get<std::string>());
        auto res = client.Post("/control/commands", {{"Authorization", "Bearer " + c["token"].get<std::string>()}},
                               command.dump(), "application/json");
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
        return json::parse(res->body);
    }
    void stop() {
        app.signal(SIGINT);
        CHECK(app.wait() == 0);
    }
};

// A data folder as every facilitator has one today: samling.sqlite3 at its root, written by
// the real binary, with notes, a gathering's automatic backup and a board picture folder.
std::map<long long, std::string> make_old_layout(const fs::path& root) {
    Running s({"--demo", "--data-dir", root.string()}, root / "control.json");
    for (const char* text :
         {"Foreldre får beskjeder for sent", "Ingen eier overgangen barnehage–skole", "Vi møtes bare når det brenner"})
        s.control(json{{"command", "add_note"}, {"group", 1}, {"text", text}});
    const json saved = s.control(json{{"command", "save_gathering"}, {"title", "Samling 1"}});
    s.control(json{{"command", "open_gathering"}, {"gathering", saved["subject"]}});
    s.stop();
    fs::create_directories(root / "snapshots");
    std::ofstream(root / "snapshots" / "run-1.png") << "picture";
    REQUIRE(fs::exists(root / "samling.sqlite3"));
    return notes_in(root / "samling.sqlite3");
}

// Leaves a change only in the -wal beside the store: a copy of the three files taken while a
// connection still holds it open, as after a crash of the one-programme Samling.
void add_change_in_wal(const fs::path& root, const std::string& text) {
    const fs::path held = root.string() + ".held";
    fs::create_directories(held);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((root / "samling.sqlite3").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    const std::string sql = "UPDATE notes SET text = '" + text + "' WHERE id = (SELECT min(id) FROM notes)";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    for (const char* f : {"samling.sqlite3", "samling.sqlite3-wal", "samling.sqlite3-shm"})
        fs::copy_file(root / f, held / f, fs::copy_options::overwrite_existing);
    sqlite3_close(db);  // checkpoints the original; the copies keep the change in their -wal only
    for (const char* f : {"samling.sqlite3", "samling.sqlite3-wal", "samling.sqlite3-shm"}) {
        fs::remove(root / f);
        fs::rename(held / f, root / f);
    }
    fs::remove(held);
    REQUIRE(fs::file_size(root / "samling.sqlite3-wal") > 0);
}

int mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("a data folder of the one-programme layout is taken over whole: the same room, every note, its backups") {
    TempDir home;
    const fs::path data = home.path / "samling";
    const auto notes = make_old_layout(data);
    const int backups_before = static_cast<int>(std::distance(fs::directory_iterator(data / "backups"), {}));
    REQUIRE(backups_before >= 1);
    const std::string code = [&] {
        Running first({"--data-dir", data.string()}, data / "control.json");  // still one programme
        first.stop();
        return first.code;
    }();

    const Env xdg("XDG_DATA_HOME", home.path.string());
    Running adopted({}, data / "control.json");
    CHECK(adopted.code == code);  // phones carry on: the same room
    adopted.stop();
    CHECK_FALSE(fs::exists(data / "samling.sqlite3"));
    const fs::path moved = data / "programmes" / "helu-nordvik";
    REQUIRE(fs::is_directory(moved));
    CHECK(notes_in(moved / "samling.sqlite3").size() >= notes.size());
    for (const auto& [id, text] : notes) CHECK(notes_in(moved / "samling.sqlite3").at(id) == text);
    CHECK(std::distance(fs::directory_iterator(moved / "backups"), {}) >= backups_before);
    CHECK(fs::exists(moved / "snapshots" / "run-1.png"));
    CHECK(mode_of(data / "programmes.json") == 0600);
    std::ifstream f(data / "programmes.json");
    const json catalogue = json::parse(f);
    CHECK(catalogue["last"] == "helu-nordvik");
    REQUIRE(catalogue["programmes"].size() == 1);
    CHECK(catalogue["programmes"][0]["name"] == "HeLU Nordvik");
}

TEST_CASE("a take-over stopped after any step is finished by the next start; the store is never opened half moved") {
    TempDir templ;
    const fs::path source = templ.path / "samling";
    make_old_layout(source);
    add_change_in_wal(source, "Endringen som bare står i WAL-fila");
    const auto expected = [&] {
        TempDir copy;
        fs::copy(source, copy.path / "s", fs::copy_options::recursive);
        return notes_in(copy.path / "s" / "samling.sqlite3");  // reads the WAL too
    }();
    REQUIRE(std::any_of(expected.begin(), expected.end(),
                        [](const auto& e) { return e.second == "Endringen som bare står i WAL-fila"; }));

    int steps_seen = 0;
    for (int stop_after = 0;; ++stop_after) {
        CAPTURE(stop_after);
        TempDir home;
        const fs::path data = home.path / "samling";
        fs::copy(source, data, fs::copy_options::recursive);
        int step = -1;
        auto stopped = load_catalogue(data, [&](int s) {
            step = s;
            return s == stop_after;
        });
        if (stopped) {  // every step passed: the last stop point is behind us
            steps_seen = step + 1;
            break;
        }
        // Stopped: no programme is listed until it is whole, and the store is in one place.
        {
            std::ifstream f(data / "programmes.json");
            if (f) CHECK(json::parse(f)["programmes"].empty());
        }
        const bool at_root = fs::exists(data / "samling.sqlite3");
        const bool staged = fs::exists(data / "programmes" / ".adopting" / "samling.sqlite3");
        const bool named = fs::exists(data / "programmes" / "helu-nordvik" / "samling.sqlite3");
        CHECK(at_root + staged + named == 1);
        // The next start finishes it.
        auto again = load_catalogue(data);
        REQUIRE_MESSAGE(again.ok(), again.error().message);
        REQUIRE(again.value().programmes.size() == 1);
        CHECK(again.value().last == "helu-nordvik");
        CHECK(notes_in(data / "programmes" / "helu-nordvik" / "samling.sqlite3") == expected);
        CHECK_FALSE(fs::exists(data / "samling.sqlite3"));
        CHECK_FALSE(fs::exists(data / "programmes" / ".adopting"));
    }
    CHECK(steps_seen >= 5);  // the checkpoint, each file and folder moved, the naming
}

TEST_CASE("--programme opens the one named; an unknown name is refused, naming those there are and how to make one") {
    TempDir home;
    const Env xdg("XDG_DATA_HOME", home.path.string());
    const fs::path data = home.path / "samling";
    std::string first_code;
    {
        Running first({}, data / "control.json");  // a laptop's first start makes "Program 1"
        first_code = first.code;
        first.stop();
    }
    REQUIRE(create_programme(data, "LUP Ås og Vestby").ok());
    std::string lup_code;
    {
        Running lup({"--programme", "lup ås og vestby"}, data / "control.json");  // as names compare
        lup_code = lup.code;
        lup.control(json{{"command", "add_group"}, {"name", "Oppvekst Ås"}});
        // F2's "Programme" field sends this command: the picker's name follows it.
        lup.control(json{{"command", "name_programme"}, {"name", "LUP Ås, Vestby og Frogn"}});
        lup.stop();
    }
    {
        auto named = load_catalogue(data);
        REQUIRE(named.ok());
        REQUIRE(named.value().find("LUP Ås, Vestby og Frogn"));
        CHECK(named.value().find("LUP Ås, Vestby og Frogn")->folder == "lup-ås-og-vestby");
    }
    CHECK(lup_code != first_code);  // a room of its own
    {
        Running last({}, data / "control.json");  // the last opened
        CHECK(last.code == lup_code);
        last.stop();
    }
    Process unknown({"--headless", "--port", "0", "--programme", "HeLU Nordvik"});
    CHECK(unknown.wait() == 1);
    CHECK(unknown.out().empty());
    CHECK(unknown.err().find("no programme named \"HeLU Nordvik\"") != std::string::npos);
    CHECK(unknown.err().find("\"Program 1\", \"LUP Ås, Vestby og Frogn\"") != std::string::npos);
    CHECK(unknown.err().find("F2") != std::string::npos);  // how to make one
    auto listed = load_catalogue(data);
    REQUIRE(listed.ok());
    CHECK(listed.value().programmes.size() == 2);  // nothing was made by the refusal

    Process demo({"--demo", "--programme", "Program 1"});
    CHECK(demo.wait() == 2);
    CHECK(demo.err().find("--demo is a programme of its own") != std::string::npos);
}

TEST_CASE("programmes are made, renamed and archived in the catalogue, and backup and export act on the one chosen") {
    TempDir home, out;
    const fs::path data = home.path / "samling";
    auto helu = create_programme(data, "HeLU Nordvik");
    REQUIRE(helu.ok());
    CHECK_FALSE(create_programme(data, "helu nordvik").ok());  // the same name as the room compares it
    CHECK(create_programme(data, "  ").error().code == Errc::text_empty);
    auto lup = create_programme(data, "LUP Sørli");
    REQUIRE(lup.ok());
    CHECK(lup.value().folder == "lup-sørli");
    REQUIRE(rename_programme(data, lup.value().folder, "LUP Sørli og Nord").ok());
    CHECK_FALSE(rename_programme(data, lup.value().folder, "HeLU Nordvik").ok());
    REQUIRE(archive_programme(data, helu.value().folder, true).ok());
    auto c = load_catalogue(data);
    REQUIRE(c.ok());
    CHECK(c.value().find("LUP Sørli og Nord")->folder == "lup-sørli");  // the folder stays
    CHECK(c.value().find("HeLU Nordvik")->archived);

    {
        Running s({"--data-dir", data.string(), "--programme", "LUP Sørli og Nord"}, data / "control.json");
        s.control(json{{"command", "add_group"}, {"name", "Helse Sørli"}});
        s.stop();
    }
    Process backup({"backup", "--data-dir", data.string(), "--programme", "LUP Sørli og Nord", "--out",
                    (out.path / "lup.sqlite3").string()});
    CHECK(backup.wait() == 0);
    CHECK(backup.out().find("1 leader groups") != std::string::npos);
    Process other({"backup", "--data-dir", data.string(), "--programme", "HeLU Nordvik", "--out",
                   (out.path / "helu.sqlite3").string()});
    CHECK(other.wait() == 1);  // never opened: no store yet
    Process exported({"export", "--all", "--format", "csv", "--out", (out.path / "csv").string(), "--data-dir",
                      data.string(), "--programme", "LUP Sørli og Nord"});
    CHECK(exported.wait() == 0);
    CHECK(fs::exists(out.path / "csv"));
}

TEST_CASE("samling delete --programme asks for --yes, refuses an open programme, and removes its folder and backups") {
    TempDir home;
    const fs::path data = home.path / "samling";
    REQUIRE(create_programme(data, "Demo-kurs").ok());
    REQUIRE(create_programme(data, "HeLU Nordvik").ok());
    const fs::path folder = data / "programmes" / "demo-kurs";
    {
        Running s({"--data-dir", data.string(), "--programme", "Demo-kurs"}, data / "control.json");
        const json saved = s.control(json{{"command", "save_gathering"}, {"title", "Samling 1"}});
        s.control(json{{"command", "open_gathering"}, {"gathering", saved["subject"]}});  // a backup
        Process while_open({"delete", "--data-dir", data.string(), "--programme", "Demo-kurs", "--yes"});
        CHECK(while_open.wait() == 1);
        CHECK(while_open.err().find("open") != std::string::npos);
        CHECK(fs::exists(folder / "samling.sqlite3"));
        s.stop();
    }
    Process unsure({"delete", "--data-dir", data.string(), "--programme", "Demo-kurs"});
    CHECK(unsure.wait() == 2);
    CHECK(unsure.err().find("--yes") != std::string::npos);
    CHECK(fs::exists(folder / "samling.sqlite3"));
    Process unknown({"delete", "--data-dir", data.string(), "--programme", "Ingen slik", "--yes"});
    CHECK(unknown.wait() == 1);
    CHECK(unknown.err().find("nothing was deleted") != std::string::npos);

    const int backups = static_cast<int>(std::distance(fs::directory_iterator(folder / "backups"), {}));
    REQUIRE(backups >= 2);  // the gathering's and the exit's
    Process gone({"delete", "--data-dir", data.string(), "--programme", "demo-kurs", "--yes"});
    CHECK(gone.wait() == 0);
    CHECK(gone.out().find("deleted the programme \"Demo-kurs\"") != std::string::npos);
    CHECK(gone.out().find(std::to_string(backups) + " backups") != std::string::npos);
    CHECK_FALSE(fs::exists(folder));
    auto c = load_catalogue(data);
    REQUIRE(c.ok());
    REQUIRE(c.value().programmes.size() == 1);
    CHECK(c.value().programmes[0].name == "HeLU Nordvik");
    CHECK(c.value().last.empty());  // the deleted one was the last opened: the next start picks another
    for (const auto& e : fs::directory_iterator(data / "programmes")) CHECK(e.path().filename() == "helu-nordvik");
}
