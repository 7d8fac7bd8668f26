// The recover subcommand over store/recover: the salvage, then proof that the new store opens,
// passes quick_check and loads with the shipped exercises, then the counts in the facilitator's words.
#include "app/recover_command.hpp"

#include <iostream>

#include "app/exercise_files.hpp"
#include "app/paths.hpp"
#include "app/programme_choice.hpp"
#include "store/recover.hpp"
#include "store/store.hpp"
#include "ui/panels/room_strings.hpp"

namespace samling {
namespace {

int fail(const std::string& message) {
    std::cerr << "samling recover: " << message << std::endl;
    return 1;
}

std::string count(std::int64_t n, const char* what) {
    return std::to_string(n) + " " + what;
}

}  // namespace

int run_recover(const Options& o) {
    auto chosen = choose_programme_for(o, Missing::refuse);
    if (!chosen) return fail(chosen.error().message);
    const std::filesystem::path data_dir = chosen.value().dir;
    const std::filesystem::path out = o.recover->out;
    const auto exercise_dir = find_shipped("exercises");
    if (!exercise_dir) return fail("cannot find the exercises folder (set SAMLING_SHARE_DIR)");
    auto made = recover_store(data_dir, out, room_strings(o.language).recovered_group);
    if (!made) return fail(made.error().message);
    const RecoverReport& r = made.value();
    {
        // The same open and load a start does: quick_check, every table read to its end.
        auto store = Store::open(out);
        if (!store) return fail("the recovered store does not open: " + store.error().message);
        auto loaded = store.value()->load(load_exercise_folder(*exercise_dir).catalog);
        if (!loaded) return fail("the recovered store does not load: " + loaded.error().message);
    }
    std::cout << "samling recover: read " << (data_dir / Store::database_file).string() << ": "
              << (r.damaged_places == 0 ? std::string("no damaged place met")
                                        : count(r.damaged_places, "damaged places skipped"))
              << "\n";
    std::cout << "samling recover: " << out.string() << " now holds " << count(r.groups, "leader groups") << ", "
              << count(r.runs, "exercise runs") << ", " << count(r.notes, "notes") << ", "
              << count(r.participants, "participants") << ", " << count(r.votes, "votes") << ", "
              << count(r.themes, "themes") << ", " << count(r.conclusions, "conclusion fields") << ", "
              << count(r.gatherings, "gatherings") << ", " << count(r.pulse_answers, "pulse answers") << "\n";
    std::cout << "samling recover: known lost: " << count(r.notes_lost, "notes")
              << " (their exercise run was damaged), " << count(r.votes_lost, "votes") << ", "
              << count(r.themes_lost, "themes") << ", " << count(r.conclusions_lost, "conclusion fields") << ", "
              << count(r.other_lost, "other rows") << "; rows inside a damaged page cannot be counted\n";
    if (!r.unreadable_tables.empty()) {
        std::cout << "samling recover: not one row could be read from:";
        for (const auto& t : r.unreadable_tables) std::cout << " " << t;
        std::cout << "\n";
    }
    if (!r.recovered_group.empty())
        std::cout << "samling recover: " << count(r.rehomed, "runs and phones")
                  << " whose leader group was lost are in \"" << r.recovered_group << "\"\n";
    if (!r.room) std::cout << "samling recover: the room was lost: Samling makes a new one, and phones join again\n";
    std::cout << "samling recover: check it with samling --data-dir " << out.string()
              << ", then make it the programme: samling backup --data-dir " << out.string()
              << " --out FILE, samling restore FILE --replace" << std::endl;
    return 0;
}

}  // namespace samling
