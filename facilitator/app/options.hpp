// The command line (API.md, "Command line"), parsed into plain options. No side effects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

// `samling export --group NAME|--all --format md|html|csv|json|tents --out DIR`
struct ExportOptions {
    std::string group;  // empty with all
    bool all = false;
    std::string format;  // md, html, csv, json, or tents (printed table cards)
    std::string out;
    std::string wifi;  // tents: the Wi-Fi's name printed on the cards (--wifi); empty: "the same network"
};

// `samling backup --out FILE` and `samling restore FILE [--replace]`
struct BackupOptions {
    std::string out;
};
struct RestoreOptions {
    std::string file;
    bool replace = false;
};

// `samling recover --out DIR2` and `samling delete --group NAME --yes [--with-backups]`
struct RecoverOptions {
    std::string out;
};
struct DeleteOptions {
    std::string group;
    bool yes = false;
    bool with_backups = false;
};
// `samling delete --programme NAME --yes`
struct DeleteProgrammeOptions {
    bool yes = false;
};

struct Options {
    std::string data_dir;   // empty: the platform default
    std::string programme;  // --programme NAME: which programme of the data folder; empty: the last opened
    std::string host = "0.0.0.0";
    int port = 8765;
    bool headless = false;
    bool demo = false;
    bool fresh_store = false;  // --new: an empty store file may become a new room
    Language language = Language::nb;
    std::string screenshot;  // PNG path, or empty
    // --presenter / --no-presenter: the presenter window on the laptop's screen beside the
    // projector's; unset: with two monitors or more. --screenshot-presenter FILE.png forces it.
    std::optional<bool> presenter;
    std::string screenshot_presenter;          // PNG path of the presenter window, or empty
    int control_port = -1;                     // -1: no control surface; 0: any free port on 127.0.0.1
    std::optional<ExportOptions> export_logs;  // set: export and exit, no server, no window
    std::optional<BackupOptions> backup;       // set: write a backup and exit
    std::optional<RestoreOptions> restore;     // set: restore a backup and exit
    // set: salvage a damaged store into a new folder, or delete a leader group for good, and exit
    std::optional<RecoverOptions> recover;
    std::optional<DeleteOptions> delete_group;
    std::optional<DeleteProgrammeOptions> delete_programme;  // set: delete --programme NAME and exit
    // --retention-months N: set the programme's retention at start (-1: leave it as it is)
    int retention_months = -1;
    bool help = false;
    bool version = false;
    std::vector<std::string> args;  // as given, for starting again on another programme
};

// Parses argv (without the program name). Errors name the offending option.
Result<Options> parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace samling
