// Which programme a session or a command works on (--programme, --data-dir, --demo, the last
// one opened), the projector picker's shelf over the data folder's catalogue, starting again
// on another programme, and `samling delete --programme`.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "app/options.hpp"
#include "core/result.hpp"
#include "ui/programme/programme_shelf.hpp"

namespace samling {

struct ChosenProgramme {
    std::filesystem::path dir;   // the programme's own folder: store, backups/, snapshots/, exports/
    std::filesystem::path data;  // the data folder with the catalogue; empty: one programme only
    std::string folder, name;    // its catalogue entry; empty with one programme only
};

// What may happen when the data folder has no programme yet (or not the one named).
enum class Missing { refuse, make_first, make_named };

// --demo: the demo's own folder, never in a catalogue. --programme NAME: that programme of the
// data folder (--data-dir or the default). --data-dir DIR alone: DIR's last programme when DIR
// holds a catalogue, else DIR is one programme's folder, as before there were several.
// Neither: the default data folder's last programme.
Result<ChosenProgramme> choose_programme_for(const Options& o, Missing missing);

// The picker's programmes: the catalogue of `data`, the open one marked.
class CatalogueShelf : public ProgrammeShelf {
public:
    CatalogueShelf(std::filesystem::path data, std::string current)
        : data_(std::move(data)), current_(std::move(current)) {}
    std::vector<ProgrammeListing> list() override;
    Result<std::string> create(const std::string& name) override;
    Status rename(const std::string& folder, const std::string& name) override;
    Status archive(const std::string& folder, bool archived) override;
    Result<RemovedProgramme> remove(const std::string& folder) override;
    void open(const std::string& folder) override;

    std::optional<std::string> requested() const;  // the folder open() asked for

private:
    std::filesystem::path data_;
    std::string current_;
    mutable std::mutex mu_;  // open() is called on the UI thread, requested() by the loop's should_stop
    std::optional<std::string> requested_;
};

// Runs samling again on the same arguments, --programme FOLDER instead of any given: every part
// starts fresh on the other store, nothing of the first kept in memory. On POSIX the process is
// replaced and this returns only on failure; on Windows it returns the new run's exit code.
Result<int> start_again_on(const std::vector<std::string>& args, const std::string& folder);

// `samling delete --programme NAME --yes`.
int run_delete_programme(const Options& o);

}  // namespace samling
