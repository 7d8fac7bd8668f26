// run_projector: init, then the loop on one screen — poll (or wait), new frame, draw the snapshot,
// post the frame's commands, render, swap — with font baking, board pictures and export in named
// helpers above it. Idle it sleeps in glfwWaitEventsTimeout; the hub wakes it on a change or an
// answer. The UI thread reads snapshots and posts commands: it never waits on the network, the
// disk or the hub's writer.
#include "ui/projector.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "hub/hub.hpp"
#include "ui/fonts.hpp"
#include "ui/key_taps.hpp"
#include "ui/keys.hpp"
#include "ui/panels/controls.hpp"
#include "ui/panels/room_strings.hpp"
#include "ui/programme/export_action.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/programme/snapshot_queue.hpp"
#include "ui/programme/thumbnails.hpp"
#include "ui/projector_loop.hpp"
#include "ui/projector_view.hpp"
#include "ui/screenshot.hpp"
#include "ui/theme.hpp"
#include "ui/window.hpp"

namespace samling {
namespace {

constexpr int window_width = 1280;
constexpr int window_height = 720;
constexpr int frames_after_event = 3;  // popups and hover states settle in a frame or two
constexpr int screenshot_frame = 5;    // layout and fonts are stable by then
constexpr double idle_wait_seconds = 0.25;
constexpr float body_px_at_720 = 22.0f;  // body text at 1280x720; every size is a multiple

// Any input sets this (through the window user pointer) so the loop draws a few frames.
struct LoopSignals {
    int frames_left = frames_after_event;
    KeyTaps taps;  // key and character events in order, a frame at a time
};

void mark_event(GLFWwindow* w) {
    if (auto* s = static_cast<LoopSignals*>(glfwGetWindowUserPointer(w))) s->frames_left = frames_after_event;
}

// Installed before ImGui's backend, which chains to them (imgui_impl_glfw 1.86 keeps the
// previous callbacks); the rest are callbacks the backend does not set.
void install_event_marks(GLFWwindow* w) {
    glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int, int action, int) {
        mark_event(w);
        if (auto* s = static_cast<LoopSignals*>(glfwGetWindowUserPointer(w)); s && action != GLFW_REPEAT)
            s->taps.on_key(key, action == GLFW_PRESS);
    });
    glfwSetCharCallback(w, [](GLFWwindow* w, unsigned c) {
        mark_event(w);
        if (auto* s = static_cast<LoopSignals*>(glfwGetWindowUserPointer(w))) s->taps.on_char(c);
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int, int, int) { mark_event(w); });
    glfwSetScrollCallback(w, [](GLFWwindow* w, double, double) { mark_event(w); });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* w, int) { mark_event(w); });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* w, int) { mark_event(w); });
    glfwSetCursorPosCallback(w, [](GLFWwindow* w, double, double) { mark_event(w); });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* w, int, int) { mark_event(w); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* w) { mark_event(w); });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow* w, float, float) { mark_event(w); });
}

bool mouse_held(GLFWwindow* w) {
    for (int b = GLFW_MOUSE_BUTTON_1; b <= GLFW_MOUSE_BUTTON_LAST; ++b)
        if (glfwGetMouseButton(w, b) == GLFW_PRESS) return true;
    return false;
}

// Body text height for this window and zoom: the layout scales with the window so it fits at
// 1280x720 and 1920x1080 alike; the monitor's content scale sets a floor for small windows.
float body_em(GLFWwindow* w, float zoom) {
    int win_w = 0, win_h = 0;
    glfwGetWindowSize(w, &win_w, &win_h);
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(w, &sx, &sy);
    const float fit = std::clamp(static_cast<float>(std::min(win_h * 16, win_w * 9)) / (720.0f * 16.0f), 0.5f, 4.0f);
    return std::round(std::max(body_px_at_720 * fit * zoom, 13.0f * sy));
}

// Framebuffer pixels per window unit (1 on X11 and Windows, 2 on a Retina Mac).
float pixel_ratio(GLFWwindow* w) {
    int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
    glfwGetWindowSize(w, &win_w, &win_h);
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    return win_w > 0 && fb_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
}

// Test hook, for screenshots only: SAMLING_SCREENSHOT_VIEW=overview|help|preview|start|note|
// setup|programmes|log|since (comma-separated; "group=N" focuses the N-th group) opens that panel in the
// first frame, so a test or a person checking the look can capture it. (The conclusion panel
// opens by itself in a conclude step.) Read nowhere else, and ignored without --screenshot.
void apply_screenshot_view(ViewState& view) {
    const char* env = std::getenv("SAMLING_SCREENSHOT_VIEW");
    std::string rest = env ? env : "";
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string item = rest.substr(0, comma);
        rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
        ControlState& c = view.controls;
        c.setup_offered = true;  // the view asked for wins over the empty room's setup screen
        if (item == "overview")
            c.overlay = Overlay::overview;
        else if (item == "help")
            c.overlay = Overlay::help;
        else if (item == "start")
            c.overlay = Overlay::start_exercise;
        else if (item == "note")
            c.overlay = Overlay::add_note;
        else if (item == "setup")
            c.overlay = Overlay::setup;
        else if (item == "programmes")
            c.overlay = Overlay::programmes;
        else if (item == "log")
            c.overlay = Overlay::project_log;
        else if (item == "since")
            c.overlay = Overlay::since_last_time;
        else if (item == "preview")
            c.preview = true;
        else if (item.rfind("group=", 0) == 0)
            view.focus_index = std::atoi(item.c_str() + 6) - 1;
    }
}

// A toast the facilitator's terminal hears of too (the window may be on the projector only), on
// standard error: standard output keeps its one join line (docs/API.md).
void toast_and_say(ControlState& c, const std::string& text, Timestamp now) {
    show_toast(c, text, now);
    std::fprintf(stderr, "samling: %s\n", text.c_str());
}

// X: starts the export of every group's log (and the table cards, for the address the QR code
// shows) on a worker, which wakes the loop as it goes.
void start_export(ControlState& c, ExportRunner& exports, ExportProgress& shown,
                  const std::shared_ptr<const Workshop>& state, const ProjectorConfig& config, Waker& waker,
                  Timestamp now) {
    if (!c.export_requested) return;
    c.export_requested = false;
    const ProgrammeStrings& s = programme_strings(config.language);
    if (config.data_dir.empty()) {
        show_toast(c, std::string(s.export_failed) + ": no data folder", now);
    } else if (exports.start(
                   state, config.data_dir, config.language, now, [&waker] { waker.wake(); },
                   parse_join_url(config.join_url).host_port)) {
        shown = {"HTML", 0, static_cast<int>(state->groups().size())};  // said at once, however fast it goes
        toast_and_say(c, export_progress(s, shown.format, shown.done, shown.total), now);
    }
}

// While X's export runs: how far it has come, in the toast, each time it moves on.
bool show_export_progress(ControlState& c, const ExportRunner& exports, ExportProgress& shown, Language lang,
                          Timestamp now) {
    const auto p = exports.progress();
    if (!p || *p == shown) return false;
    shown = *p;
    toast_and_say(c, export_progress(programme_strings(lang), p->format, p->done, p->total), now);
    return true;
}

// The export's answer, once it has come: a toast with the folder (or why it failed).
bool finish_export(ControlState& c, ExportRunner& exports, Language lang, Timestamp now) {
    const auto done = exports.take();
    if (!done) return false;
    const ProgrammeStrings& s = programme_strings(lang);
    toast_and_say(
        c, done->ok ? fill(s.exported_to, {{"folder", done->folder}}) : fill(s.export_failed, {{"why", done->error}}),
        now);
    return true;
}

Timestamp wall_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Polls while frames are due; else sleeps until an event, the next tick of a running clock
// (about 1 fps), the next board picture to catch up, or idle_wait_seconds, when the loop checks
// should_stop.
void wait_for_events(GLFWwindow* w, bool busy, Timestamp redraw_at, Timestamp picture_at) {
    if (busy || mouse_held(w)) {
        glfwPollEvents();
        return;
    }
    double wait = idle_wait_seconds;
    for (const Timestamp at : {redraw_at, picture_at})
        if (at) wait = std::clamp(static_cast<double>(at - wall_clock_ms()) / 1000.0, 0.0, wait);
    glfwWaitEventsTimeout(wait);
}

int present_count(const Workshop& state, const Presence& presence, Timestamp now) {
    int here = 0;
    for (const auto& [id, p] : state.participants()) here += presence.present(state, id, now) ? 1 : 0;
    return here;
}

void start_imgui(const Window& window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window.handle, true);
    ImGui_ImplOpenGL3_Init(window.glsl_version);
}

ProjectorContent make_content(const ProjectorConfig& config) {
    ProjectorContent content;
    content.strings = &ui_strings(config.language);
    content.language = config.language;
    content.qr = encode_qr(config.join_url);
    content.address = parse_join_url(config.join_url);
    content.origin = config.origin;
    content.data_dir = config.data_dir;
    content.programmes = config.programmes;
    content.remote_pairing_url = config.remote_pairing_url;
    return content;
}

// Fonts are baked per size in ImGui 1.86: baked again between frames when the window's size,
// the zoom or the pixel ratio changes.
struct FontBake {
    Fonts fonts;
    float em = 0, ratio = 0;
    bool on_device = false;  // the GL backend has uploaded a font texture

    bool fit(GLFWwindow* w, float zoom, float pixel_ratio, const FontFiles& files) {
        const float want = body_em(w, zoom);
        if (want == em && pixel_ratio == ratio) return true;
        ImGuiIO& io = ImGui::GetIO();
        if (!bake_fonts(*io.Fonts, files, want, pixel_ratio, fonts)) return false;
        em = want;
        ratio = pixel_ratio;
        io.FontDefault = fonts.body;
        io.FontGlobalScale = 1.0f / pixel_ratio;
        ImGui::GetStyle() = theme::make_style(want / body_px_at_720);
        if (on_device) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        return true;
    }
};

// Concluded runs whose board still needs its picture, whoever concluded them and whenever
// (ui/programme/snapshot_queue.hpp): one concluded while the window is open at once, with its
// toast; those concluded with no window caught up quietly, in moments the room needs no frame.
struct Pictures {
    PictureQueue queue;
    Revision looked_at = -1;

    void look_for(const Workshop& state) {
        if (state.revision() == looked_at) return;
        looked_at = state.revision();
        queue.look(state);
    }
    // The run to picture in this iteration, or 0. Called only once the room has seen a frame:
    // the first one settles fonts and layout.
    Id due(const ControlState& controls, Timestamp now, bool room_idle) {
        return controls.snapshot.run != 0 ? 0 : queue.next(now, room_idle);
    }
    // This frame draws the run's board alone and is read, never shown.
    bool begin_frame(const Workshop& state, ControlState& controls, Id run) {
        if (run == 0) return false;
        const auto it = state.runs().find(run);
        if (it == state.runs().end()) {
            queue.caught_up(run, {});
            return false;
        }
        controls.snapshot = PendingSnapshot{run, it->second.group, false, {}};
        return true;
    }
    // After the picture is written: a caught-up one is counted for the summary and needs no
    // frame of the room's; a fresh one is toasted in the next frame. True for a fresh one.
    bool written(ControlState& controls) {
        PendingSnapshot& snap = controls.snapshot;
        if (!queue.quiet(snap.run)) return true;
        queue.caught_up(snap.run, snap.error);
        snap = PendingSnapshot{};
        return false;
    }
};

// Clears and draws the frame into the back buffer; returns the framebuffer's height.
int render(GLFWwindow* w) {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(theme::background[0], theme::background[1], theme::background[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return fb_h;
}

// Reads the picture frame's board back into its PNG; the next frame's toast tells the room.
void write_picture(ViewState& view, const std::string& data_dir, float em, float ratio, int fb_h) {
    PendingSnapshot& snap = view.controls.snapshot;
    const auto px = [ratio](float v) { return static_cast<int>(std::lround(v * ratio)); };
    const float edge = 0.4f * em;  // a little room around the board's own edges
    const ImVec2 a(view.board_min.x - edge, view.board_min.y - edge);
    const ImVec2 b(view.board_max.x + edge, view.board_max.y + edge);
    std::string error;
    if (!write_region_png(snapshot_path(data_dir, snap.run), px(a.x), px(a.y), px(b.x) - px(a.x), px(b.y) - px(a.y),
                          fb_h, error))
        snap.error = error;
    snap.pictured = true;
    view.snapshot_frame = false;
}

bool write_screenshot(GLFWwindow* w, const std::string& path, std::string& error) {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    return write_back_buffer_png(path, fb_w, fb_h, error);
}

// The projector window beside the presenter's: its own GL context, ImGui context and font atlas
// (ImGui 1.86 has one window per context), drawn from the same snapshot right after the
// presenter's frame. Its key events go to the presenter's KeyTaps: keys work in either window.
struct RoomScreen {
    Window window;
    ImGuiContext* imgui = nullptr;
    FontBake bake;
    ViewState view;
};

bool open_room_screen(RoomScreen& room, const Window& presenter, LoopSignals& signals) {
    glfwSwapInterval(0);  // vsync on the projector's window only: one swap a frame waits for it
    if (!open_window(room.window, window_width, window_height, "Samling")) return false;
    glfwSetWindowUserPointer(room.window.handle, &signals);
    install_event_marks(room.window.handle);
    ImGuiContext* desk = ImGui::GetCurrentContext();
    room.imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(room.imgui);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    // No callbacks of the backend's: they would write into whichever context is current.
    ImGui_ImplGlfw_InitForOpenGL(room.window.handle, false);
    ImGui_ImplOpenGL3_Init(room.window.glsl_version);
    ImGui::SetCurrentContext(desk);
    glfwMakeContextCurrent(presenter.handle);
    return true;
}

// One frame of the projector window; the presenter's contexts are current again after it. With
// `screenshot` set the frame is written there instead of shown.
bool room_frame(RoomScreen& room, const Window& presenter, const ViewState& desk_view, const Workshop& state,
                const ProjectorContent& content, const FontFiles& files, Timestamp now, std::vector<Command>& out,
                const std::string& screenshot, std::string& error) {
    glfwMakeContextCurrent(room.window.handle);
    ImGuiContext* desk = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(room.imgui);
    room_view(desk_view, room.view);
    const float ratio = pixel_ratio(room.window.handle);
    bool ok = room.bake.fit(room.window.handle, room.view.zoom, ratio, files);
    if (!ok) {
        error = "cannot load the font " + files.regular;
    } else {
        ImGui_ImplOpenGL3_NewFrame();
        room.bake.on_device = true;
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        draw_room_screen(state, room.view, content, room.bake.fonts, ImGui::GetIO().DisplaySize, ratio, now, out);
        ImGui::Render();
        render(room.window.handle);
        if (!screenshot.empty())
            ok = write_screenshot(room.window.handle, screenshot, error);
        else
            glfwSwapBuffers(room.window.handle);
    }
    ImGui::SetCurrentContext(desk);
    glfwMakeContextCurrent(presenter.handle);
    return ok;
}

void close_room_screen(RoomScreen& room, const Window& presenter) {
    glfwMakeContextCurrent(room.window.handle);
    ImGuiContext* desk = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(room.imgui);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(room.imgui);
    ImGui::SetCurrentContext(desk);
    glfwDestroyWindow(room.window.handle);
    glfwMakeContextCurrent(presenter.handle);
}

int fail(const std::string& line) {
    std::fprintf(stderr, "samling: %s\n", line.c_str());
    return 1;
}

}  // namespace

int run_projector(Hub& hub, const ProjectorConfig& config, const std::function<bool()>& should_stop) {
    auto waker = std::make_shared<Waker>();
    hub.on_change([waker] { waker->wake(); });
    // A refusal changes no state, so no change listener fires: the answer wakes the loop itself.
    const CommandPoster post = [&hub, waker](Command c, std::function<void(Result<Receipt>)> done) {
        hub.post(std::move(c), [waker, done = std::move(done)](Result<Receipt> answer) {
            done(std::move(answer));
            waker->wake();
        });
    };
    return run_projector_loop([&hub] { return hub.snapshot(); }, [&hub] { return hub.presence(); },
                              [&hub] { return hub.storage_trouble(); }, post, config, should_stop, *waker);
}

int run_projector_loop(const SnapshotSource& snapshot, const PresenceSource& presence, const TroubleSource& trouble,
                       const CommandPoster& post, const ProjectorConfig& config,
                       const std::function<bool()>& should_stop, Waker& waker) {
    const FontFiles font_files = find_font_files();
    if (font_files.regular.empty()) return fail("no font for the projector (install fonts-inter or fonts-dejavu-core)");
    capture_glfw_errors();
    if (!glfwInit()) return fail("cannot open the projector window: " + last_glfw_error());
    // With a presenter window, `window` is the presenter's (keys, panels, board pictures) and
    // `room` the projector's; without, `window` is the projector's, as it always was.
    bool presenter = config.presenter.value_or(monitor_count() >= 2);
    Window window;
    if (!open_window(window, window_width, window_height,
                     presenter ? room_strings(config.language).presenter_title : "Samling")) {
        const std::string why = last_glfw_error();
        glfwTerminate();
        return fail("cannot open the projector window (no display or no OpenGL 3): " + why);
    }
    LoopSignals signals;
    glfwSetWindowUserPointer(window.handle, &signals);
    install_event_marks(window.handle);
    waker.arm();
    start_imgui(window);
    std::unique_ptr<RoomScreen> room;
    if (presenter) {
        room = std::make_unique<RoomScreen>();
        if (open_room_screen(*room, window, signals)) {
            place_presenter_pair(window, room->window);
            watch_monitors();
        } else {  // the room still needs its screen: this window becomes the projector's
            std::fprintf(stderr, "samling: no presenter window, one window only: %s\n", last_glfw_error().c_str());
            glfwMakeContextCurrent(window.handle);
            glfwSwapInterval(1);
            glfwSetWindowTitle(window.handle, "Samling");
            room.reset();
            presenter = false;
        }
    }

    ProjectorContent content = make_content(config);
    auto thumbnails = std::make_unique<ThumbnailCache>();  // textures: deleted before the context
    ExportRunner exports;                                  // X; waits for a running export when the loop ends
    content.thumbnails = [&thumbnails](const std::string& path) { return thumbnails->get(path); };

    ViewState view;
    const auto answers = std::make_shared<OutcomeQueue>();  // outlives the loop if the hub answers late
    std::vector<Command> commands;
    FontBake bake;
    Pictures pictures{PictureQueue(config.screenshot_path.empty() ? config.data_dir : std::string())};
    ExportProgress export_shown;
    const bool screenshot = !config.screenshot_path.empty();
    if (screenshot) apply_screenshot_view(view);
    view.presenter = presenter;
    view.room_hidden = view.room_hidden || presenter;  // the projector starts clean: J shows the join panel
    Revision drawn_revision = -1;
    int drawn_present = -1;  // participants here at the last frame shown
    int frame = 0;
    int result = 0;
    int monitors_followed = 0;  // monitor_changes() acted on
    ImGuiIO& io = ImGui::GetIO();

    while (!glfwWindowShouldClose(window.handle) && !(room && glfwWindowShouldClose(room->window.handle)) &&
           !should_stop()) {
        // 1. Poll, or sleep until an event, the next tick of a running clock or the stop check.
        wait_for_events(window.handle, screenshot || signals.frames_left > 0, view.redraw_at, pictures.queue.due_at());
        std::vector<Outcome> outcomes = answers->drain();
        // The projector's cable pulled out or plugged back in: its window leaves with it and
        // comes back full screen, without the facilitator touching a key.
        if (room && monitor_changes() != monitors_followed) {
            monitors_followed = monitor_changes();
            follow_monitors(window, room->window);
            signals.frames_left = frames_after_event;
        }
        const Timestamp now = wall_clock_ms();
        const std::shared_ptr<const Workshop> state = snapshot();
        view.presence = presence();
        if (std::string why = trouble(); why != view.storage_trouble) {  // a failed save shows at once
            view.storage_trouble = std::move(why);
            signals.frames_left = frames_after_event;
        }
        // Head counts change with no new revision: a phone falls quiet, or comes back.
        const int here = present_count(*state, view.presence, now);
        if (state->revision() != drawn_revision || here != drawn_present || !outcomes.empty())
            signals.frames_left = frames_after_event;
        pictures.look_for(*state);
        if (finish_export(view.controls, exports, config.language, now)) signals.frames_left = frames_after_event;
        if (show_export_progress(view.controls, exports, export_shown, config.language, now))
            signals.frames_left = frames_after_event;
        if (const auto caught_up = pictures.queue.take_summary();
            caught_up && caught_up->pictured + caught_up->failed > 0) {
            toast_and_say(view.controls,
                          pictures_summary(programme_strings(config.language), caught_up->pictured, caught_up->failed,
                                           caught_up->error),
                          now);
            signals.frames_left = frames_after_event;
        }
        const bool due = view.redraw_at != 0 && now >= view.redraw_at;
        const bool room_idle = !due && signals.frames_left <= 0 && !mouse_held(window.handle);
        const Id picture_run = drawn_revision >= 0 ? pictures.due(view.controls, now, room_idle) : 0;
        if (!screenshot && room_idle && picture_run == 0) continue;
        receive(view.controls, outcomes, *content.strings, now);

        // 2. New frame: fonts for this window's size, the room's frame or a board picture's.
        const float ratio = pixel_ratio(window.handle);
        if (!bake.fit(window.handle, view.zoom, ratio, font_files)) {
            result = fail("cannot load the font " + font_files.regular);
            break;
        }
        view.snapshot_frame = pictures.begin_frame(*state, view.controls, picture_run);
        signals.taps.hold(io, !view.snapshot_frame);                           // the room's frame reads the keys
        if (signals.taps.holding()) signals.frames_left = frames_after_event;  // more events wait
        thumbnails->next_frame();
        ImGui_ImplOpenGL3_NewFrame();
        bake.on_device = true;
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();

        // 3. Draw the snapshot; the frame's commands go to the hub, the export to its worker.
        if (!view.snapshot_frame) handle_keys(view, window);
        draw_projector(*state, view, content, bake.fonts, io.DisplaySize, ratio, now, commands);
        ImGui::Render();
        // Cards gliding to a new layout are drawn at the full frame rate until they arrive.
        if (!commands.empty() || thumbnails->behind() || board_moving(view.board, now) ||
            (room && board_moving(room->view.board, now)))
            signals.frames_left = frames_after_event;
        post_all(post, commands, answers);
        start_export(view.controls, exports, export_shown, state, config, waker, now);

        // 4. Render; 5. swap — unless the frame was a board picture or the screenshot.
        const int fb_h = render(window.handle);
        if (view.snapshot_frame) {
            write_picture(view, config.data_dir, bake.fonts.em, ratio, fb_h);
            if (pictures.written(view.controls)) signals.frames_left = frames_after_event;  // its toast
            continue;  // not swapped: the room never sees this frame
        }
        const bool shot = screenshot && ++frame >= screenshot_frame;
        const std::string& own_shot = room ? config.presenter_screenshot_path : config.screenshot_path;
        if (shot && !own_shot.empty()) {
            if (std::string error; !write_screenshot(window.handle, own_shot, error)) {
                result = fail("cannot write the screenshot: " + error);
                break;
            }
        }
        if (!shot) glfwSwapBuffers(window.handle);
        if (room &&
            glfwGetWindowAttrib(room->window.handle, GLFW_VISIBLE)) {  // the same snapshot, the presenter's focus
            std::string error;
            if (!room_frame(*room, window, view, *state, content, font_files, now, commands,
                            shot ? config.screenshot_path : std::string(), error)) {
                result = fail("the projector window: " + error);
                break;
            }
            post_all(post, commands, answers);
        }
        if (shot) break;
        drawn_revision = state->revision();
        drawn_present = here;
        if (signals.frames_left > 0) --signals.frames_left;
    }

    waker.disarm();
    if (room) close_room_screen(*room, window);
    thumbnails.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window.handle);
    glfwTerminate();
    return result;
}

}  // namespace samling
