// The backup and restore subcommands over store/backup: the data folder by default, the
// facilitator's own words for what a file holds.
#include "app/backup_command.hpp"

#include <iostream>

#include "app/programme_choice.hpp"
#include "store/backup.hpp"

namespace samling {
namespace {

std::string holds(const BackupInfo& info) {
    return std::to_string(info.groups) + " leader groups, " + std::to_string(info.runs) + " exercise runs, " +
           std::to_string(info.notes) + " notes, " + std::to_string(info.participants) + " participants (" +
           std::to_string((info.bytes + 1023) / 1024) + " KiB)";
}

}  // namespace

int run_backup(const Options& o) {
    auto chosen = choose_programme_for(o, Missing::refuse);
    if (!chosen) {
        std::cerr << "samling backup: " << chosen.error().message << std::endl;
        return 1;
    }
    auto made = backup_store(chosen.value().dir, o.backup->out);
    if (!made) {
        std::cerr << "samling backup: " << made.error().message << std::endl;
        return 1;
    }
    std::cout << "samling backup: " << o.backup->out << " holds " << holds(made.value()) << std::endl;
    return 0;
}

int run_restore(const Options& o) {
    // Onto a new laptop: the programme named is made, or the first one.
    auto chosen = choose_programme_for(o, o.programme.empty() ? Missing::make_first : Missing::make_named);
    if (!chosen) {
        std::cerr << "samling restore: " << chosen.error().message << std::endl;
        return 1;
    }
    const auto dir = chosen.value().dir;
    auto put = restore_store(o.restore->file, dir, o.restore->replace);
    if (!put) {
        std::cerr << "samling restore: " << put.error().message << std::endl;
        return 1;
    }
    std::cout << "samling restore: " << dir.string() << " now holds " << holds(put.value()) << std::endl;
    return 0;
}

}  // namespace samling
