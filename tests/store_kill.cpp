// A store killed mid-stream with SIGKILL (a crash, a closed lid) has every acknowledged note.
// POSIX by nature (fork, kill -9): the Windows build proves the same with samling.exe killed
// under Wine (tests/windows/wine_test.sh).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("notes acknowledged before kill -9 are all there after reopening") {
    TempDir dir;
    int pipe_fd[2];
    REQUIRE(::pipe(pipe_fd) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child acknowledges each note on the pipe right after the hub answers, then
        // keeps writing until it is killed mid-stream.
        ::close(pipe_fd[0]);
        auto s = Store::open(dir.path);
        if (!s) ::_exit(3);
        auto w = s.value()->load(test_catalog());
        if (!w) ::_exit(4);
        Hub hub(*s.value(), std::move(w.value()));
        (void)hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        const Id g = hub.submit(cmd::AddGroup{"Nord"})->subject;
        (void)hub.submit(cmd::StartExercise{g, "ex"});
        const Id p = hub.submit(cmd::Join{"ABC234", g, "", std::string(32, 'a')})->subject;
        for (int i = 0;; ++i) {
            auto r = hub.submit(cmd::AddNote{p, "c" + std::to_string(i), "lapp " + std::to_string(i), std::nullopt});
            if (!r) ::_exit(5);
            const std::int64_t id = r->subject;
            if (::write(pipe_fd[1], &id, sizeof id) != sizeof id) ::_exit(6);
        }
    }
    ::close(pipe_fd[1]);
    std::vector<std::int64_t> acknowledged;
    std::int64_t id = 0;
    while (acknowledged.size() < 200 && ::read(pipe_fd[0], &id, sizeof id) == sizeof id) acknowledged.push_back(id);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipe_fd[0]);
    REQUIRE(acknowledged.size() == 200);

    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto w = store.value()->load(test_catalog());
    REQUIRE(w.ok());
    for (std::int64_t n : acknowledged) {
        INFO("note ", n);
        REQUIRE(w.value().note(n) != nullptr);
    }
}

TEST_CASE("a measure's status acknowledged before kill -9 is there after reopening") {
    TempDir dir;
    int pipe_fd[2];
    REQUIRE(::pipe(pipe_fd) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child reports the measure again and again, each with its own line, and
        // acknowledges each line's number right after the hub answers.
        ::close(pipe_fd[0]);
        auto s = Store::open(dir.path);
        if (!s) ::_exit(3);
        auto w = s.value()->load(measures_catalog());
        if (!w) ::_exit(4);
        Hub hub(*s.value(), std::move(w.value()));
        (void)hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        const Id g = hub.submit(cmd::AddGroup{"Nord"})->subject;
        const Id p = hub.submit(cmd::Join{"ABC234", g, "Kari", std::string(32, 'a')})->subject;
        const std::vector<Id> measures =
            plan_measures([&](const Command& c) { return hub.submit(c)->subject; }, g, p, {{"Tiltak", "Kari"}});
        (void)hub.submit(cmd::StartExercise{g, "status_round"});
        for (std::int64_t i = 0;; ++i) {
            auto r = hub.submit(cmd::ReportMeasure{p, measures[0], i % 2 ? "started" : "done", std::to_string(i)});
            if (!r) ::_exit(5);
            if (::write(pipe_fd[1], &i, sizeof i) != sizeof i) ::_exit(6);
        }
    }
    ::close(pipe_fd[1]);
    std::int64_t last = -1, i = 0;
    for (int n = 0; n < 100 && ::read(pipe_fd[0], &i, sizeof i) == sizeof i; ++n) last = i;
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipe_fd[0]);
    REQUIRE(last == 99);

    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto w = store.value()->load(measures_catalog());
    REQUIRE(w.ok());
    REQUIRE(w.value().measure_reports().size() == 1);
    const MeasureReport& kept = w.value().measure_reports().begin()->second;
    CHECK(std::stoll(kept.text) >= last);  // every acknowledged line, or one after it
    CHECK(kept.status == (std::stoll(kept.text) % 2 ? MeasureStatus::started : MeasureStatus::done));
}
