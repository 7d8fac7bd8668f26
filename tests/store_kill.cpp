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

namespace {

// Runs `writer(ack)` (which opens the store) in a child process and SIGKILLs it once it has
// acknowledged `count` numbers through `ack` (each right after the hub answered); returns them.
template <typename Writer>
std::vector<std::int64_t> acknowledged_before_kill(std::size_t count, const Writer& writer) {
    int pipe_fd[2];
    REQUIRE(::pipe(pipe_fd) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fd[0]);
        writer([&](std::int64_t n) {
            if (::write(pipe_fd[1], &n, sizeof n) != sizeof n) ::_exit(6);
        });
        ::_exit(7);  // the writer never stops by itself
    }
    ::close(pipe_fd[1]);
    std::vector<std::int64_t> acknowledged;
    std::int64_t n = 0;
    while (acknowledged.size() < count && ::read(pipe_fd[0], &n, sizeof n) == sizeof n) acknowledged.push_back(n);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipe_fd[0]);
    REQUIRE(acknowledged.size() == count);
    return acknowledged;
}

// A child that opens a store and hub on `dir` with a room, group "Nord" and a phone "Kari"
// whose measure "Tiltak" (with an indicator) is planned and concluded, starts a status round,
// then submits `command(p, measure, i)` for i = 0, 1, … and acknowledges each i right after the
// hub answers; killed after 100 acknowledgements. Returns the last one acknowledged.
template <typename MakeCommand>
std::int64_t acknowledged_in_status_round(const TempDir& dir, const MakeCommand& command) {
    const auto writer = [&](const auto& ack) {
        auto s = Store::open(dir.path);
        if (!s) ::_exit(3);
        auto w = s.value()->load(measures_catalog());
        if (!w) ::_exit(4);
        Hub hub(*s.value(), std::move(w.value()));
        (void)hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        const Id g = hub.submit(cmd::AddGroup{"Nord"})->subject;
        const Id p = hub.submit(cmd::Join{"ABC234", g, "Kari", std::string(32, 'a')})->subject;
        const std::vector<Id> measures = plan_measures([&](const Command& c) { return hub.submit(c)->subject; }, g, p,
                                                       {{"Tiltak", "Kari", "Andel med vedtak"}});
        (void)hub.submit(cmd::StartExercise{g, "status_round"});
        for (std::int64_t i = 0;; ++i) {
            if (!hub.submit(command(p, measures[0], i))) ::_exit(5);
            ack(i);
        }
    };
    return acknowledged_before_kill(100, writer).back();
}

// The room as a program started again on `dir` loads it.
Workshop reopened(const TempDir& dir) {
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto w = store.value()->load(measures_catalog());
    REQUIRE(w.ok());
    return std::move(w.value());
}

}  // namespace

TEST_CASE("notes acknowledged before kill -9 are all there after reopening") {
    TempDir dir;
    // The child acknowledges each note right after the hub answers, then keeps writing until it
    // is killed mid-stream.
    const std::vector<std::int64_t> acknowledged = acknowledged_before_kill(200, [&](const auto& ack) {
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
            ack(r->subject);
        }
    });

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
    // The child reports the measure again and again, each with its own line, and acknowledges
    // each line's number right after the hub answers.
    const std::int64_t last = acknowledged_in_status_round(dir, [](Id p, Id measure, std::int64_t i) -> Command {
        return cmd::ReportMeasure{p, measure, i % 2 ? "started" : "done", std::to_string(i)};
    });
    REQUIRE(last == 99);

    const Workshop w = reopened(dir);
    REQUIRE(w.measure_reports().size() == 1);
    const MeasureReport& kept = w.measure_reports().begin()->second;
    CHECK(std::stoll(kept.text) >= last);  // every acknowledged line, or one after it
    CHECK(kept.status == (std::stoll(kept.text) % 2 ? MeasureStatus::started : MeasureStatus::done));
}

TEST_CASE("an indicator's value acknowledged before kill -9 is there after reopening") {
    TempDir dir;
    // The child enters the figure again and again (one per gathering: each replaces the one
    // before), the baseline going with it, and acknowledges each right after the hub answers.
    const std::int64_t last = acknowledged_in_status_round(dir, [](Id p, Id measure, std::int64_t i) -> Command {
        const double v = static_cast<double>(i) + 0.5;
        return cmd::ReportIndicator{p, measure, v, std::string("%"), {}, 100 + v, {}};
    });
    REQUIRE(last == 99);

    const Workshop w = reopened(dir);
    REQUIRE(w.indicator_values().size() == 1);
    const double kept = w.indicator_values().begin()->second.value;
    CHECK(kept >= static_cast<double>(last) + 0.5);  // the acknowledged one, or one after it
    REQUIRE(w.indicators().size() == 1);
    const IndicatorFigures& figures = w.indicators().begin()->second;
    CHECK(figures.unit == "%");
    CHECK(figures.baseline == 100 + kept);  // the figures and the value in one transaction
}
