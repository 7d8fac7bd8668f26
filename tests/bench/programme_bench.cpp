// A whole programme in one store, as a LUP round reaches it by its last gathering: 27 leader
// groups, 8 phones each, 8 exercises x 5 gatherings of runs, N notes in all (default 50,000),
// with votes and merged duplicates. Prints what a change costs at that size against the same
// figures at 1,000 notes: a committed note through the real hub and SQLite file (the batch),
// a refused one, a phone's poll (its view), the projector's board model of one full board, and the
// process's memory. Run by hand: samling_programme_bench [NOTES]. Not part of pass/fail.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/exercise_files.hpp"
#include "core/participant_view.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "ui/board/model.hpp"
#include "ui/board/strings.hpp"
#include "ui/ui_strings.hpp"

using namespace samling;

namespace {

constexpr int groups = 27, phones_per_group = 8, gatherings = 5;
constexpr Timestamp t0 = 1'800'000'000'000;

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Figures {
    double p50, p99;
};
Figures percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

long rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

void must(const Result<Receipt>& r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "programme_bench: %s refused: %s\n", what, r.error().message.c_str());
        std::exit(1);
    }
}

// Decides and applies on a plain Workshop (fast seeding), collecting the changes for one commit.
struct Seeder {
    Workshop& w;
    std::vector<Change>& log;
    Timestamp now = t0;
    Id run(const Command& c) {
        auto d = w.decide(c, ++now);
        if (!d) {
            std::fprintf(stderr, "programme_bench: seeding refused: %s\n", d.error().message.c_str());
            std::exit(1);
        }
        for (const Change& ch : d->changes) {
            w.apply(ch);
            log.push_back(ch);
        }
        return d->subject;
    }
};

struct Room {
    std::vector<Id> groups, phones;
    Id focus_group = 0;
};

Room seed(Workshop& w, std::vector<Change>& log, int notes) {
    Seeder s{w, log};
    Room room;
    s.run(cmd::OpenRoom{"", "ABC234", Language::nb});
    s.run(cmd::NameProgramme{"LUP Bærum 2027"});
    std::vector<std::string> exercises;
    for (const auto& [id, def] : w.catalog().all()) exercises.push_back(id);
    for (int g = 0; g < groups; ++g)
        room.groups.push_back(s.run(cmd::AddGroup{"Ledergruppe " + std::to_string(g + 1)}));
    for (Id g : room.groups)
        for (int p = 0; p < phones_per_group; ++p)
            room.phones.push_back(
                s.run(cmd::Join{"ABC234", g, "", std::string(32, static_cast<char>('a' + p)) + std::to_string(g)}));
    const int runs = groups * static_cast<int>(exercises.size()) * gatherings;
    const int per_run = std::max(1, notes / runs);
    int written = 0;
    for (int gathering = 1; gathering <= gatherings; ++gathering) {
        const Id gid = s.run(cmd::SaveGathering{0, "Samling " + std::to_string(gathering), ""});
        s.run(cmd::OpenGathering{gid});
        for (const std::string& exercise : exercises)
            for (const Id g : room.groups) {
                s.run(cmd::StartExercise{g, exercise});
                const ExerciseDefinition* def = w.catalog().find(exercise);
                const Id run = w.current_run(g)->id;
                for (int i = 0; i < per_run && written < notes; ++i, ++written) {
                    const std::string zone =
                        def->zones.empty() ? "" : def->zones[static_cast<std::size_t>(i) % def->zones.size()].id;
                    s.run(cmd::AddFacilitatorNote{g, "Lapp " + std::to_string(written) + " om samhandling på tvers",
                                                  zone});
                }
                // A few duplicates folded together, as an organise step leaves them.
                const auto on_board = w.notes_of_run(run);
                if (on_board.size() >= 4) s.run(cmd::MergeNotes{on_board[0]->id, on_board[1]->id});
                s.run(cmd::ConcludeRun{g});
            }
    }
    // The last gathering's groups are back in a writing step of their current run.
    room.focus_group = room.groups.front();
    for (Id g : room.groups) s.run(cmd::StartExercise{g, exercises.front()});
    return room;
}

struct Result_ {
    int notes = 0;
    Figures commit{}, refused{}, poll{}, board{};
    long rss = 0;
    double open_ms = 0, load_ms = 0, file_mib = 0;
};

Result_ measure(int notes, const std::shared_ptr<const ExerciseCatalog>& catalog) {
    const auto dir = std::filesystem::temp_directory_path() / ("samling-programme-bench-" + std::to_string(notes));
    std::filesystem::remove_all(dir);
    auto store = Store::open(dir);
    if (!store) std::exit(1);
    Workshop w(catalog);
    std::vector<Change> log;
    const Room room = seed(w, log, notes);
    if (auto s = store.value()->commit(log, w.revision()); !s) {
        std::fprintf(stderr, "programme_bench: commit: %s\n", s.error().message.c_str());
        std::exit(1);
    }
    // Reopened as at a start: the open includes PRAGMA quick_check over the whole file.
    store.value().reset();
    auto t_open = Clock::now();
    store = Store::open(dir);
    if (!store) std::exit(1);
    const double open_ms = ms_since(t_open);
    t_open = Clock::now();
    auto loaded = store.value()->load(catalog);
    if (!loaded) std::exit(1);
    const double load_ms = ms_since(t_open);
    Hub hub(*store.value(), std::move(loaded.value()));
    Result_ r;
    r.notes = static_cast<int>(hub.snapshot()->note_count());
    r.open_ms = open_ms;
    r.load_ms = load_ms;
    r.file_mib = static_cast<double>(std::filesystem::file_size(store.value()->path())) / (1024.0 * 1024.0);

    std::vector<double> commit, refused, poll, board;
    for (int i = 0; i < 200; ++i) {
        const Id phone = room.phones[static_cast<std::size_t>(i) % room.phones.size()];
        auto t = Clock::now();
        must(hub.submit(cmd::AddNote{phone, "bench-" + std::to_string(i), "En ny lapp fra telefonen", std::nullopt}),
             "a note");
        commit.push_back(ms_since(t));
        t = Clock::now();
        (void)hub.submit(cmd::AddNote{phone, "bench-empty-" + std::to_string(i), "   ", std::nullopt});  // text_empty
        refused.push_back(ms_since(t));
        const auto state = hub.snapshot();
        t = Clock::now();
        const ParticipantView v = view_for(*state, phone, t0);
        poll.push_back(ms_since(t));
        if (v.notes.empty()) std::fprintf(stderr, "programme_bench: a phone sees no notes\n");
        t = Clock::now();
        // The board of the group's last concluded run: a full board of about 46 notes.
        const ExerciseRun& shown = *state->project_log(room.focus_group).back();
        const BoardModel m =
            board_model_of(*state, shown, Language::nb, ui_strings(Language::nb), board_strings(Language::nb));
        board.push_back(ms_since(t));
        if (m.cards.empty()) std::fprintf(stderr, "programme_bench: an empty board\n");
    }
    r.commit = percentiles(commit);
    r.refused = percentiles(refused);
    r.poll = percentiles(poll);
    r.board = percentiles(board);
    r.rss = rss_mib();
    std::filesystem::remove_all(dir);
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    const int big = argc > 1 ? std::atoi(argv[1]) : 50'000;
    auto files = load_exercise_folder(std::filesystem::path(SAMLING_SOURCE_DIR) / "exercises");
    std::printf("programme: %d groups, %d phones each, %zu exercises x %d gatherings of runs\n", groups,
                phones_per_group, files.catalog->all().size(), gatherings);
    std::printf("%-8s %22s %22s %22s %22s %10s\n", "notes", "note committed p50/p99", "refused p50/p99",
                "poll view p50/p99", "board model p50/p99", "peak RSS");
    for (int notes : {1'000, big}) {
        const Result_ r = measure(notes, files.catalog);
        std::printf("%-8d %10.3f / %7.3f ms %10.3f / %7.3f ms %10.3f / %7.3f ms %10.3f / %7.3f ms %7ld MiB\n", r.notes,
                    r.commit.p50, r.commit.p99, r.refused.p50, r.refused.p99, r.poll.p50, r.poll.p99, r.board.p50,
                    r.board.p99, r.rss);
        std::printf("%-8s store %.1f MiB: open with quick_check %.1f ms, load %.1f ms\n", "", r.file_mib, r.open_ms,
                    r.load_ms);
    }
    return 0;
}
