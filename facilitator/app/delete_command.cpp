// The delete subcommand: the store's erase (rows, VACUUM, WAL emptied), then the files that
// name the group's runs or its export stem, then the exports' shared pages rebuilt without it,
// then the backups: named, or rewritten with --with-backups.
#include "app/delete_command.hpp"

#include "app/programme_choice.hpp"

#include <chrono>
#include <iostream>

#include "app/exercise_files.hpp"
#include "app/paths.hpp"
#include "core/text.hpp"
#include "export/export_writer.hpp"
#include "store/erase_group.hpp"
#include "store/store.hpp"

namespace samling {
namespace fs = std::filesystem;
namespace {

int fail(const std::string& message) {
    std::cerr << "samling delete: " << message << std::endl;
    return 1;
}

std::string listed(const std::vector<fs::path>& files) {
    std::string out;
    for (const auto& f : files) out += (out.empty() ? "" : ", ") + f.string();
    return out;
}

// The files `samling export` and the X key write for one group, by its stem (export_writer).
int remove_group_exports(const fs::path& exports, const std::string& stem) {
    int removed = 0;
    std::error_code ec;
    for (const std::string& name :
         {stem + ".html", stem + ".md", stem + "-notes.csv", stem + ".json", stem + "-images"})
        if (fs::exists(exports / name, ec)) removed += fs::remove_all(exports / name, ec) > 0 ? 1 : 0;
    return removed;
}

bool has_shared_pages(const fs::path& exports) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(exports, ec)) {
        const std::string name = e.path().filename().string();
        if (name == "index.html" || (name.starts_with("gathering-") && name.ends_with(".html"))) return true;
    }
    return false;
}

}  // namespace

int run_delete_group(const Options& o) {
    const DeleteOptions& d = *o.delete_group;
    auto chosen = choose_programme_for(o, Missing::refuse);
    if (!chosen) return fail(chosen.error().message);
    const fs::path data_dir = chosen.value().dir;
    if (Store::in_use(data_dir))
        return fail("Samling is running on " + data_dir.string() + ": close it, then delete the group");
    if (!fs::is_regular_file(data_dir / Store::database_file)) return fail("no Samling store in " + data_dir.string());
    const auto exercise_dir = find_shipped("exercises");
    if (!exercise_dir) return fail("cannot find the exercises folder (set SAMLING_SHARE_DIR)");
    const auto catalog = load_exercise_folder(*exercise_dir).catalog;

    auto store = Store::open(data_dir);
    if (!store) return fail(store.error().message);
    auto before = store.value()->load(catalog);
    if (!before) return fail(before.error().message);
    const std::string wanted = text::name_key(d.group);
    Id group = 0;
    for (const auto& [id, g] : before->groups())
        if (group == 0 && text::name_key(g.name) == wanted) group = id;

    std::string name = d.group;
    if (group != 0) {
        const std::string stem = export_file_stems(before.value()).at(group);
        auto erased = store.value()->erase_group(d.group);
        if (!erased) return fail(erased.error().message);
        const ErasedGroup& e = erased.value();
        name = e.name;
        int pictures = 0;
        std::error_code ec;
        for (Id run : e.run_ids)
            pictures += fs::remove(data_dir / "snapshots" / ("run-" + std::to_string(run) + ".png"), ec) ? 1 : 0;
        const fs::path exports = data_dir / "exports";
        const int export_files = remove_group_exports(exports, stem);
        bool rebuilt = false;
        if (has_shared_pages(exports)) {
            // index.html and the gathering reports list every group: written again without it.
            auto after = store.value()->load(catalog);
            if (!after) return fail(after.error().message);
            ExportRequest request;
            request.format = ExportRequest::html;
            request.out = exports;
            request.snapshots_dir = data_dir / "snapshots";
            request.language = o.language;
            request.now = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
            if (auto s = export_logs(after.value(), request); !s)
                return fail("the group is deleted, but the exports' index could not be rewritten: " +
                            s.error().message);
            rebuilt = true;
        }
        std::cout << "samling delete: deleted leader group \"" << name << "\" from " << store.value()->path().string()
                  << ": " << e.notes << " notes, " << e.runs << " exercise runs, " << e.participants
                  << " participants (their phones' tokens no longer work), " << e.votes << " votes; " << pictures
                  << " board pictures; " << export_files << " export files in " << exports.string()
                  << (rebuilt ? " (index and gathering reports rewritten without it)" : "")
                  << "; the store vacuumed, no deleted text left in it" << std::endl;
    } else if (!d.with_backups) {
        std::string names;
        for (const auto& [id, g] : before->groups()) names += (names.empty() ? "" : ", ") + g.name;
        return fail("no leader group named \"" + d.group + "\" (groups: " + (names.empty() ? "none" : names) +
                    "); to clean backups of a group deleted earlier, add --with-backups");
    }
    store.value().reset();  // closed: the last connection removes the (empty) WAL

    const auto holding = backups_holding_group(data_dir, d.group);
    if (holding.empty()) {
        std::cout << "samling delete: no backup in " << (data_dir / "backups").string() << " holds \"" << name << "\""
                  << std::endl;
    } else if (!d.with_backups) {
        std::cout << "samling delete: " << holding.size() << " backups still hold \"" << name
                  << "\": " << listed(holding)
                  << ". Delete them, or run again with --with-backups to rewrite them without it" << std::endl;
    } else {
        for (const auto& file : holding)
            if (auto s = erase_group_from_backup(file, d.group); !s) return fail(s.error().message);
        std::cout << "samling delete: rewrote " << holding.size() << " backups without \"" << name
                  << "\": " << listed(holding) << std::endl;
    }
    std::cout << "samling delete: exports written elsewhere (samling export --out) and copies on other disks are "
                 "not known to Samling: delete those by hand"
              << std::endl;
    return 0;
}

}  // namespace samling
