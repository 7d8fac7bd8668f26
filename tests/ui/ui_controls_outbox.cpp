// The projector's way to the hub and back, with a real hub and store: a board edit posted from
// the UI comes back with its way back (for Ctrl+Z), the undo it turns into is applied, and a
// refusal comes back as an error for the toast. The UI side never waits: it drains a queue.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "../store_temp_dir.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "ui/command_outbox.hpp"
#include "ui/panels/controls.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;

namespace {

// Drains `queue` until `n` answers came (the hub answers on its writer thread).
std::vector<Outcome> wait_for(OutcomeQueue& queue, std::size_t n) {
    std::vector<Outcome> got;
    for (int i = 0; i < 500 && got.size() < n; ++i) {
        for (Outcome& o : queue.drain()) got.push_back(std::move(o));
        if (got.size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return got;
}

}  // namespace

TEST_CASE("a posted board edit is answered; Ctrl+Z's cmd::UndoLast takes it back; a refusal comes back for the toast") {
    samling::testing::TempDir dir;
    auto store = Store::open(dir.path);
    REQUIRE(store);
    auto loaded = store.value()->load(test::ui_catalog());
    REQUIRE(loaded);
    Hub hub(*store.value(), std::move(loaded.value()));
    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "K7M2QX", Language::nb}));
    const auto group = hub.submit(cmd::AddGroup{"Gruppe 1"});
    REQUIRE(group);
    const Id g = group.value().subject;
    REQUIRE(hub.submit(cmd::StartExercise{g, "observe"}));
    REQUIRE(hub.submit(cmd::GoToStep{g, 1}));
    const auto added = hub.submit(cmd::AddFacilitatorNote{g, "Ventetid hos PPT", "seen", 0});
    REQUIRE(added);
    const Id note = added.value().subject;

    const CommandPoster post = [&hub](Command c, std::function<void(Result<Receipt>)> done) {
        hub.post(std::move(c), std::move(done));
    };
    const auto queue = std::make_shared<OutcomeQueue>();
    std::vector<Command> frame{cmd::PlaceNote{note, "parked", unplaced, unplaced},
                               cmd::GoToStep{g, 99}};  // refused: there is no step 99
    post_all(post, frame, queue);
    CHECK(frame.empty());
    const std::vector<Outcome> answers = wait_for(*queue, 2);
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].ok);
    CHECK(!answers[1].ok);
    CHECK(hub.snapshot()->note(note)->zone == "parked");

    ControlState controls;
    receive(controls, answers, ui_strings(Language::nb), test::test_now);
    CHECK(controls.toast.text.rfind("Ikke utført: ", 0) == 0);
    std::vector<Command> undo{cmd::UndoLast{}};
    post_all(post, undo, queue);
    const std::vector<Outcome> undone = wait_for(*queue, 1);
    REQUIRE(undone.size() == 1);
    CHECK(undone[0].ok);
    CHECK(undone[0].was_undo);
    CHECK(hub.snapshot()->note(note)->zone == "seen");
}
