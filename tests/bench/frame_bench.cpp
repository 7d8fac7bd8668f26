// Frame time of the projector's UI thread: lay out and draw one full frame (ImGui with the real
// fonts, no window or GPU) for boards of growing size in each layout, the way the loop does
// after a change (a new snapshot: the board is laid out again) and while nothing changes (the
// cached layout is only drawn). Prints percentiles in milliseconds and the draw-list size.
// Run by hand: samling_frame_bench [FRAMES]. Not part of pass/fail.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/exercise_files.hpp"
#include "core/workshop.hpp"
#include "ui/panels/join_panel.hpp"
#include "ui/panels/qr_code.hpp"
#include "ui/projector_view.hpp"

using namespace samling;

namespace {

constexpr Timestamp now = 1'800'000'000'000;

void apply(Workshop& w, const Command& c) {
    auto d = w.decide(c, now);
    if (!d) {
        std::fprintf(stderr, "frame_bench: refused: %s\n", d.error().message.c_str());
        std::exit(1);
    }
    for (const Change& ch : d->changes) w.apply(ch);
}

// A room whose first group runs `exercise` in `step` with `notes` revealed notes spread over its zones.
Workshop board(std::shared_ptr<const ExerciseCatalog> catalog, const std::string& exercise, int step, int notes) {
    Workshop w(std::move(catalog));
    apply(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    for (const char* g : {"Oppvekst Nordvik", "Barnevern og PPT", "Helse og familie Sørli"}) apply(w, cmd::AddGroup{g});
    apply(w, cmd::StartExercise{1, exercise});
    const ExerciseDefinition* def = w.catalog().find(exercise);
    for (int i = 0; i < notes; ++i) {
        const std::string zone =
            def->zones.empty() ? "" : def->zones[static_cast<std::size_t>(i) % def->zones.size()].id;
        apply(w, cmd::AddFacilitatorNote{1, "Lapp nummer " + std::to_string(i + 1) + " om samarbeid mellom tjenestene",
                                         zone});
    }
    apply(w, cmd::GoToStep{1, step});
    return w;
}

struct Figures {
    double p50, p95, p99, max;
};

Figures percentiles(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    return {at(0.50), at(0.95), at(0.99), ms.back()};
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    const LoadedExercises loaded = load_exercise_folder(SAMLING_SOURCE_DIR "/exercises");
    if (!loaded.catalog || loaded.catalog->all().empty()) {
        std::fprintf(stderr, "frame_bench: no exercises\n");
        return 1;
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    Fonts fonts;
    if (!bake_fonts(*io.Fonts, find_font_files(), 22.0f, 1.0f, fonts)) {
        std::fprintf(stderr, "frame_bench: no font\n");
        return 1;
    }
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    ProjectorContent content;
    content.strings = &ui_strings(Language::nb);
    content.qr = encode_qr("http://192.168.1.23:8765/?room=ABC234");
    content.address = parse_join_url("http://192.168.1.23:8765/?room=ABC234");

    std::printf("projector frame at 1280x720, %d frames each (ms: p50 / p95 / p99 / max; vertices per frame)\n",
                frames);
    struct Case {
        const char* exercise;
        int step;  // an organise step: every card face up
    };
    for (const Case& c : {Case{"problem_definition", 2}, Case{"root_cause", 2}, Case{"stakeholder_system", 1},
                          Case{"stakeholder_grid", 1}}) {
        for (int notes : {12, 60, 200}) {
            Workshop w = board(loaded.catalog, c.exercise, c.step, notes);
            ViewState view;
            view.controls.setup_offered = true;
            std::vector<Command> out;
            std::vector<double> changed, steady;
            int vertices = 0;
            for (int i = 0; i < 2 * frames; ++i) {
                const bool relayout = i < frames;
                if (relayout) w.set_revision(w.revision() + 1);  // as a new snapshot would: lay out again
                const auto t0 = std::chrono::steady_clock::now();
                ImGui::NewFrame();
                draw_projector(w, view, content, fonts, io.DisplaySize, 1.0f, now, out);
                ImGui::Render();
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                (relayout ? changed : steady).push_back(ms);
                vertices = ImGui::GetDrawData()->TotalVtxCount;
                out.clear();
            }
            const Figures a = percentiles(changed), b = percentiles(steady);
            std::printf(
                "%-19s %3d notes  after a change %5.2f / %5.2f / %5.2f / %5.2f   steady %5.2f / %5.2f / %5.2f / %5.2f  "
                " %6d vtx\n",
                c.exercise, notes, a.p50, a.p95, a.p99, a.max, b.p50, b.p95, b.p99, b.max, vertices);
        }
    }
    ImGui::DestroyContext();
    return 0;
}
