// X exports every group's project log: the key asks for it, and the export (run off the UI
// thread in the app) writes HTML and CSV into <data_dir>/exports.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "ui/programme/programme_strings.hpp"

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
    std::atomic<int> woken{0};
    REQUIRE(runner.start(state, dir.string(), Language::nb, test::test_now, [&] { ++woken; }));
    std::optional<ExportOutcome> outcome;
    for (int i = 0; i < 500 && !outcome; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        outcome = runner.take();
    }
    REQUIRE(outcome);
    // The last wake comes just after the outcome is stored: wait for it.
    for (int i = 0; i < 500 && woken < 2 * 2 + 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(woken == 2 * 2 + 1);  // each group in each format, and the end
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

TEST_CASE("while the export runs its progress says the format and how many groups are done; none once it is over") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "samling_ui_export_progress_test";
    std::filesystem::remove_all(dir);
    auto state = std::make_shared<const Workshop>(test::ui_workshop(3));
    ExportRunner runner;
    std::mutex mu;
    std::vector<std::string> seen;  // what the loop would read at each wake
    REQUIRE(runner.start(state, dir.string(), Language::nb, test::test_now, [&] {
        const auto p = runner.progress();
        std::lock_guard lock(mu);
        seen.push_back(p ? std::string(p->format) + " " + std::to_string(p->done) + "/" + std::to_string(p->total)
                         : "over");
    }));
    std::optional<ExportOutcome> outcome;
    for (int i = 0; i < 500 && !outcome; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        outcome = runner.take();
    }
    REQUIRE(outcome);
    CHECK(outcome->ok);
    CHECK(!runner.progress());
    const auto heard = [&] {
        std::lock_guard lock(mu);
        return seen.size();
    };
    for (int i = 0; i < 500 && heard() < 7; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard lock(mu);
    CHECK(seen ==
          std::vector<std::string>{"HTML 1/3", "HTML 2/3", "HTML 3/3", "CSV 1/3", "CSV 2/3", "CSV 3/3", "over"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("the export's progress reads as a person says it, in nb, nn and en") {
    CHECK(export_progress(programme_strings(Language::nb), "HTML", 12, 27) == "Eksporterer HTML: 12 av 27 grupper …");
    CHECK(export_progress(programme_strings(Language::nn), "CSV", 3, 27) == "Eksporterer CSV: 3 av 27 grupper …");
    CHECK(export_progress(programme_strings(Language::en), "HTML", 12, 27) == "Exporting HTML: 12 of 27 groups …");
    CHECK(pictures_summary(programme_strings(Language::nb), 1080, 0, "") ==
          "1080 tavlebilder fra før lagt i prosjektloggen");
    CHECK(pictures_summary(programme_strings(Language::en), 5, 2, "disk full") ==
          "5 earlier board pictures added to the project log; 2 could not be saved: disk full");
    CHECK(pictures_summary(programme_strings(Language::nn), 5, 0, "") ==
          "5 tavlebilete frå før lagde i prosjektloggen");
}
