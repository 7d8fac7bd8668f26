// The export's plan: choose names, render everything in memory, then write each file
// atomically, pictures first so a log never links to a picture that is not there yet.
#include "export/export_writer.hpp"

#include <algorithm>
#include <set>

#include "export/atomic_file.hpp"
#include "export/gathering_report.hpp"
#include "export/indicator_chart.hpp"
#include "export/measure_figures.hpp"
#include "export/pulse_chart.hpp"
#include "export/pulse_figures.hpp"
#include "export/renderers.hpp"
#include "export/slug.hpp"

namespace samling {
namespace {

namespace fs = std::filesystem;

struct OutFile {
    std::string subdir;  // "" or the images folder's name
    std::string name;
    std::string contents;
};

// Creates out/sub (if needed) and checks its real parent is out: a symlink named like an
// images folder must not carry pictures elsewhere.
Result<fs::path> folder_inside(const fs::path& out, const std::string& sub) {
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(out, ec);
    if (ec) return make_error(Errc::storage_failed, "Cannot resolve " + out.string() + ": " + ec.message());
    if (sub.empty()) return root;
    if (!is_plain_file_name(sub)) return make_error(Errc::invalid_request, "Not a plain folder name: " + sub);
    const fs::path dir = root / sub;
    fs::create_directory(dir, ec);
    if (ec) return make_error(Errc::storage_failed, "Cannot create " + dir.string() + ": " + ec.message());
    const fs::path real = fs::weakly_canonical(dir, ec);
    if (ec || real.parent_path() != root || !fs::is_directory(real, ec))
        return make_error(Errc::invalid_request, "Refusing to write outside the export folder: " + dir.string());
    return real;
}

// Pictures of runs, pulses or indicators no longer in the log would otherwise linger from an
// earlier export.
void remove_stale_pictures(const fs::path& dir, const std::set<std::string>& keep) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool ours = name.starts_with("run-") || name.starts_with("pulse-") || name.starts_with("indicator-");
        if (ours && name.ends_with(".png") && !keep.count(name) && it->is_regular_file(ec)) fs::remove(it->path(), ec);
    }
}

Result<std::vector<OutFile>> plan(const Workshop& w, const ExportRequest& r, const std::vector<Id>& groups) {
    std::vector<OutFile> files;
    const std::map<Id, std::string> stems = export_file_stems(w);
    std::vector<IndexLink> links;
    int done = 0;
    for (Id id : groups) {
        const std::string& stem = stems.at(id);
        const ProjectLog log = build_project_log(w, id, r.language, r.snapshots_dir);
        switch (r.format) {
            case ExportRequest::markdown: {
                const std::string images = stem + "-images";
                for (const LogEntry& e : log.entries) {
                    if (e.snapshot.empty()) continue;
                    auto png = read_whole_file(e.snapshot, max_snapshot_bytes);
                    if (!png) return png.error();
                    files.push_back({images, snapshot_name(e.run), std::move(png.value())});
                }
                for (const PulseSeries& series : log.pulses)
                    files.push_back({images, pulse_chart_name(series),
                                     pulse_chart_png(series, report_strings(r.language), r.language)});
                for (const IndicatorSeries& series : log.indicators)
                    files.push_back({images, indicator_chart_name(series),
                                     chart_png(indicator_chart(series, report_strings(r.language), r.language))});
                files.push_back({"", stem + ".md", render_markdown(log, r.now, images)});
                break;
            }
            case ExportRequest::html: {
                std::map<Id, std::string> pngs;
                for (const LogEntry& e : log.entries) {
                    if (e.snapshot.empty()) continue;
                    auto png = read_whole_file(e.snapshot, max_snapshot_bytes);
                    if (!png) return png.error();
                    pngs[e.run] = std::move(png.value());
                }
                files.push_back({"", stem + ".html", render_html(log, r.now, pngs)});
                links.push_back({log.group_name, log.services, log.project, stem + ".html", log.entries.size()});
                break;
            }
            case ExportRequest::csv:
                files.push_back({"", stem + "-notes.csv", render_csv(note_rows(w, id, r.language))});
                if (!log.pulses.empty())
                    files.push_back(
                        {"", stem + "-pulses.csv", render_pulse_csv(pulse_figures(log.pulses, r.language))});
                if (!log.measures.empty())
                    files.push_back({"", stem + "-measures.csv", render_measure_csv(log.measures)});
                if (!log.indicators.empty())
                    files.push_back({"", stem + "-indicators.csv", render_indicator_csv(log.indicators)});
                break;
            case ExportRequest::json:
                files.push_back({"", stem + ".json", render_json(log, note_rows(w, id, r.language), r.now)});
                break;
        }
        if (r.progress) r.progress(++done, static_cast<int>(groups.size()));
    }
    if (r.format == ExportRequest::html) {
        const ProjectLog frame = build_project_log(w, 0, r.language, {});  // the programme and its gatherings
        for (const GatheringInfo& g : frame.gatherings)
            files.push_back({"", gathering_file_name(g.number),
                             render_gathering_report(build_gathering_report(w, g.id, groups, r.language), r.now)});
        files.push_back({"", "index.html", render_index(frame.programme, frame.gatherings, links, r.language, r.now)});
    }
    return files;
}

Status run_export(const Workshop& w, const ExportRequest& r) {
    if (r.out.empty()) return make_error(Errc::invalid_request, "No export folder given.");
    std::vector<Id> groups;
    if (r.groups.empty()) {
        for (const auto& [id, g] : w.groups()) groups.push_back(id);
    } else {
        for (Id id : r.groups) {
            if (!w.group(id)) return make_error(Errc::group_not_found, "No leader group " + std::to_string(id) + ".");
            if (std::find(groups.begin(), groups.end(), id) == groups.end()) groups.push_back(id);
        }
    }
    // Render everything before the first write: a failure leaves the folder as it was.
    auto files = plan(w, r, groups);
    if (!files) return files.error();

    std::error_code ec;
    fs::create_directories(r.out, ec);
    if (ec || !fs::is_directory(r.out, ec))
        return make_error(Errc::storage_failed, "Cannot create the export folder " + r.out.string());
    std::map<std::string, std::set<std::string>> pictures;  // images folder -> its files
    std::stable_partition(files->begin(), files->end(), [](const OutFile& f) { return !f.subdir.empty(); });
    for (const OutFile& f : files.value()) {
        auto dir = folder_inside(r.out, f.subdir);
        if (!dir) return dir.error();
        if (Status s = write_file_atomically(dir.value(), f.name, f.contents); !s) return s;
        if (!f.subdir.empty()) pictures[dir.value().string()].insert(f.name);
    }
    if (r.format == ExportRequest::markdown) {
        const std::map<Id, std::string> stems = export_file_stems(w);
        for (Id id : groups) {
            const fs::path dir = fs::weakly_canonical(r.out, ec) / (stems.at(id) + "-images");
            if (!ec && fs::is_directory(dir, ec) && fs::weakly_canonical(dir, ec).parent_path() == dir.parent_path())
                remove_stale_pictures(dir, pictures[dir.string()]);
        }
    }
    return Ok{};
}

}  // namespace

std::map<Id, std::string> export_file_stems(const Workshop& w) {
    std::vector<std::pair<Id, std::string>> all;
    for (const auto& [id, g] : w.groups()) all.emplace_back(id, g.name);
    std::vector<std::string> reserved = {"index"};
    for (const auto& [id, g] : w.gatherings()) reserved.push_back("gathering-" + std::to_string(g.number));
    return unique_slugs(all, reserved);
}

Status export_logs(const Workshop& w, const ExportRequest& request) {
    try {
        return run_export(w, request);
    } catch (const std::exception& e) {  // bad_alloc, or a library's surprise: never past here
        return make_error(Errc::storage_failed, std::string("Export failed: ") + e.what());
    } catch (...) {
        return make_error(Errc::storage_failed, "Export failed.");
    }
}

}  // namespace samling
