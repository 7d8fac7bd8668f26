// A LUP-sized programme at its last gathering (27 groups x 5 gatherings x 8 exercises x 50 notes
// = 54,000 notes, dots, themes, chains, conclusions) in a real store file, then what reading it
// costs: each export format for every group and for one (time, files, bytes), the project log
// (G) and "since last time" (Shift+G) frames, and the control surface's state answer. The store
// stays in DATA-DIR for `samling export` and the window benchmarks.
// Run by hand: samling_export_bench [DATA-DIR] [NOTES-PER-RUN]. Not part of pass/fail.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "../programme_seed.hpp"
#include "app/exercise_files.hpp"
#include "export/export_writer.hpp"
#include "server/control_commands.hpp"
#include "store/store.hpp"
#include "ui/projector_view.hpp"

using namespace samling;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

constexpr Timestamp now = 1'801'000'000'000;

// Files and bytes under a folder.
std::pair<int, std::uintmax_t> tree_size(const fs::path& dir) {
    int files = 0;
    std::uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) ++files, bytes += e.file_size();
    return {files, bytes};
}

Workshop seeded_store(const fs::path& data_dir, const std::shared_ptr<const ExerciseCatalog>& catalog, int per_run) {
    {
        auto existing = Store::open_read_only(data_dir);
        if (existing) {
            auto w = existing.value()->load(catalog);
            if (w && w->note_count() > 0) {
                std::printf("reusing the store in %s\n", data_dir.string().c_str());
                return std::move(w.value());
            }
        }
    }
    const auto t = Clock::now();
    Workshop w(catalog);
    const seed::Programme p = seed::programme(w, {27, 8, 5, per_run, 0, true});
    auto store = Store::open(data_dir);
    if (!store || !store.value()->commit(p.changes, w.revision())) {
        std::fprintf(stderr, "export_bench: cannot write the store in %s\n", data_dir.string().c_str());
        std::exit(1);
    }
    std::printf("seeded %d notes, %d dots, %d themes, %d merges in %.1f s into %s\n", p.notes, p.votes, p.clusters,
                p.merges, ms_since(t) / 1000, data_dir.string().c_str());
    return w;
}

// One frame of the projector with `overlay` open, drawn as the loop draws it, ms per frame.
void frame_times(const Workshop& w, Overlay overlay, const char* what) {
    ViewState view;
    view.controls.overlay = overlay;
    ProjectorContent content;
    content.strings = &ui_strings(Language::nb);
    std::vector<Command> out;
    std::vector<double> ms;
    for (int i = 0; i < 60; ++i) {
        const auto t = Clock::now();
        ImGui::NewFrame();
        draw_projector(w, view, content, *static_cast<Fonts*>(ImGui::GetIO().UserData), ImGui::GetIO().DisplaySize,
                       1.0f, now, out);
        ImGui::Render();
        ms.push_back(ms_since(t));
        out.clear();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-28s frame p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, ms[ms.size() / 2],
                ms[ms.size() * 95 / 100], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path data_dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "samling-export-bench";
    const int per_run = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    const LoadedExercises loaded = load_exercise_folder(fs::path(SAMLING_SOURCE_DIR) / "exercises");
    Workshop seeded = seeded_store(data_dir, loaded.catalog, per_run);
    // What `samling export` and the window read: the store loaded again.
    auto store = Store::open_read_only(data_dir);
    if (!store) return 1;
    auto t = Clock::now();
    auto loaded_w = store.value()->load(loaded.catalog);
    if (!loaded_w) return 1;
    const Workshop& w = loaded_w.value();
    std::printf("store loaded in %.0f ms: %zu notes, %zu runs, %zu groups\n", ms_since(t), w.note_count(),
                w.runs().size(), w.groups().size());

    const fs::path out = data_dir / "bench-export";
    struct Format {
        const char* name;
        ExportRequest::Format format;
    };
    for (const Format f : {Format{"html", ExportRequest::html}, Format{"md", ExportRequest::markdown},
                           Format{"csv", ExportRequest::csv}, Format{"json", ExportRequest::json}}) {
        for (const bool all : {true, false}) {
            fs::remove_all(out);
            ExportRequest r;
            r.format = f.format;
            r.out = out;
            r.snapshots_dir = data_dir / "snapshots";
            r.now = now;
            if (!all) r.groups = {w.groups().begin()->first};
            t = Clock::now();
            if (auto s = export_logs(w, r); !s) {
                std::fprintf(stderr, "export_bench: %s\n", s.error().message.c_str());
                return 1;
            }
            const double ms = ms_since(t);
            const auto [files, bytes] = tree_size(out);
            std::printf("export %-4s %-10s %9.0f ms  %3d files  %6.2f MB\n", f.name, all ? "all groups" : "one group",
                        ms, files, static_cast<double>(bytes) / 1e6);
        }
    }
    fs::remove_all(out);

    std::vector<double> build_ms, dump_ms;
    std::size_t state_bytes = 0;
    for (int i = 0; i < 20; ++i) {
        t = Clock::now();
        const nlohmann::json state = control_state(w, Presence{}, now);
        build_ms.push_back(ms_since(t));
        t = Clock::now();
        state_bytes = state.dump().size();
        dump_ms.push_back(ms_since(t));
    }
    std::sort(build_ms.begin(), build_ms.end());
    std::sort(dump_ms.begin(), dump_ms.end());
    std::printf("control state: built p50 %.2f ms (max %.2f), dumped p50 %.2f ms (max %.2f), %zu bytes\n",
                build_ms[build_ms.size() / 2], build_ms.back(), dump_ms[dump_ms.size() / 2], dump_ms.back(),
                state_bytes);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    Fonts fonts;
    if (!bake_fonts(*io.Fonts, find_font_files(), 22.0f, 1.0f, fonts)) return 1;
    io.UserData = &fonts;
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    frame_times(w, Overlay::none, "board (no overlay)");
    frame_times(w, Overlay::project_log, "project log (G)");
    frame_times(w, Overlay::since_last_time, "since last time (Shift+G)");
    ImGui::DestroyContext();
    (void)seeded;
    return 0;
}
