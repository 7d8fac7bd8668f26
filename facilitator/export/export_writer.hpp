// Exports leader groups' project logs into a folder: Markdown (with images beside it),
// self-contained HTML (with index.html and one report per gathering), CSV or JSON of the
// notes. Reads a const Workshop and the snapshot folder; writes only inside `out`, each file
// replaced atomically. Errors as values; no exception escapes. No ImGui, HTTP or SQLite.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/workshop.hpp"

namespace samling {

struct ExportRequest {
    enum Format { markdown, html, csv, json };
    std::vector<Id> groups;  // empty: every group
    Format format = html;
    std::filesystem::path out;
    std::filesystem::path snapshots_dir;  // where run-<id>.png pictures are; may be empty
    Language language = Language::nb;
    Timestamp now = 0;  // the export's date, printed on every report
    // Called after each group's files are rendered (done of total groups), on the exporting
    // thread; may be empty.
    std::function<void(int done, int total)> progress;
};

// Largest snapshot picture an export copies or embeds.
inline constexpr std::uintmax_t max_snapshot_bytes = 32u << 20;

// Each group's file-name stem ("oppvekst-nordvik" → oppvekst-nordvik.html, -notes.csv...),
// from every group in the workshop so a name does not change with the groups exported. Two
// groups never share one, and no group can become index.html or a gathering report.
std::map<Id, std::string> export_file_stems(const Workshop& w);

Status export_logs(const Workshop& w, const ExportRequest& request);

}  // namespace samling
