// Which concluded runs still need their board's picture: a room built with the core's own
// commands (two groups, each running "ex") and a real folder for the pictures.
#include <doctest/doctest.h>

#include <fstream>

#include "../core_fixture.hpp"
#include "../store_temp_dir.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/programme/snapshot_queue.hpp"

using namespace samling;
using samling::testing::RoomFixture;
using samling::testing::run;
using samling::testing::TempDir;

namespace {

struct PictureRoom : RoomFixture {
    TempDir dir;
    std::string data_dir = dir.path.string();

    Id conclude(Id group, Timestamp at = 2000) { return run(w, cmd::ConcludeRun{group}, at).subject; }

    void picture(Id run_id) {
        std::filesystem::create_directories(dir.path / "snapshots");
        std::ofstream(snapshot_path(data_dir, run_id)) << "png";
    }
};

}  // namespace

TEST_CASE("a concluded run that is still its group's current run and has no picture is listed") {
    PictureRoom r;
    const Id concluded = r.conclude(r.nord);
    CHECK(runs_to_picture(r.w, r.data_dir, {}) == std::vector<Id>{concluded});
}

TEST_CASE("a run still open is not listed") {
    PictureRoom r;
    CHECK(runs_to_picture(r.w, r.data_dir, {}).empty());
}

TEST_CASE("a run whose picture is already on disk is not listed") {
    PictureRoom r;
    const Id concluded = r.conclude(r.nord);
    r.picture(concluded);
    CHECK(runs_to_picture(r.w, r.data_dir, {}).empty());
}

TEST_CASE("a run already attempted in this process is not listed again, even if its picture failed") {
    PictureRoom r;
    const Id concluded = r.conclude(r.nord);
    CHECK(runs_to_picture(r.w, r.data_dir, {concluded}).empty());
}

TEST_CASE("a run its group has moved on from is still listed: its own board is drawn for the picture") {
    PictureRoom r;
    const Id concluded = r.conclude(r.nord);
    run(r.w, cmd::StartExercise{r.nord, "ex"});  // the group's next exercise, before the picture
    CHECK(runs_to_picture(r.w, r.data_dir, {}) == std::vector<Id>{concluded});
}

TEST_CASE("several groups' runs are listed oldest conclusion first") {
    PictureRoom r;
    const Id sor = r.conclude(r.sor, 2000);
    const Id nord = r.conclude(r.nord, 3000);
    REQUIRE(nord < sor);  // started first, concluded last
    CHECK(runs_to_picture(r.w, r.data_dir, {}) == std::vector<Id>{sor, nord});
}

TEST_CASE("without a data folder nothing is listed") {
    PictureRoom r;
    r.conclude(r.nord);
    CHECK(runs_to_picture(r.w, "", {}).empty());
}

TEST_CASE("runs concluded before the window opened are caught up one per interval, quietly, with one summary") {
    PictureRoom r;
    const Id sor = r.conclude(r.sor, 2000);
    const Id nord = r.conclude(r.nord, 3000);
    PictureQueue q(r.data_dir);
    q.look(r.w);
    const Timestamp t = 10'000;
    const Id first = q.next(t, true);
    CHECK(first == sor);
    CHECK(q.quiet(sor));
    CHECK(q.next(t + 1, true) == 0);  // not yet: one per interval
    CHECK(q.due_at() == t + PictureQueue::catch_up_ms);
    q.caught_up(sor, {});
    CHECK(!q.take_summary());  // one still behind
    CHECK(q.next(t + PictureQueue::catch_up_ms, true) == nord);
    q.caught_up(nord, "disk full");
    CHECK(q.due_at() == 0);
    const auto summary = q.take_summary();
    REQUIRE(summary);
    CHECK(summary->pictured == 1);
    CHECK(summary->failed == 1);
    CHECK(summary->error == "disk full");
    CHECK(!q.take_summary());  // once
    CHECK(q.next(t + 10 * PictureQueue::catch_up_ms, true) == 0);
}

TEST_CASE("a catch-up picture waits while the room needs frames, but not for ever") {
    PictureRoom r;
    const Id sor = r.conclude(r.sor, 2000);
    PictureQueue q(r.data_dir);
    q.look(r.w);
    const Timestamp t = 10'000;
    CHECK(q.next(t, false) == 0);
    CHECK(q.next(t + PictureQueue::starved_ms - 1, false) == 0);
    CHECK(q.next(t + PictureQueue::starved_ms, false) == sor);
}

TEST_CASE("a run concluded while the window is open is pictured at once, before the catch-up, with its toast") {
    PictureRoom r;
    const Id sor = r.conclude(r.sor, 2000);
    PictureQueue q(r.data_dir);
    q.look(r.w);
    CHECK(q.next(10'000, true) == sor);
    const Id nord = r.conclude(r.nord, 3000);
    q.look(r.w);
    CHECK(q.next(10'001, false) == nord);  // even while the room is busy
    CHECK(!q.quiet(nord));
    q.look(r.w);  // seen once: never again, even if its picture failed
    CHECK(q.next(20'000, true) == 0);
}

TEST_CASE("a later revision looks on disk only for runs newly concluded") {
    PictureRoom r;
    PictureQueue q(r.data_dir);
    q.look(r.w);
    const Id nord = r.conclude(r.nord, 3000);
    r.picture(nord);  // already on disk (written by another window on this folder)
    q.look(r.w);
    CHECK(q.next(10'000, true) == 0);
    CHECK(q.due_at() == 0);
}
