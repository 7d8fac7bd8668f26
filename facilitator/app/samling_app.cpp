// Start-up order matters: bind the port before touching the store (a port in use must leave
// the store untouched), open the store before anything can write, start serving only once
// the room exists, print the join line last.
#include "app/samling_app.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <system_error>
#include <thread>

#include "app/auto_backup.hpp"
#include "app/backup_command.hpp"
#include "app/delete_command.hpp"
#include "app/exercise_files.hpp"
#include "app/export_command.hpp"
#include "app/lan_address.hpp"
#include "app/paths.hpp"
#include "app/programme_choice.hpp"
#include "app/programmes.hpp"
#include "app/recover_command.hpp"
#include "app/room_setup.hpp"
#include "core/retention.hpp"
#include "core/room_links.hpp"
#include "core/secrets.hpp"
#include "hub/hub.hpp"
#include "platform/platform.hpp"
#include "server/control_server.hpp"
#include "server/participant_server.hpp"
#include "server/remote_views.hpp"
#include "store/store.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/projector.hpp"

namespace samling {
namespace {

int fail(const std::string& message) {
    std::cerr << "samling: " << message << std::endl;
    return 1;
}

// Stop requests (SIGINT and SIGTERM; Ctrl+C or a closed console on Windows) are taken by one
// watcher, so no handler runs in the middle of a frame or a commit.
class SignalWatcher {
public:
    SignalWatcher() {
        platform::catch_stop_requests();  // before any other thread starts
        thread_ = std::thread([this] { watch(); });
    }
    ~SignalWatcher() {
        done_ = true;
        thread_.join();
    }
    bool stop_requested() const { return stop_; }
    void wait() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_.load(); });
    }

private:
    void watch() {
        while (!done_) {
            if (platform::wait_for_stop_request(std::chrono::milliseconds(200))) {
                {
                    std::lock_guard lock(mu_);
                    stop_ = true;
                }
                cv_.notify_all();
                return;
            }
        }
    }
    std::atomic<bool> stop_{false}, done_{false};
    std::mutex mu_;
    std::condition_variable cv_;
    std::thread thread_;
};

// The control surface's address and token, for the facilitator's own scripts: a file only
// this user can read, removed again on a clean stop.
Status write_control_file(const std::filesystem::path& path, int port, const std::string& token) {
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    std::error_code ec;
    std::filesystem::remove(tmp, ec);  // left by a Samling that was killed
    const std::string body =
        "{\"url\": \"http://127.0.0.1:" + std::to_string(port) + "\", \"token\": \"" + token + "\"}\n";
    if (platform::write_new_file_durably(tmp, body) || platform::replace_file(tmp, path))
        return make_error(Errc::storage_failed, "cannot write " + path.string());
    return Ok{};
}

// "http://HOST:PORT", an IPv6 address in brackets: where phones and table screens reach us.
std::string participant_origin(const std::string& host, int port) {
    const std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return "http://" + h + ":" + std::to_string(port);
}

std::string join_url(const std::string& host, int port, const std::string& code) {
    return room_link(participant_origin(host, port), code);
}

// One programme's session, from the store's opening to its clean close. `switch_to` is set
// when the picker asked for another programme.
int run_session(const Options& o, std::string& switch_to) {
    SignalWatcher signals;

    const auto exercise_dir = find_shipped("exercises");
    if (!exercise_dir) return fail("cannot find the exercises folder (set SAMLING_SHARE_DIR)");
    const auto web_dir = find_shipped("assets/web");
    if (!web_dir) return fail("cannot find the assets/web folder (set SAMLING_SHARE_DIR)");
    auto assets = WebAssets::load(*web_dir);
    if (!assets) return fail(assets.error().message);

    ParticipantServer server(std::move(assets.value()), ServerConfig{o.host, o.port});
    const auto port = server.bind();
    if (!port) return fail(port.error().message);

    // The demo's room and groups never land in the facilitator's own store by accident: the
    // demo has its own folder, outside the catalogue.
    auto chosen = choose_programme_for(o, Missing::make_first);
    if (!chosen) return fail(chosen.error().message);
    const std::filesystem::path data_dir = chosen.value().dir;
    const bool catalogued = !chosen.value().data.empty();
    auto store = Store::open(data_dir, {}, o.fresh_store ? EmptyFile::allow_empty : EmptyFile::refuse);
    if (!store) return fail(store.error().message);
    if (o.demo && o.data_dir.empty())  // stdout keeps its one join line (API.md)
        std::cerr << "samling: --demo uses its own data folder " << data_dir.string() << " (not "
                  << default_data_dir().string() << ")" << std::endl;
    if (catalogued) {
        if (auto s = mark_opened(chosen.value().data, chosen.value().folder); !s) return fail(s.error().message);
        std::cerr << "samling: programme \"" << chosen.value().name << "\" (" << data_dir.string() << ")" << std::endl;
    }

    auto exercises = load_exercise_folder(*exercise_dir);
    for (const auto& problem : exercises.problems) std::cerr << "samling: skipped " << problem << "\n";
    auto workshop = store.value()->load(exercises.catalog);
    if (!workshop) return fail(workshop.error().message);

    Hub hub(*store.value(), std::move(workshop.value()));
    // Test hook: a browser test closes a phone and cannot wait minutes for it to count as gone.
    if (const char* window = std::getenv("SAMLING_PRESENCE_WINDOW_MS"); window && std::atoll(window) > 0)
        hub.set_presence_window(std::atoll(window));
    // The room takes its name from the programme (F2) until the facilitator names it.
    if (auto s = ensure_room(hub, "", o.language); !s) return fail(s.error().message);
    if (o.demo)
        if (auto s = ensure_demo(hub); !s) return fail(s.error().message);
    // One name: the store's (F2's "Programme", what exports and phones show) is the picker's. A
    // programme renamed in the picker while closed takes that name as it opens; renamed in F2,
    // the catalogue follows.
    if (catalogued) {
        if (hub.snapshot()->programme() != chosen.value().name)
            if (auto r = hub.submit(cmd::NameProgramme{chosen.value().name}); !r) return fail(r.error().message);
        // The hub copies its listeners for each batch: the name seen lives outside the lambda.
        auto seen = std::make_shared<std::string>(chosen.value().name);
        hub.on_change([&hub, data = chosen.value().data, folder = chosen.value().folder, seen] {
            const std::string name = hub.snapshot()->programme();
            if (name == *seen || name.empty()) return;
            *seen = name;
            if (auto s = rename_programme(data, folder, name); !s)
                std::cerr << "samling: the programme list keeps its old name: " << s.error().message << std::endl;
        });
    }
    if (o.retention_months >= 0)
        if (auto r = hub.submit(cmd::SetRetention{o.retention_months}); !r) return fail(r.error().message);
    // Nothing is deleted by itself: the facilitator is told, here and on the projector's band.
    if (const auto due =
            retention_passed(*hub.snapshot(), day_of(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                         std::chrono::system_clock::now().time_since_epoch())
                                                         .count())))
        std::cerr << "samling: the retention time of this programme has passed: " << due->months
                  << " months after the last gathering (" << due->last_gathering << ") ended on " << due->passed_on
                  << ". Delete what must go: samling delete --group NAME --yes (README, \"Privacy\")" << std::endl;

    // A note flagged as personal data may be on its run's board picture, which the project log
    // and every later export show: the picture goes with it (the window takes a new one next start).
    hub.on_note_purged([dir = data_dir.string()](Id run) {
        std::error_code ec;
        std::filesystem::remove(snapshot_path(dir, run), ec);
    });
    AutoBackup backups(hub, data_dir);

    std::unique_ptr<ControlServer> control;
    // With several programmes the file stays where scripts look for it: the data folder.
    const auto control_file = (catalogued ? chosen.value().data : data_dir) / "control.json";
    if (o.control_port >= 0) {
        const std::string token = secrets::token_secret();
        control = std::make_unique<ControlServer>(token, participant_origin(reachable_address(o.host), port.value()));
        const auto control_port = control->bind(o.control_port);
        if (!control_port) return fail(control_port.error().message);
        if (auto s = write_control_file(control_file, control_port.value(), token); !s) return fail(s.error().message);
        control->start(hub);
    }

    server.start(hub);
    const std::string url = join_url(reachable_address(o.host), port.value(), hub.snapshot()->room()->code);
    std::cout << "samling: participants join at " << url << std::endl;

    int code = 0;
    if (o.headless) {
        signals.wait();
    } else {
        std::unique_ptr<CatalogueShelf> shelf;
        if (catalogued) shelf = std::make_unique<CatalogueShelf>(chosen.value().data, chosen.value().folder);
        const std::string phones = participant_origin(reachable_address(o.host), port.value());
        ProjectorConfig config{url, phones, o.language, o.screenshot, data_dir.string(), shelf.get()};
        config.remote_pairing_url = [&hub, phones](Timestamp now) {
            return remote_pairing_url(phones, hub.remote_pairing_offer(now));
        };
        config.presenter = o.presenter;
        config.presenter_screenshot_path = o.screenshot_presenter;
        code = run_projector(hub, config, [&] { return signals.stop_requested() || (shelf && shelf->requested()); });
        if (shelf && shelf->requested() && !signals.stop_requested()) switch_to = *shelf->requested();
    }
    server.stop();
    if (control) {
        control->stop();
        std::filesystem::remove(control_file);
    }
    if (code == 0 && o.screenshot.empty()) backups.at_exit();  // a clean end of the day
    return code;
}

}  // namespace

int run_samling(const Options& o) {
    if (o.help) {
        std::cout << usage_text();
        return 0;
    }
    if (o.version) {
        std::cout << "samling " << SAMLING_VERSION << "\n";
        return 0;
    }
    if (o.export_logs) return run_export(o);
    if (o.backup) return run_backup(o);
    if (o.restore) return run_restore(o);
    if (o.recover) return run_recover(o);
    if (o.delete_group) return run_delete_group(o);
    if (o.delete_programme) return run_delete_programme(o);
    std::string switch_to;
    const int code = run_session(o, switch_to);
    if (code != 0 || switch_to.empty()) return code;
    // Another programme: the store, hub, server and window are closed (the exit backup taken);
    // the process starts again on it rather than rebuild them in place, so no cache of the
    // first programme (board pictures, views keyed by ids both stores use) can show in the other.
    std::cerr << "samling: opening the programme " << switch_to << std::endl;
    auto again = start_again_on(o.args, switch_to);
    return again ? again.value() : fail(again.error().message);
}

}  // namespace samling
