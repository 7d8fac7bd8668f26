// X exports every group's project log: the key asks for it, and the export (run off the UI
// thread in the app) writes HTML and CSV into <data_dir>/exports.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "ui/programme/export_action.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::Harness;

TEST_CASE("X asks for the export from the board and from the project log, never from a text field") {
    Harness h;
    const Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_X);
    CHECK(h.view.controls.export_requested);
    h.view.controls.export_requested = false;
    h.press(w, GLFW_KEY_G);
    h.press(w, GLFW_KEY_X);
    CHECK(h.view.controls.export_requested);
    h.view.controls.export_requested = false;
    h.press(w, GLFW_KEY_G);
    h.press(w, GLFW_KEY_N);  // a text field has the keyboard
    h.frame(w);
    h.press(w, GLFW_KEY_X);
    CHECK(!h.view.controls.export_requested);
    CHECK(h.out.empty());
}

TEST_CASE("the export writes every group's log as HTML and CSV into the data folder's exports, on a worker") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "samling_ui_export_test";
    std::filesystem::remove_all(dir);
    auto state = std::make_shared<const Workshop>(test::ui_workshop(2));
    ExportRunner runner;
    std::atomic<bool> finished{false};
    REQUIRE(runner.start(state, dir.string(), Language::nb, test::test_now, [&] { finished = true; }));
    for (int i = 0; i < 500 && !finished; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(finished);
    const auto outcome = runner.take();
    REQUIRE(outcome);
    CHECK(outcome->ok);
    CHECK(outcome->folder == (dir / "exports").string());
    CHECK(std::filesystem::exists(dir / "exports" / "index.html"));
    int html = 0, csv = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "exports")) {
        html += e.path().extension() == ".html";
        csv += e.path().extension() == ".csv";
    }
    CHECK(html >= 3);  // the index and one page per group
    CHECK(csv == 2);
    CHECK(!runner.take());  // the answer comes once
    std::filesystem::remove_all(dir);
}
