// Frame time of the real frame loop (GLFW windows, OpenGL, ImGui) with one window and with the
// presenter's two (presenter + projector, one snapshot each frame), for 3 and 27 leader groups
// with the first group voting on 40 notes: every frame gets a snapshot with a new revision, as
// after a change, so every frame is drawn and the boards laid out again. Prints percentiles of
// the time between frames in milliseconds. Needs a display: run by hand under Xvfb,
//   xvfb-run -a -s "-screen 0 2560x720x24" build/tests/samling_presenter_bench [FRAMES]
// Not part of pass/fail (llvmpipe's figures are the CPU's; a GPU's are lower).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/exercise_files.hpp"
#include "core/workshop.hpp"
#include "ui/projector_loop.hpp"

using namespace samling;

namespace {

constexpr Timestamp now = 1'800'000'000'000;

void apply(Workshop& w, const Command& c) {
    auto d = w.decide(c, now);
    if (!d) {
        std::fprintf(stderr, "presenter_bench: refused: %s\n", d.error().message.c_str());
        std::exit(1);
    }
    for (const Change& ch : d->changes) w.apply(ch);
}

// `groups` groups running problem definition; the first votes on `notes` revealed notes.
Workshop room(std::shared_ptr<const ExerciseCatalog> catalog, int groups, int notes) {
    Workshop w(std::move(catalog));
    apply(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    for (int g = 1; g <= groups; ++g) apply(w, cmd::AddGroup{"Ledergruppe " + std::to_string(g)});
    for (Id g = 1; g <= groups; ++g) apply(w, cmd::StartExercise{g, "problem_definition"});
    for (int i = 0; i < notes; ++i)
        apply(w, cmd::AddFacilitatorNote{1, "Lapp nummer " + std::to_string(i + 1) + " om samarbeid", "observations"});
    apply(w, cmd::Reveal{1});
    apply(w, cmd::GoToStep{1, 3});
    return w;
}

struct Figures {
    double p50, p95, max;
};

Figures percentiles(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    return {at(0.50), at(0.95), ms.back()};
}

// Runs the loop until `frames` frames have asked for a snapshot; the time between two asks is
// one frame (both windows' when the presenter is on). The first few settle fonts and are left out.
Figures measure(const Workshop& base, bool presenter, int frames) {
    auto a = std::make_shared<Workshop>(base), b = std::make_shared<Workshop>(base);
    b->set_revision(a->revision() + 1);
    int asked = 0;
    std::vector<double> ms;
    auto last = std::chrono::steady_clock::now();
    const SnapshotSource snapshot = [&]() -> std::shared_ptr<const Workshop> {
        const auto t = std::chrono::steady_clock::now();
        if (asked++ > 5) ms.push_back(std::chrono::duration<double, std::milli>(t - last).count());
        last = t;
        // A new revision every frame: the loop draws, and lays the boards out again.
        std::shared_ptr<Workshop>& next = asked % 2 ? a : b;
        next->set_revision(std::max(a->revision(), b->revision()) + 1);
        return next;
    };
    ProjectorConfig config;
    config.join_url = "http://192.168.1.23:8765/?room=ABC234";
    config.presenter = presenter;
    Waker waker;
    const int code = run_projector_loop(
        snapshot, [] { return Presence{}; }, [] { return std::string(); },
        [](Command, std::function<void(Result<Receipt>)>) {}, config, [&] { return asked >= frames + 6; }, waker);
    if (code != 0 || ms.empty()) {
        std::fprintf(stderr, "presenter_bench: the loop failed (%d)\n", code);
        std::exit(1);
    }
    return percentiles(ms);
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(20, std::atoi(argv[1])) : 300;
    const LoadedExercises loaded = load_exercise_folder(SAMLING_SOURCE_DIR "/exercises");
    if (!loaded.catalog || !loaded.catalog->find("problem_definition")) {
        std::fprintf(stderr, "presenter_bench: no exercises\n");
        return 1;
    }
    std::printf("frame loop, windows of 1280x720, %d frames each (ms between frames: p50 / p95 / max)\n", frames);
    for (int groups : {3, 27}) {
        const Workshop w = room(loaded.catalog, groups, 40);
        const Figures one = measure(w, false, frames);
        const Figures two = measure(w, true, frames);
        std::printf("%2d groups  one window %6.2f / %6.2f / %6.2f   presenter + projector %6.2f / %6.2f / %6.2f\n",
                    groups, one.p50, one.p95, one.max, two.p50, two.p95, two.max);
    }
    return 0;
}
