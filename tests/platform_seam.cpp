// Specification of the platform seam, the same on every system: this suite runs on Linux and,
// cross-compiled, under Wine (tests/windows/wine_test.sh), where platform_windows.cpp answers.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "platform/platform.hpp"
#include "platform/sockets.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using samling::testing::TempDir;

namespace {

std::string contents_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("the single writer's lock: a second taker of the same file is told busy, and gets it once it is free") {
    TempDir dir;
    const auto file = dir.path / "samling.lock";
    {
        platform::FileLock first(file);
        REQUIRE(first.state() == platform::FileLock::State::held);
        platform::FileLock second(file);
        CHECK(second.state() == platform::FileLock::State::busy);
        platform::FileLock moved(std::move(first));
        platform::FileLock third(file);
        CHECK(third.state() == platform::FileLock::State::busy);  // moving keeps it held
    }
    platform::FileLock again(file);
    CHECK(again.state() == platform::FileLock::State::held);
}

TEST_CASE("a lock in a folder that does not exist fails with the system's words, not busy") {
    TempDir dir;
    platform::FileLock lock(dir.path / "no-such-folder" / "samling.lock");
    CHECK(lock.state() == platform::FileLock::State::failed);
    CHECK_FALSE(lock.error().empty());
}

TEST_CASE("a durable new file holds exactly its bytes and never overwrites one that exists") {
    TempDir dir;
    const auto file = dir.path / "notes ø æ å.json";
    const std::string bytes = std::string("{\"text\": \"Barnehage\"}\r\n\0tail", 29);
    REQUIRE_FALSE(platform::write_new_file_durably(file, bytes));
    CHECK(contents_of(file) == bytes);
    CHECK(platform::sync_file(file));

    const auto refused = platform::write_new_file_durably(file, "other");
    CHECK(refused == std::errc::file_exists);
    CHECK(contents_of(file) == bytes);
}

TEST_CASE("replace_file puts the new file in the old one's place in one step") {
    TempDir dir;
    const auto target = dir.path / "control.json";
    const auto fresh = dir.path / "control.json.tmp";
    REQUIRE_FALSE(platform::write_new_file_durably(target, "old"));
    REQUIRE_FALSE(platform::write_new_file_durably(fresh, "new"));
    REQUIRE_FALSE(platform::replace_file(fresh, target));
    platform::sync_folder(dir.path);
    CHECK(contents_of(target) == "new");
    CHECK_FALSE(std::filesystem::exists(fresh));
    CHECK(platform::replace_file(dir.path / "missing", target));  // an error, and the target stays
    CHECK(contents_of(target) == "new");
}

TEST_CASE("the user's data folder and the program's own folder are absolute paths") {
    const auto data = platform::user_data_folder("samling");
    REQUIRE_FALSE(data.empty());
    CHECK(data.is_absolute());
    CHECK((data.filename() == "samling" || data.filename() == "Samling"));
    const auto program = platform::program_folder();
    REQUIRE(program);
    CHECK(program->is_absolute());
    CHECK(std::filesystem::is_directory(*program));
}

TEST_CASE("randomness fills every byte and does not repeat") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string bytes(16, '\0');
        platform::fill_random(bytes.data(), bytes.size());
        seen.insert(bytes);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("local time knows the calendar, and no interface address is loopback") {
    const auto t = platform::local_time(86400 * 365);  // 1971-01-01 or 1971-01-02, by time zone
    REQUIRE(t);
    CHECK(t->tm_year == 71);
    for (const std::uint32_t a : platform::interface_ipv4_addresses()) CHECK((a >> 24) != 127);
}

TEST_CASE("the socket watch reports new bytes once, not again for bytes only peeked at") {
    const platform::Socket listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(listener, 4) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    const platform::Socket client = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const platform::Socket server = ::accept(listener, nullptr, nullptr);

    platform::SocketWatch watch;
    REQUIRE(watch.add(server));
    std::vector<platform::Socket> news;
    char buf[64];
    CHECK(platform::peek_now(server, buf, sizeof buf) == -2);  // nothing yet, and no waiting

    REQUIRE(platform::send_some(client, "GET / HT", 8) == 8);
    for (int i = 0; i < 50 && news.empty(); ++i) watch.wait(100, news);
    REQUIRE(news.size() == 1);
    CHECK(news[0] == server);
    CHECK(platform::peek_now(server, buf, sizeof buf) == 8);
    watch.wait(50, news);
    CHECK(news.empty());  // the same 8 bytes, peeked, are no news

    REQUIRE(platform::send_some(client, "TP/1.1\r\n", 8) == 8);
    news.clear();
    for (int i = 0; i < 50 && news.empty(); ++i) watch.wait(100, news);
    REQUIRE(news.size() == 1);
    CHECK(platform::peek_now(server, buf, sizeof buf) == 16);

    // A phone that connects and leaves without a byte: its hang-up is news, and peeking says so.
    const platform::Socket leaver = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(::connect(leaver, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const platform::Socket left = ::accept(listener, nullptr, nullptr);
    REQUIRE(watch.add(left));
    platform::close_socket(leaver);
    news.clear();
    for (int i = 0; i < 50 && news.empty(); ++i) watch.wait(100, news);
    REQUIRE(news.size() == 1);
    CHECK(news[0] == left);
    CHECK(platform::peek_now(left, buf, sizeof buf) == 0);
    watch.remove(left);
    platform::close_socket(left);
    platform::close_socket(client);
    watch.remove(server);
    platform::close_socket(server);
    platform::close_socket(listener);
}

TEST_CASE("a Windows command line quotes each word as the C runtime splits it back") {
    using platform::windows_command_line;
    CHECK(windows_command_line({"samling", "--port", "0"}) == "samling --port 0");
    CHECK(windows_command_line({"--programme", "Ålesund øst"}) == "--programme \"Ålesund øst\"");
    CHECK(windows_command_line({""}) == "\"\"");
    CHECK(windows_command_line({"C:\\Data\\x"}) == "C:\\Data\\x");            // no quotes needed
    CHECK(windows_command_line({"C:\\My Data\\"}) == "\"C:\\My Data\\\\\"");  // a closing \ doubled
    CHECK(windows_command_line({"a\"b"}) == "\"a\\\"b\"");
    CHECK(windows_command_line({"a\\\"b"}) == "\"a\\\\\\\"b\"");  // a\"b: the \ doubled, the " escaped
    CHECK(windows_command_line({"a\\b c"}) == "\"a\\b c\"");      // a \ before a letter stays one
}

TEST_CASE("starting again runs this program once more with the words given") {
    std::error_code error;
#ifdef _WIN32
    // This suite again, running nothing: Windows waits for it and hands back its exit code.
    CHECK(platform::start_again({"--no-run"}, error) == 0);
    CHECK(!error);
#else
    // execv replaces the process, so a child does it; this suite again, running nothing.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        platform::start_again({"--no-run", "--no-version"}, error);
        ::_exit(97);  // only if execv failed
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
#endif
}
