// Specification of the command line as API.md states it, run against the real binary.
#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

#include "app_process.hpp"
#include "store_temp_dir.hpp"

using namespace samling::testing;

namespace {

const std::regex join_line(R"(samling: participants join at http://127\.0\.0\.1:(\d+)/\?room=([A-Z0-9]{6}))");

struct Joined {
    int port = 0;
    std::string code;
};

Joined expect_join_line(Process& p) {
    const std::string line = p.read_line();
    std::smatch m;
    INFO("stdout line: ", line, " stderr: ", p.err());
    REQUIRE(std::regex_match(line, m, join_line));
    return {std::stoi(m[1]), m[2]};
}

}  // namespace

TEST_CASE("--help and --version answer on standard output and exit 0") {
    Process help({"--help"});
    CHECK(help.wait() == 0);
    CHECK(help.out().find("--data-dir") != std::string::npos);
    Process version({"--version"});
    CHECK(version.wait() == 0);
    CHECK(version.out().rfind("samling ", 0) == 0);
}

TEST_CASE("a bad option gives one line on standard error and a non-zero exit") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--port", "abc"}, {"--bogus"}, {"--lang", "de"}}) {
        Process p(args);
        CHECK(p.wait() != 0);
        CHECK(p.out().empty());
        CHECK(count_lines(p.err()) == 1);
        CHECK(p.err().rfind("samling: ", 0) == 0);
    }
}

TEST_CASE("--headless --demo prints exactly one join line, serves the demo room, and stops cleanly on SIGINT") {
    TempDir dir;
    Joined joined;
    {
        Process p({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
        joined = expect_join_line(p);
        httplib::Client client("127.0.0.1", joined.port);
        auto res = client.Get("/api/room?code=" + joined.code);
        REQUIRE(res);
        CHECK(res->status == 200);
        auto body = nlohmann::json::parse(res->body);
        CHECK(body["groups"].size() == 3);
        CHECK(client.Get("/")->status == 200);
        p.signal(SIGINT);
        CHECK(p.wait() == 0);
        CHECK(p.out().empty());  // nothing after the one line
    }
    // Same data folder: same room code, the demo is not added twice.
    Process again({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
    const Joined second = expect_join_line(again);
    CHECK(second.code == joined.code);
    httplib::Client client("127.0.0.1", second.port);
    CHECK(nlohmann::json::parse(client.Get("/api/room?code=" + joined.code)->body)["groups"].size() == 3);
    again.signal(SIGTERM);
    CHECK(again.wait() == 0);
}

TEST_CASE("a port in use is one clear line and a non-zero exit, and the data folder is not touched") {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    const int port = ntohs(addr.sin_port);

    TempDir dir;
    const auto data = dir.path / "never-made";
    Process p({"--headless", "--host", "127.0.0.1", "--port", std::to_string(port), "--data-dir", data.string()});
    CHECK(p.wait() != 0);
    CHECK(count_lines(p.err()) == 1);
    CHECK(p.err().find(std::to_string(port)) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(data));
    ::close(fd);
}

TEST_CASE("an unusable data folder is one clear line and a non-zero exit") {
    TempDir dir;
    const auto file = dir.path / "plain-file";
    { std::ofstream(file) << "x"; }
    Process p({"--headless", "--host", "127.0.0.1", "--port", "0", "--data-dir", file.string()});
    CHECK(p.wait() != 0);
    CHECK(count_lines(p.err()) == 1);
    CHECK(p.err().find("data folder") != std::string::npos);
}

TEST_CASE("an existing empty store file is refused, not silently made a new room; --new makes it one") {
    TempDir dir;
    const auto store = dir.path / "samling.sqlite3";
    { std::ofstream(store, std::ios::binary); }  // an interrupted copy: the file, no bytes
    Process refused({"--headless", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
    CHECK(refused.wait() != 0);
    CHECK(count_lines(refused.err()) == 1);
    CHECK(refused.err().find("is empty") != std::string::npos);
    CHECK(refused.err().find("--new") != std::string::npos);
    CHECK(std::filesystem::file_size(store) == 0);  // left as it was found
    CHECK(refused.out().empty());                   // no join line: no room was opened

    Process fresh({"--headless", "--new", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
    const Joined joined = expect_join_line(fresh);
    httplib::Client client("127.0.0.1", joined.port);
    CHECK(client.Get("/api/room?code=" + joined.code)->status == 200);
    fresh.signal(SIGINT);
    CHECK(fresh.wait() == 0);
    CHECK(std::filesystem::file_size(store) > 0);
}

TEST_CASE("a second Samling on the same data folder is refused while the first keeps running") {
    TempDir dir;
    Process first({"--headless", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
    const Joined joined = expect_join_line(first);
    Process second({"--headless", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.path.string()});
    CHECK(second.wait() != 0);
    CHECK(second.err().find("another Samling") != std::string::npos);
    httplib::Client client("127.0.0.1", joined.port);
    CHECK(client.Get("/api/room?code=" + joined.code)->status == 200);
    first.signal(SIGINT);
    CHECK(first.wait() == 0);
}

TEST_CASE("an invalid exercise file is skipped with a message naming it; the others still load") {
    TempDir share;
    std::filesystem::create_directories(share.path / "exercises");
    std::filesystem::copy(std::string(SAMLING_SOURCE_DIR) + "/assets", share.path / "assets",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(std::string(SAMLING_SOURCE_DIR) + "/exercises/problem_definition.json",
                          share.path / "exercises/problem_definition.json");
    { std::ofstream(share.path / "exercises/broken.json") << "{\n  \"id\": \"broken\",\n  oops\n}\n"; }
    {
        std::ofstream(share.path / "exercises/unknown_kind.json")
            << R"({"id": "u", "title": {"nb": "t", "nn": "t", "en": "t"},
        "purpose": {"nb": "p", "nn": "p", "en": "p"}, "steps": [{"kind": "dance", "prompt": {"nb": "a", "nn": "b", "en": "c"}}]})";
    }
    ::setenv("SAMLING_SHARE_DIR", share.path.c_str(), 1);
    TempDir data;
    Process p({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", data.path.string()});
    const Joined joined = expect_join_line(p);  // the demo's exercise still loaded
    p.signal(SIGINT);
    CHECK(p.wait() == 0);
    ::unsetenv("SAMLING_SHARE_DIR");
    CHECK(p.err().find("broken.json: parse error at line 3") != std::string::npos);
    CHECK(p.err().find("unknown_kind.json: steps[0]: unknown step kind \"dance\"") != std::string::npos);
    CHECK(joined.port > 0);
}

TEST_CASE("samling export writes a concluded run's log beside a running Samling, and names bad groups") {
    TempDir data, out;
    // As an older Samling or a hand-made folder left it: readable by every user of the laptop.
    std::filesystem::permissions(data.path, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                                std::filesystem::perms::group_exec |
                                                std::filesystem::perms::others_read |
                                                std::filesystem::perms::others_exec);
    Process app({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--control-port", "0", "--data-dir",
                 data.path.string()});
    expect_join_line(app);
    std::ifstream control_file(data.path / "control.json");
    const auto control = nlohmann::json::parse(control_file);
    const std::string url = control["url"], token = control["token"];
    httplib::Client client(url);
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    for (const nlohmann::json& c :
         {nlohmann::json{{"command", "add_note"}, {"group", 1}, {"text", "Beskjeder blir borte"}},
          nlohmann::json{{"command", "set_conclusion"},
                         {"group", 1},
                         {"field", "statement"},
                         {"text", "Familier med sammensatte behov får hjelp for sent"}},
          nlohmann::json{{"command", "conclude_run"}, {"group", 1}}}) {
        auto res = client.Post("/control/commands", auth, c.dump(), "application/json");
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
    }

    // While the app still runs: exports read the store without taking it over.
    Process html({"export", "--all", "--format", "html", "--out", out.path.string(), "--data-dir", data.path.string()});
    CHECK(html.wait() == 0);
    INFO(html.err());
    CHECK(std::filesystem::exists(out.path / "index.html"));
    std::ifstream page(out.path / "oppvekst-nordvik.html");
    const std::string body((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
    CHECK(body.find("Familier med sammensatte behov får hjelp for sent") != std::string::npos);

    Process csv({"export", "--group", "oppvekst nordvik", "--format", "csv", "--out", out.path.string(), "--data-dir",
                 data.path.string()});
    CHECK(csv.wait() == 0);
    CHECK(std::filesystem::exists(out.path / "oppvekst-nordvik-notes.csv"));

    Process unknown({"export", "--group", "Ingen slik", "--format", "md", "--out", out.path.string(), "--data-dir",
                     data.path.string()});
    CHECK(unknown.wait() != 0);
    CHECK(count_lines(unknown.err()) == 1);
    CHECK(unknown.err().find("Oppvekst Nordvik") != std::string::npos);  // it names the groups there are

    app.signal(SIGINT);
    CHECK(app.wait() == 0);

    // Nothing Samling wrote is readable by another user: folders 0700, files 0600.
    int checked = 0;
    for (const auto& root : {data.path, out.path}) {
        CHECK((std::filesystem::status(root).permissions() & std::filesystem::perms::all) ==
              std::filesystem::perms::owner_all);
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            const auto mode = entry.status().permissions() & std::filesystem::perms::all;
            const auto want = entry.is_directory()
                                  ? std::filesystem::perms::owner_all
                                  : std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
            CAPTURE(entry.path());
            CHECK(mode == want);
            ++checked;
        }
    }
    CHECK(checked >= 5);  // the store, its lock, the control file, the exports
}

namespace {

// Sets an environment variable for one test (the child inherits it), and puts it back.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old)
            ::setenv(name.c_str(), old->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

int groups_served(const Joined& joined) {
    httplib::Client client("127.0.0.1", joined.port);
    auto res = client.Get("/api/room?code=" + joined.code);
    REQUIRE(res);
    return static_cast<int>(nlohmann::json::parse(res->body)["groups"].size());
}

}  // namespace

TEST_CASE("--demo without --data-dir keeps to its own folder and never touches the default store") {
    TempDir home;
    const ScopedEnv home_env("HOME", home.path.string());
    for (const bool xdg : {true, false}) {
        CAPTURE(xdg);
        const auto share = xdg ? home.path / "xdg" : home.path / ".local" / "share";
        const ScopedEnv xdg_env("XDG_DATA_HOME", xdg ? share.string() : "");  // empty counts as unset
        {
            Process demo({"--headless", "--demo", "--host", "127.0.0.1", "--port", "0"});
            const Joined joined = expect_join_line(demo);
            CHECK(groups_served(joined) == 3);
            demo.signal(SIGINT);
            CHECK(demo.wait() == 0);
            CHECK(demo.out().empty());  // the join line was the only one on stdout
            CHECK(demo.err().find((share / "samling-demo").string()) != std::string::npos);
        }
        CHECK(std::filesystem::is_directory(share / "samling-demo"));
        CHECK_FALSE(std::filesystem::exists(share / "samling"));

        // The facilitator's own start on the default folder: a room of its own, no demo groups.
        Process real({"--headless", "--host", "127.0.0.1", "--port", "0"});
        const Joined joined = expect_join_line(real);
        CHECK(groups_served(joined) == 0);
        real.signal(SIGINT);
        CHECK(real.wait() == 0);
        CHECK(std::filesystem::is_directory(share / "samling"));
        CHECK(real.err().find("samling-demo") == std::string::npos);
    }
}
