// samling_bench: load benchmark for Samling's participant HTTP API.
//
// What it measures. N simulated phones, each on its own thread with its own
// keep-alive httplib::Client, scan the QR code within the first ~2 s, look up
// the room (GET /api/room), join a leader group round robin (POST /api/join),
// then until the run ends poll GET /api/state as the page does (its POLL_MS ± its
// jitter, read from assets/web/*.js at start; --poll-ms overrides) and write K
// sticky notes at random moments (POST /api/notes, 201 expected). It reports
// latency (p50/p99/max) of joins, note writes and polls, every unexpected
// answer by call and status (connection failures and 429 included), the
// server's peak RSS and its exit code after SIGINT, and checks that every
// acknowledged note is visible to the phone that wrote it, live and again
// after restarting the server on the same data folder.
//
// How to run (from the build directory):
//   tests/samling_bench [--phones N] [--seconds S] [--notes-per-phone K]
//                       [--samling PATH] [--url http://127.0.0.1:PORT/?room=CODE]
//                       [--no-restart-check] [--poll-ms MS] [--poll-jitter-ms MS]
//                       [--reveal-at SHARE]
// At SHARE of the run (default 0.5) the bench reveals every group's board through the control
// surface (DATA-DIR/control.json), as a facilitator does for the plenary: from then on every
// changed poll carries the group's whole board, the load issue 16 measured.
// Phones send "Accept-Encoding: gzip, deflate, br" as a browser does; the report gives the
// bytes on the wire per changed poll and the poll answers' total rate in Mbit/s.
// Defaults: 200 phones, 30 s, 5 notes per phone. Without --url it starts
// `samling --headless --demo --host 127.0.0.1 --port 0 --data-dir <temp dir>`
// (PATH defaults to `samling` next to this binary's directory) and stops it
// with SIGINT at the end. Exit status: 0 when the run completed, errors
// included (they are printed); 2 on bad options or when the server could not
// be started.

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "../child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Millis = std::chrono::duration<double, std::milli>;
using namespace std::chrono_literals;
using samling::testing::ChildProcess;

// ---------------------------------------------------------------- constants

constexpr auto kScanBurst = 2s;  // phones start within this window
// A phone polls every POLL_MS give or take its jitter, read from the page (page_poll_timing).
std::chrono::milliseconds g_poll_every = 900ms;
std::chrono::milliseconds g_poll_jitter = 150ms;
constexpr auto kGrace = 5s;  // after the end, wait this long for calls in flight
constexpr auto kServerStartTimeout = 20s;
constexpr auto kServerStopTimeout = 10s;
constexpr auto kSlowPoll = 1s;       // a poll slower than this is reported as slow
constexpr int kMaxNoteAttempts = 5;  // a phone retries a failed note (same client_id)
constexpr int kCheckThreads = 8;     // threads for the after-run note check ...
constexpr auto kCheckBudget = 20s;   // ... which gives up on the phones left after this long
constexpr std::string_view kJoinPrefix = samling::testing::join_line_prefix;

constexpr const char* kRoom = "GET /api/room";
constexpr const char* kJoin = "POST /api/join";
constexpr const char* kNote = "POST /api/notes";
constexpr const char* kPoll = "GET /api/state";

// ---------------------------------------------------------------- options

struct Options {
    int phones = 200;
    double seconds = 30;
    int notes_per_phone = 5;
    std::string samling;  // empty: look next to this binary
    std::string url;      // non-empty: benchmark a server that is already running
    bool restart_check = true;
    int poll_ms = 0, poll_jitter_ms = -1;  // 0 / -1: as the page's source says
    double reveal_at = 0.5;                // share of the run after which every board is revealed
};

void usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: samling_bench [--phones N] [--seconds S] [--notes-per-phone K]\n"
                 "                     [--samling PATH] [--url http://HOST:PORT/?room=CODE]\n"
                 "                     [--no-restart-check] [--poll-ms MS] [--poll-jitter-ms MS]\n"
                 "                     [--reveal-at SHARE]\n"
                 "Simulates N phones (default 200) joining a Samling room, polling its state\n"
                 "and writing K notes each (default 5) during a run of S seconds (default 30).\n");
}

template <class T>
bool parse_number(std::string_view text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::optional<std::string_view> {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "samling_bench: %s needs a value\n", argv[i]);
                return std::nullopt;
            }
            return std::string_view(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            std::exit(0);
        } else if (arg == "--no-restart-check") {
            o.restart_check = false;
        } else if (arg == "--reveal-at") {
            const auto v = value();
            if (!v || !parse_number(*v, o.reveal_at) || o.reveal_at < 0 || o.reveal_at >= 1) {
                std::fprintf(stderr, "samling_bench: --reveal-at takes a share of the run, 0 (never) to 0.99\n");
                return std::nullopt;
            }
        } else if (arg == "--poll-ms" || arg == "--poll-jitter-ms") {
            const auto v = value();
            int& into = arg == "--poll-ms" ? o.poll_ms : o.poll_jitter_ms;
            if (!v || !parse_number(*v, into) || into < 0 || (arg == "--poll-ms" && into == 0)) {
                std::fprintf(stderr, "samling_bench: bad value for %s\n", argv[i - (v ? 1 : 0)]);
                return std::nullopt;
            }
        } else if (arg == "--phones" || arg == "--notes-per-phone" || arg == "--seconds" || arg == "--samling" ||
                   arg == "--url") {
            const auto v = value();
            if (!v) return std::nullopt;
            bool ok = true;
            if (arg == "--phones") {
                ok = parse_number(*v, o.phones) && o.phones > 0;
            } else if (arg == "--notes-per-phone") {
                ok = parse_number(*v, o.notes_per_phone) && o.notes_per_phone >= 0;
            } else if (arg == "--seconds") {
                ok = parse_number(*v, o.seconds) && o.seconds >= 3 && o.seconds <= 3600;
            } else if (arg == "--samling") {
                o.samling = std::string(*v);
            } else {
                o.url = std::string(*v);
            }
            if (!ok) {
                std::fprintf(stderr, "samling_bench: bad value for %s: %.*s\n", argv[i - 1],
                             static_cast<int>(v->size()), v->data());
                return std::nullopt;
            }
        } else {
            std::fprintf(stderr, "samling_bench: unknown option %s\n", argv[i]);
            usage(stderr);
            return std::nullopt;
        }
    }
    return o;
}

// ---------------------------------------------------------------- small helpers

// Where phones connect: parsed from `http://HOST:PORT/?room=CODE`.
struct Target {
    std::string host;
    int port = 0;
    std::string code;
};

std::optional<Target> parse_join_url(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    if (!url.starts_with(scheme)) return std::nullopt;
    url.remove_prefix(scheme.size());
    Target t;
    if (url.starts_with('[')) {  // IPv6 literal
        const auto close = url.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        t.host = std::string(url.substr(1, close - 1));
        url.remove_prefix(close + 1);
    } else {
        const auto colon = url.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        t.host = std::string(url.substr(0, colon));
        url.remove_prefix(colon);
    }
    if (!url.starts_with(':')) return std::nullopt;
    url.remove_prefix(1);
    const auto port_end = url.find_first_not_of("0123456789");
    if (!parse_number(url.substr(0, port_end), t.port) || t.port <= 0 || t.port > 65535) {
        return std::nullopt;
    }
    const auto room = url.find("room=");
    if (room == std::string_view::npos) return std::nullopt;
    auto code = url.substr(room + 5);
    code = code.substr(0, code.find_first_of("&# \t\r\n"));
    if (code.empty() || t.host.empty()) return std::nullopt;
    t.code = std::string(code);
    return t;
}

// VmHWM (peak resident set size) of a process, in KiB, from /proc/<pid>/status.
std::optional<long> peak_rss_kib(const std::string& pid) {
    std::ifstream status("/proc/" + pid + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:")) {
            try {
                return std::stol(line.substr(6));
            } catch (const std::exception&) {
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

std::string format_mib(std::optional<long> kib) {
    if (!kib) return "unknown";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(*kib) / 1024.0);
    return buf;
}

// Nearest-rank percentile of a sorted sample.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string latency_summary(std::vector<double> ms) {
    if (ms.empty()) return "latency n/a";
    std::sort(ms.begin(), ms.end());
    char buf[128];
    std::snprintf(buf, sizeof buf, "latency p50 %.1f ms  p99 %.1f ms  max %.1f ms", percentile(ms, 50),
                  percentile(ms, 99), ms.back());
    return buf;
}

// How a call went, for the "errors by status" table: the HTTP status plus the
// error code from the JSON error body, or the transport failure.
std::string describe(const httplib::Result& r) {
    if (!r) return "no answer (" + httplib::to_string(r.error()) + ")";
    std::string s = std::to_string(r->status);
    const auto body = json::parse(r->body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
        const auto& code = body["error"].value("code", json());
        if (code.is_string()) s += " " + code.get<std::string>();
    }
    return s;
}

// A JSON id (number or string) as a stable text key.
std::string id_key(const json& id) {
    return id.is_string() ? id.get<std::string>() : id.dump();
}

// ---------------------------------------------------------------- the server as a child process

class ServerProcess {
public:
    struct StopResult {
        std::string how;     // "exit code 0", "killed by signal 11 (...)", ...
        bool clean = false;  // exited by itself with code 0
        double seconds = 0;  // from SIGINT to exit
    };

    ServerProcess() = default;
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess() { stop_draining(); }

    // Starts `path --headless --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir DIR`
    // with its stderr appended to `log`, and waits for the join line.
    bool start(const std::string& path, const fs::path& data_dir, const fs::path& log, const rlimit& child_nofile,
               std::string& error) {
        if (!child_.start({{path, "--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--control-port", "0",
                            "--data-dir", data_dir.string()},
                           log.string(),
                           child_nofile},
                          error))
            return false;
        std::vector<std::string> lines;
        const auto url = samling::testing::wait_for_join_url(child_, kServerStartTimeout, &lines);
        for (auto& line : lines) remember(std::move(line));
        if (!url) {
            error = "no join line on standard output within " +
                    std::to_string(std::chrono::duration_cast<std::chrono::seconds>(kServerStartTimeout).count()) +
                    " s";
            return false;
        }
        join_url_ = *url;
        // Keeps reading the child's stdout so that it never blocks on a full pipe.
        drain_ = std::jthread([this](const std::stop_token& stop) {
            while (!stop.stop_requested()) {
                child_.drain();
                std::this_thread::sleep_for(50ms);
            }
        });
        return true;
    }

    pid_t pid() const { return child_.pid(); }
    const std::string& join_url() const { return join_url_; }

    std::vector<std::string> stdout_tail() const {
        std::lock_guard lock(mutex_);
        std::vector<std::string> tail(tail_.begin(), tail_.end());
        if (!drain_.joinable()) {  // after stop(): what came after the join line
            std::istringstream rest(child_.out());
            for (std::string line; std::getline(rest, line);) tail.push_back(line);
        }
        if (tail.size() > 20) tail.erase(tail.begin(), tail.end() - 20);
        return tail;
    }

    // SIGINT, then wait; SIGKILL if it does not exit in time.
    StopResult stop() {
        StopResult r;
        if (child_.pid() <= 0) {
            r.how = "not running";
            return r;
        }
        stop_draining();
        const auto t0 = Clock::now();
        const int status = child_.interrupt_and_wait(kServerStopTimeout);
        r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (r.seconds >= std::chrono::duration<double>(kServerStopTimeout).count()) {
            r.how = "did not exit within 10 s of SIGINT; killed with SIGKILL";
        } else {
            r.how = ChildProcess::describe(status);
            r.clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        return r;
    }

private:
    void stop_draining() {
        if (drain_.joinable()) {
            drain_.request_stop();
            drain_.join();
        }
    }

    void remember(std::string line) {
        std::lock_guard lock(mutex_);
        tail_.push_back(std::move(line));
        if (tail_.size() > 20) tail_.pop_front();
    }

    ChildProcess child_;
    std::string join_url_;
    mutable std::mutex mutex_;
    std::deque<std::string> tail_;
    std::jthread drain_;
};

// Last lines of a file, for reporting a server that failed.
std::vector<std::string> file_tail(const fs::path& path, std::size_t lines) {
    std::ifstream in(path);
    std::deque<std::string> tail;
    std::string line;
    while (std::getline(in, line)) {
        tail.push_back(line);
        if (tail.size() > lines) tail.pop_front();
    }
    return {tail.begin(), tail.end()};
}

// ---------------------------------------------------------------- one simulated phone

struct RunPlan {
    Target target;
    Clock::time_point start;  // the QR code appears
    Clock::time_point end;    // phones stop starting new calls
    int notes_per_phone = 5;
    std::string run_id;  // makes client_ids unique across runs
    std::atomic<bool> revealed{false};
};

// What one phone saw. Filled by its own thread only; read after it finished.
struct PhoneResult {
    bool room_ok = false;
    bool joined = false;
    std::vector<double> room_ms, join_ms, note_ms, poll_ms;
    int notes_created = 0;   // 201
    int notes_replayed = 0;  // 200 for a retried client_id
    int notes_given_up = 0;  // no acknowledgement after the retries allowed
    int notes_unsent = 0;    // the run ended before the note was acknowledged
    int note_errors = 0;     // failed attempts (each counted)
    int polls_changed = 0;
    int polls_unchanged = 0;
    // Changed polls' bodies as sent (Content-Length) and as JSON, before and after the reveal.
    long long poll_wire_bytes[2] = {0, 0}, poll_decoded_bytes[2] = {0, 0};
    int polls_changed_in[2] = {0, 0};
    int polls_slow = 0;
    int poll_errors = 0;
    int stale_retries = 0;               // transport failure on a reused connection, retried at once
    int calls = 0;                       // requests sent, retries included
    std::map<std::string, int> errors;   // "POST /api/notes -> 429 rate_limited" -> count
    std::map<std::string, int> cut_off;  // calls cancelled after the grace period, by call
    std::vector<std::string> acked_ids;  // note ids the server acknowledged
    std::string token;
};

class Phone {
public:
    Phone(int index, const RunPlan& plan, const std::atomic<bool>& cancelled)
        : index_(index),
          plan_(plan),
          cancelled_(cancelled),
          client_(plan.target.host, plan.target.port),
          rng_(std::random_device{}() ^ (0x9e3779b97f4a7c15ULL * static_cast<unsigned long long>(index + 1))) {
        client_.set_keep_alive(true);
        client_.set_tcp_nodelay(true);  // as browsers do; else Nagle + delayed ACK add ~40 ms to POSTs
        client_.set_connection_timeout(5s);
        client_.set_read_timeout(30s);
        client_.set_write_timeout(5s);
        // As a browser asks; httplib's client decompresses, Content-Length tells the wire size.
        client_.set_default_headers({{"Accept", "application/json"},
                                     {"Accept-Encoding", "gzip, deflate, br"},
                                     {"User-Agent", "samling_bench"}});
    }

    void run() {
        std::this_thread::sleep_until(plan_.start + random_between(0ms, kScanBurst));
        try {
            if (lookup_and_join()) loop();
        } catch (const std::exception& e) {  // e.g. an answer of an unexpected shape
            error("phone", std::string("stopped by an exception: ") + e.what());
        }
        done_ = true;
    }

    // From the main thread, after the grace period: abort a call in flight.
    void cancel_in_flight() { client_.stop(); }
    bool done() const { return done_; }
    const PhoneResult& result() const { return result_; }

private:
    struct PendingNote {
        Clock::time_point due;
        int number = 0;
        int attempts = 0;
    };

    Clock::duration random_between(Clock::duration lo, Clock::duration hi) {
        const auto a = lo.count();
        const auto b = hi.count();
        return Clock::duration(std::uniform_int_distribution<Clock::rep>(std::min(a, b), std::max(a, b))(rng_));
    }

    // One call as a browser makes it: a transport failure on a reused keep-alive
    // connection (the server closed it just as we sent) is retried once at once.
    template <class Send>
    httplib::Result call(Send&& send) {
        const bool reused = client_.is_socket_open() != 0;
        ++result_.calls;
        auto res = send();
        if (!res && reused && !cancelled_ &&
            (res.error() == httplib::Error::Read || res.error() == httplib::Error::Write)) {
            ++result_.stale_retries;
            ++result_.calls;
            res = send();
        }
        return res;
    }

    // Returns true when the failure was our own cancellation at the end of the run.
    bool cut_off(const httplib::Result& res, const char* what) {
        if (res || !cancelled_) return false;
        ++result_.cut_off[what];
        return true;
    }

    void error(const char* what, const std::string& how) { ++result_.errors[std::string(what) + "  " + how]; }

    bool lookup_and_join() {
        const auto& code = plan_.target.code;
        auto t = Clock::now();
        auto res = call([&] { return client_.Get("/api/room", httplib::Params{{"code", code}}, httplib::Headers{}); });
        const double room_ms = Millis(Clock::now() - t).count();
        if (cut_off(res, kRoom)) return false;
        json groups;
        if (res && res->status == 200) {
            const auto body = json::parse(res->body, nullptr, false);
            if (body.is_object() && body.contains("groups") && body["groups"].is_array() && !body["groups"].empty()) {
                groups = body["groups"];
            }
        }
        if (groups.is_null()) {
            error(kRoom, res && res->status == 200 ? "200 without groups" : describe(res));
            return false;
        }
        result_.room_ok = true;
        result_.room_ms.push_back(room_ms);

        const auto& group = groups[static_cast<std::size_t>(index_) % groups.size()];
        const json join = {{"code", code}, {"group", group.is_object() && group.contains("id") ? group["id"] : json()}};
        t = Clock::now();
        res = call([&] { return client_.Post("/api/join", join.dump(), "application/json"); });
        const double join_ms = Millis(Clock::now() - t).count();
        if (cut_off(res, kJoin)) return false;
        if (!res || res->status != 201) {
            error(kJoin, describe(res));
            return false;
        }
        const auto body = json::parse(res->body, nullptr, false);
        if (!body.is_object() || !body.contains("token") || !body["token"].is_string()) {
            error(kJoin, "201 without token");
            return false;
        }
        result_.token = body["token"].get<std::string>();
        client_.set_bearer_token_auth(result_.token);
        result_.joined = true;
        result_.join_ms.push_back(join_ms);
        return true;
    }

    void loop() {
        // Notes at random moments between now and shortly before the end.
        std::deque<PendingNote> notes;
        const auto first = Clock::now() + 200ms;
        const auto last = std::max(first, plan_.end - 1500ms);
        std::vector<Clock::time_point> times;
        times.reserve(static_cast<std::size_t>(plan_.notes_per_phone));
        for (int k = 0; k < plan_.notes_per_phone; ++k) times.push_back(first + random_between(0ns, last - first));
        std::sort(times.begin(), times.end());
        for (int k = 0; k < plan_.notes_per_phone; ++k) notes.push_back({times[static_cast<std::size_t>(k)], k + 1, 0});

        std::string revision = "0";
        auto next_poll = Clock::now();  // the page polls as soon as it has joined
        while (!cancelled_) {
            auto next = next_poll;
            if (!notes.empty()) next = std::min(next, notes.front().due);
            if (next >= plan_.end) break;
            std::this_thread::sleep_until(next);
            if (cancelled_) break;

            if (!notes.empty() && notes.front().due <= Clock::now()) {
                PendingNote note = notes.front();
                notes.pop_front();
                if (auto retry_at = write_note(note)) {
                    note.due = *retry_at;
                    notes.insert(
                        std::upper_bound(notes.begin(), notes.end(), note,
                                         [](const PendingNote& a, const PendingNote& b) { return a.due < b.due; }),
                        note);
                }
            } else if (next_poll <= Clock::now()) {
                poll(revision);
                next_poll = Clock::now() + random_between(g_poll_every - g_poll_jitter, g_poll_every + g_poll_jitter);
            }
        }
        result_.notes_unsent += static_cast<int>(notes.size());
    }

    // Writes one note; returns when to try again, or nothing when finished with it.
    std::optional<Clock::time_point> write_note(PendingNote& note) {
        const std::string client_id =
            "bench-" + plan_.run_id + "-" + std::to_string(index_) + "-" + std::to_string(note.number);
        const json body = {{"client_id", client_id},
                           {"text", "Benk-lapp " + std::to_string(note.number) + " fra telefon " +
                                        std::to_string(index_ + 1) + " – æøå"}};
        const std::string payload = body.dump();
        ++note.attempts;
        const auto t = Clock::now();
        auto res = call([&] { return client_.Post("/api/notes", payload, "application/json"); });
        const double ms = Millis(Clock::now() - t).count();
        if (cut_off(res, kNote)) {
            ++result_.notes_unsent;
            return std::nullopt;
        }

        if (res && (res->status == 201 || res->status == 200)) {
            const auto answer = json::parse(res->body, nullptr, false);
            const bool has_id = answer.is_object() && answer.contains("note") && answer["note"].is_object() &&
                                answer["note"].contains("id");
            if (!has_id) {
                error(kNote, std::to_string(res->status) + " without note.id");
                ++result_.note_errors;
            } else {
                result_.acked_ids.push_back(id_key(answer["note"]["id"]));
            }
            result_.note_ms.push_back(ms);
            if (res->status == 201) {
                ++result_.notes_created;
            } else {
                ++result_.notes_replayed;
                // 200 is right only for a client_id already sent; on a first send it is a duplicate.
                if (note.attempts == 1) error(kNote, "200 on the first send of a new client_id");
            }
            return std::nullopt;
        }

        error(kNote, describe(res));
        ++result_.note_errors;
        const bool retryable = !res || res->status == 429 || res->status >= 500;
        if (!retryable || note.attempts >= kMaxNoteAttempts) {
            ++result_.notes_given_up;
            return std::nullopt;
        }
        auto wait = std::chrono::seconds(1);
        if (res && res->status == 429) {
            long seconds = 0;
            if (parse_number(res->get_header_value("Retry-After"), seconds) && seconds > 0) {
                wait = std::chrono::seconds(std::min(seconds, 60L));
            }
        }
        return Clock::now() + wait;
    }

    void poll(std::string& revision) {
        const auto t = Clock::now();
        auto res = call([&] {
            return client_.Get("/api/state", httplib::Params{{"since", revision}}, httplib::Headers{});
        });
        const auto elapsed = Clock::now() - t;
        if (cut_off(res, kPoll)) return;
        if (!res || res->status != 200) {
            error(kPoll, describe(res));
            ++result_.poll_errors;
            return;
        }
        const auto body = json::parse(res->body, nullptr, false);
        if (!body.is_object() || !body.contains("revision") ||
            !(body["revision"].is_number_integer() || body["revision"].is_string())) {
            error(kPoll, "200 without revision");
            ++result_.poll_errors;
            return;
        }
        revision = id_key(body["revision"]);
        result_.poll_ms.push_back(Millis(elapsed).count());
        if (elapsed > kSlowPoll) ++result_.polls_slow;
        if (body.contains("unchanged") && body["unchanged"] == true) {
            ++result_.polls_unchanged;
        } else {
            ++result_.polls_changed;
            long long wire = 0;
            if (!parse_number(res->get_header_value("Content-Length"), wire)) wire = 0;
            const int after = plan_.revealed ? 1 : 0;
            result_.poll_wire_bytes[after] += wire;
            result_.poll_decoded_bytes[after] += static_cast<long long>(res->body.size());
            ++result_.polls_changed_in[after];
        }
    }

    const int index_;
    const RunPlan& plan_;
    const std::atomic<bool>& cancelled_;
    httplib::Client client_;
    std::mt19937_64 rng_;
    PhoneResult result_;
    std::atomic<bool> done_{false};
};

// ---------------------------------------------------------------- checking acknowledged notes

// Asks each joined phone's state (since=0) and counts how many of the notes the
// server acknowledged to it are there.
struct Visibility {
    int acked = 0;
    int visible = 0;
    int phones_failed = 0;                // state call did not answer 200 with notes
    int phones_unchecked = 0;             // left when the time for the check ran out
    std::map<std::string, int> failures;  // how those calls went
};

Visibility check_visibility(const Target& target, const std::vector<const PhoneResult*>& phones) {
    Visibility total;
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    const auto deadline = Clock::now() + kCheckBudget;
    {
        std::vector<std::jthread> workers;
        workers.reserve(kCheckThreads);
        for (int w = 0; w < kCheckThreads; ++w) {
            workers.emplace_back([&] {
                httplib::Client client(target.host, target.port);
                client.set_keep_alive(true);
                client.set_tcp_nodelay(true);
                client.set_connection_timeout(5s);
                client.set_read_timeout(5s);
                Visibility mine;
                for (std::size_t i; (i = next++) < phones.size();) {
                    const PhoneResult& phone = *phones[i];
                    mine.acked += static_cast<int>(phone.acked_ids.size());
                    if (Clock::now() > deadline) {
                        ++mine.phones_unchecked;
                        continue;
                    }
                    auto res = client.Get(
                        "/api/state", httplib::Params{{"since", "0"}},
                        httplib::Headers{{"Authorization", "Bearer " + phone.token}, {"Accept", "application/json"}});
                    json body;
                    if (res && res->status == 200) body = json::parse(res->body, nullptr, false);
                    if (!body.is_object() || !body.contains("notes") || !body["notes"].is_array()) {
                        ++mine.phones_failed;
                        ++mine.failures[res && res->status == 200 ? "200 without notes" : describe(res)];
                        continue;
                    }
                    std::set<std::string> seen;
                    for (const auto& n : body["notes"]) {
                        if (n.is_object() && n.contains("id")) seen.insert(id_key(n["id"]));
                    }
                    for (const auto& id : phone.acked_ids) mine.visible += seen.count(id) ? 1 : 0;
                }
                std::lock_guard lock(mutex);
                total.acked += mine.acked;
                total.visible += mine.visible;
                total.phones_failed += mine.phones_failed;
                total.phones_unchecked += mine.phones_unchecked;
                for (const auto& [k, v] : mine.failures) total.failures[k] += v;
            });
        }
    }
    return total;
}

std::string visibility_line(const Visibility& v) {
    std::string s = std::to_string(v.visible) + "/" + std::to_string(v.acked);
    if (v.phones_failed > 0) {
        s += " (state call failed for " + std::to_string(v.phones_failed) + " phones:";
        for (const auto& [k, n] : v.failures) s += " " + k + " x" + std::to_string(n);
        s += ")";
    }
    if (v.phones_unchecked > 0) {
        s += " (" + std::to_string(v.phones_unchecked) + " phones not checked: the check ran out of time)";
    }
    return s;
}

// ---------------------------------------------------------------- setup

std::optional<std::string> find_samling(const Options& o) {
    if (!o.samling.empty()) return o.samling;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    for (const auto& candidate : {self.parent_path() / ".." / "samling", self.parent_path() / "samling"}) {
        if (::access(candidate.c_str(), X_OK) == 0) return fs::weakly_canonical(candidate).string();
    }
    return std::nullopt;
}

// 1000 phones need 1000+ sockets here; the server keeps the limits it is given.
rlimit raise_open_files_limit() {
    rlimit original{};
    ::getrlimit(RLIMIT_NOFILE, &original);
    rlimit raised = original;
    raised.rlim_cur = original.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &raised);
    return original;
}

// The page's poll interval and jitter, read from its source so the bench polls as phones do:
// `POLL_MS = 900` and `POLL_JITTER_MS = 150` (or `JITTER_MS`) in assets/web/*.js.
std::string page_poll_timing(const Options& o) {
    std::string from = "--poll-ms";
    std::optional<int> every, jitter;
    const std::regex every_re(R"(\bPOLL_MS\s*=\s*(\d+))"), jitter_re(R"(\b(?:POLL_)?JITTER_MS\s*=\s*(\d+))");
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(SAMLING_SOURCE_DIR) / "assets" / "web", ec)) {
        if (entry.path().extension() != ".js" && entry.path().extension() != ".mjs") continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        std::smatch m;
        if (!every && std::regex_search(text, m, every_re)) {
            every = std::stoi(m[1]);
            from = "assets/web/" + entry.path().filename().string();
        }
        if (!jitter && std::regex_search(text, m, jitter_re)) jitter = std::stoi(m[1]);
    }
    if (o.poll_ms > 0) every = o.poll_ms, from = "--poll-ms";
    if (o.poll_jitter_ms >= 0) jitter = o.poll_jitter_ms;
    if (!every) from = "no POLL_MS in assets/web/*.js; the bench's default";
    g_poll_every = std::chrono::milliseconds(every.value_or(900));
    g_poll_jitter = std::chrono::milliseconds(jitter.value_or(150));
    return std::to_string(g_poll_every.count()) + " ms ± " + std::to_string(g_poll_jitter.count()) + " ms (" + from +
           ")";
}

// Reveals every group's notes in one facilitator action, through the control surface.
bool reveal_all(const fs::path& control_file, std::string& why) {
    std::ifstream in(control_file);
    const auto control = json::parse(in, nullptr, false);
    if (!control.is_object() || !control.contains("url") || !control.contains("token"))
        return why = "no " + control_file.string(), false;
    httplib::Client c(control["url"].get<std::string>());
    const httplib::Headers auth = {{"Authorization", "Bearer " + control["token"].get<std::string>()}};
    auto state = c.Get("/control/state", auth);
    if (!state || state->status != 200) return why = "GET /control/state " + describe(state), false;
    const auto body = json::parse(state->body, nullptr, false);
    json reveals = json::array();
    if (body.is_object() && body.contains("groups"))
        for (const auto& g : body["groups"]) reveals.push_back({{"command", "reveal"}, {"group", g["id"]}});
    auto res = c.Post("/control/commands", auth, json{{"command", "together"}, {"commands", reveals}}.dump(),
                      "application/json");
    if (!res || res->status != 200) return why = "POST /control/commands " + describe(res), false;
    return true;
}

std::string random_run_id() {
    std::mt19937_64 rng(std::random_device{}());
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
    return buf;
}

}  // namespace

// ---------------------------------------------------------------- main

int main(int argc, char** argv) {
    const auto options = parse_options(argc, argv);
    if (!options) return 2;
    const Options& opt = *options;
    ::signal(SIGPIPE, SIG_IGN);
    const rlimit child_nofile = raise_open_files_limit();
    const auto wall_start = Clock::now();

    // --- the server
    ServerProcess server;
    Target target;
    fs::path temp_dir, data_dir, log_path;
    std::string samling_path;
    pid_t server_pid = -1;
    if (!opt.url.empty()) {
        const auto t = parse_join_url(opt.url);
        if (!t) {
            std::fprintf(stderr, "samling_bench: cannot parse --url %s (expected http://HOST:PORT/?room=CODE)\n",
                         opt.url.c_str());
            return 2;
        }
        target = *t;
    } else {
        const auto path = find_samling(opt);
        if (!path) {
            std::fprintf(stderr, "samling_bench: no samling binary next to this one; pass --samling PATH\n");
            return 2;
        }
        samling_path = *path;
        std::string templ = (fs::temp_directory_path() / "samling-bench-XXXXXX").string();
        if (!::mkdtemp(templ.data())) {
            std::fprintf(stderr, "samling_bench: mkdtemp: %s\n", std::strerror(errno));
            return 2;
        }
        temp_dir = templ;
        data_dir = temp_dir / "data";
        log_path = temp_dir / "server-stderr.log";
        fs::create_directory(data_dir);
        std::fprintf(stderr, "samling_bench: starting %s (data %s)\n", samling_path.c_str(), data_dir.c_str());
        std::string error;
        if (!server.start(samling_path, data_dir, log_path, child_nofile, error)) {
            std::fprintf(stderr, "samling_bench: the server could not be started: %s\n", error.c_str());
            for (const auto& line : server.stdout_tail()) std::fprintf(stderr, "  stdout: %s\n", line.c_str());
            for (const auto& line : file_tail(log_path, 20)) std::fprintf(stderr, "  stderr: %s\n", line.c_str());
            std::fprintf(stderr, "samling_bench: files kept in %s\n", temp_dir.c_str());
            return 2;
        }
        const auto t = parse_join_url(server.join_url());
        if (!t) {
            std::fprintf(stderr, "samling_bench: cannot parse the join line: %s%s\n", std::string(kJoinPrefix).c_str(),
                         server.join_url().c_str());
            server.stop();
            return 2;
        }
        target = *t;
        server_pid = server.pid();
    }
    const std::string polling = page_poll_timing(opt);
    std::fprintf(stderr, "samling_bench: %d phones against http://%s:%d/?room=%s for %.0f s, polling every %s\n",
                 opt.phones, target.host.c_str(), target.port, target.code.c_str(), opt.seconds, polling.c_str());

    // --- the run
    RunPlan plan;
    plan.target = target;
    plan.start = Clock::now() + 100ms;
    plan.end = plan.start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opt.seconds));
    plan.notes_per_phone = opt.notes_per_phone;
    plan.run_id = random_run_id();

    std::atomic<bool> cancelled{false};
    std::vector<std::unique_ptr<Phone>> phones;
    phones.reserve(static_cast<std::size_t>(opt.phones));
    for (int i = 0; i < opt.phones; ++i) phones.push_back(std::make_unique<Phone>(i, plan, cancelled));
    std::vector<std::jthread> threads;
    std::string thread_error;
    try {
        for (auto& p : phones) threads.emplace_back([&phone = *p] { phone.run(); });
    } catch (const std::system_error& e) {
        // Not fatal: the phones that started still run; say how many.
        thread_error = "only " + std::to_string(threads.size()) + " phone threads could be started: " + e.what();
        std::fprintf(stderr, "samling_bench: %s\n", thread_error.c_str());
    }
    const std::size_t started = threads.size();

    std::optional<double> reveal_seconds;
    if (opt.reveal_at > 0 && !data_dir.empty()) {
        std::this_thread::sleep_until(
            plan.start + std::chrono::duration_cast<Clock::duration>((plan.end - plan.start) * opt.reveal_at));
        std::string why;
        if (reveal_all(data_dir / "control.json", why)) {
            plan.revealed = true;
            reveal_seconds = std::chrono::duration<double>(Clock::now() - plan.start).count();
            std::fprintf(stderr, "samling_bench: every group's board revealed at %.1f s\n", *reveal_seconds);
        } else {
            std::fprintf(stderr, "samling_bench: could not reveal the boards: %s\n", why.c_str());
        }
    }
    std::this_thread::sleep_until(plan.end);
    auto all_done = [&] {
        for (std::size_t i = 0; i < started; ++i)
            if (!phones[i]->done()) return false;
        return true;
    };
    while (!all_done() && Clock::now() < plan.end + kGrace) std::this_thread::sleep_for(20ms);
    if (!all_done()) {
        cancelled = true;
        while (!all_done()) {
            for (std::size_t i = 0; i < started; ++i)
                if (!phones[i]->done()) phones[i]->cancel_in_flight();
            std::this_thread::sleep_for(100ms);
        }
    }
    threads.clear();  // joins
    const double run_seconds = std::chrono::duration<double>(Clock::now() - plan.start).count();

    // --- totals
    PhoneResult sum;
    int rooms_ok = 0, joins_ok = 0;
    std::vector<const PhoneResult*> joined;
    std::size_t acks = 0;
    std::set<std::string> distinct_ids;
    for (std::size_t i = 0; i < started; ++i) {
        const PhoneResult& r = phones[i]->result();
        rooms_ok += r.room_ok;
        joins_ok += r.joined;
        if (r.joined) joined.push_back(&r);
        sum.room_ms.insert(sum.room_ms.end(), r.room_ms.begin(), r.room_ms.end());
        sum.join_ms.insert(sum.join_ms.end(), r.join_ms.begin(), r.join_ms.end());
        sum.note_ms.insert(sum.note_ms.end(), r.note_ms.begin(), r.note_ms.end());
        sum.poll_ms.insert(sum.poll_ms.end(), r.poll_ms.begin(), r.poll_ms.end());
        sum.notes_created += r.notes_created;
        sum.notes_replayed += r.notes_replayed;
        sum.notes_given_up += r.notes_given_up;
        sum.notes_unsent += r.notes_unsent;
        sum.note_errors += r.note_errors;
        sum.polls_changed += r.polls_changed;
        sum.polls_unchanged += r.polls_unchanged;
        for (int k = 0; k < 2; ++k) {
            sum.poll_wire_bytes[k] += r.poll_wire_bytes[k];
            sum.poll_decoded_bytes[k] += r.poll_decoded_bytes[k];
            sum.polls_changed_in[k] += r.polls_changed_in[k];
        }
        sum.polls_slow += r.polls_slow;
        sum.poll_errors += r.poll_errors;
        sum.stale_retries += r.stale_retries;
        sum.calls += r.calls;
        for (const auto& [k, v] : r.errors) sum.errors[k] += v;
        for (const auto& [k, v] : r.cut_off) sum.cut_off[k] += v;
        acks += r.acked_ids.size();
        distinct_ids.insert(r.acked_ids.begin(), r.acked_ids.end());
    }

    // --- are the acknowledged notes there? Live, then after a restart on the same data.
    std::fprintf(stderr, "samling_bench: run over after %.1f s; checking acknowledged notes\n", run_seconds);
    const Visibility live = check_visibility(target, joined);
    std::optional<long> server_peak;
    ServerProcess::StopResult stopped;
    std::optional<Visibility> after_restart;
    std::string restart_note;
    ServerProcess::StopResult restart_stopped;
    if (server.pid() > 0) {
        server_peak = peak_rss_kib(std::to_string(server.pid()));
        std::fprintf(stderr, "samling_bench: stopping the server with SIGINT\n");
        stopped = server.stop();
        if (opt.restart_check) {
            ServerProcess again;
            std::string error;
            if (!again.start(samling_path, data_dir, log_path, child_nofile, error)) {
                restart_note = "restart on the same data failed: " + error;
            } else if (const auto t = parse_join_url(again.join_url()); !t) {
                restart_note = "restart: cannot parse join line " + again.join_url();
                again.stop();
            } else {
                if (t->code != target.code)
                    restart_note = "room code changed across restart: " + target.code + " -> " + t->code;
                after_restart = check_visibility(*t, joined);
                restart_stopped = again.stop();
            }
        }
    }

    // --- report
    const int joins_tried = static_cast<int>(started);
    const int notes_acked = sum.notes_created + sum.notes_replayed;
    const int polls = sum.polls_changed + sum.polls_unchanged;
    const std::string server_name = server_pid > 0 ? "pid " + std::to_string(server_pid) : "at " + opt.url;
    std::printf("\nsamling_bench: %d phones, %.0f s, %d notes per phone, server %s; polls every %s\n", opt.phones,
                opt.seconds, opt.notes_per_phone, server_name.c_str(), polling.c_str());
    if (!thread_error.empty()) std::printf("WARNING: %s\n", thread_error.c_str());
    std::printf("room lookups: %d ok, %d failed; %s\n", rooms_ok, joins_tried - rooms_ok,
                latency_summary(sum.room_ms).c_str());
    std::printf("joins:        %d ok, %d failed; %s\n", joins_ok, joins_tried - joins_ok,
                latency_summary(sum.join_ms).c_str());
    std::printf(
        "note writes:  %d ok (%d created, %d replayed after a retry), %d errors, %d given up, %d unsent at end;"
        " %s\n",
        notes_acked, sum.notes_created, sum.notes_replayed, sum.note_errors, sum.notes_given_up, sum.notes_unsent,
        latency_summary(sum.note_ms).c_str());
    std::printf("polls:        %d answered (%d with changes, %d unchanged, %d slower than 1 s), %d errors; %s\n", polls,
                sum.polls_changed, sum.polls_unchanged, sum.polls_slow, sum.poll_errors,
                latency_summary(sum.poll_ms).c_str());
    for (int k = 0; k < 2; ++k) {
        if (sum.polls_changed_in[k] == 0) continue;
        const double per = static_cast<double>(sum.poll_wire_bytes[k]) / sum.polls_changed_in[k];
        const double decoded = static_cast<double>(sum.poll_decoded_bytes[k]) / sum.polls_changed_in[k];
        const double span = k == 0 ? reveal_seconds.value_or(run_seconds) : run_seconds - reveal_seconds.value_or(0);
        std::printf("poll answers %s: %d changed, %.0f B on the wire each (%.0f B of JSON, %.1fx); %.2f Mbit/s\n",
                    k == 0 ? "while writing " : "after reveal  ", sum.polls_changed_in[k], per, decoded,
                    per > 0 ? decoded / per : 0.0, static_cast<double>(sum.poll_wire_bytes[k]) * 8 / 1e6 / span);
    }
    std::printf("throughput:   %d calls in %.1f s (%.0f calls/s)\n", sum.calls, run_seconds,
                static_cast<double>(sum.calls) / run_seconds);
    if (sum.stale_retries > 0) {
        std::printf("stale keep-alive retries: %d (transport failure on a reused connection, retried at once)\n",
                    sum.stale_retries);
    }
    if (sum.errors.empty()) {
        std::printf("errors by status: none\n");
    } else {
        std::printf("errors by status:\n");
        for (const auto& [k, v] : sum.errors) std::printf("  %-60s %d\n", k.c_str(), v);
    }
    if (!sum.cut_off.empty()) {
        std::printf("calls still unanswered %.0f s after the end (cancelled):\n",
                    std::chrono::duration<double>(kGrace).count());
        for (const auto& [k, v] : sum.cut_off) std::printf("  %-60s %d\n", k.c_str(), v);
    }
    std::printf("acknowledged notes: %zu (distinct ids: %zu)%s\n", acks, distinct_ids.size(),
                acks != distinct_ids.size() ? "  <-- the same id acknowledged for different notes" : "");
    std::printf("  visible to the phone that wrote them, live: %s\n", visibility_line(live).c_str());
    if (after_restart) {
        std::printf("  visible after restarting the server on the same data: %s\n",
                    visibility_line(*after_restart).c_str());
    }
    if (!restart_note.empty()) std::printf("  %s\n", restart_note.c_str());
    if (!samling_path.empty()) {
        std::printf("server peak RSS: %s (VmHWM from /proc/PID/status just before SIGINT)\n",
                    format_mib(server_peak).c_str());
        std::printf("server stop: SIGINT -> %s after %.2f s\n", stopped.how.c_str(), stopped.seconds);
        if (after_restart) {
            std::printf("server stop after the restart check: SIGINT -> %s after %.2f s\n", restart_stopped.how.c_str(),
                        restart_stopped.seconds);
        }
    }
    std::printf("bench process peak RSS: %s\n", format_mib(peak_rss_kib("self")).c_str());
    std::printf("wall time: %.1f s\n", std::chrono::duration<double>(Clock::now() - wall_start).count());

    // Keep the server's files when something went wrong, so they can be looked at.
    if (!temp_dir.empty()) {
        const bool trouble = !sum.errors.empty() || !sum.cut_off.empty() || !stopped.clean ||
                             (after_restart && !restart_stopped.clean) || !restart_note.empty() ||
                             live.visible != live.acked || live.phones_unchecked > 0 ||
                             (after_restart && after_restart->visible != after_restart->acked);
        if (trouble) {
            std::printf("server files kept in %s (stderr in server-stderr.log)\n", temp_dir.c_str());
            const auto tail = server.stdout_tail();
            if (!tail.empty()) {
                std::printf("last lines of the server's standard output:\n");
                for (const auto& line : tail) std::printf("  %s\n", line.c_str());
            }
        } else {
            std::error_code ec;
            fs::remove_all(temp_dir, ec);
        }
    }
    return 0;
}
