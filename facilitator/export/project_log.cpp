// Builds the exported project log and the note rows from a const Workshop. No exercise is
// special here: everything comes from the definitions' steps, zones and fields.
#include "export/project_log.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "export/encoding.hpp"
#include "export/report_strings.hpp"

namespace samling {
namespace {

std::optional<GatheringInfo> gathering_info(const Workshop& w, Id id) {
    const Gathering* g = w.gathering(id);
    if (!g) return std::nullopt;
    return GatheringInfo{g->id, g->number, g->title, g->date};
}

std::string zone_label(const ExerciseDefinition* def, const std::string& zone, Language lang) {
    const Zone* z = def ? def->zone(zone) : nullptr;
    return z ? z->label.in(lang) : std::string(report_strings(lang).other_notes);
}

}  // namespace

std::string shown_value(const NoteFieldDefinition& f, const std::string& value, Language lang) {
    return f.kind == NoteFieldDefinition::Kind::date ? encode::long_date(value, report_strings(lang)) : value;
}

namespace {

// A note field's label: from the step the note was written in, else any step, else its id.
std::string note_field_label(const ExerciseDefinition* def, int step, const std::string& id, Language lang) {
    if (!def) return id;
    const auto find_in = [&](const Step& s) -> const NoteFieldDefinition* {
        for (const NoteFieldDefinition& f : s.note_fields)
            if (f.id == id) return &f;
        return nullptr;
    };
    if (step >= 0 && static_cast<std::size_t>(step) < def->steps.size())
        if (const auto* f = find_in(def->steps[static_cast<std::size_t>(step)])) return f->label.in(lang);
    for (const Step& s : def->steps)
        if (const auto* f = find_in(s)) return f->label.in(lang);
    return id;
}

std::vector<LabelledText> labelled_fields(const ExerciseDefinition* def, const Note& n, Language lang) {
    std::vector<LabelledText> out;
    std::set<std::string> done;
    // The step's own order first, then any field the definition no longer names.
    if (def && n.step >= 0 && static_cast<std::size_t>(n.step) < def->steps.size())
        for (const NoteFieldDefinition& f : def->steps[static_cast<std::size_t>(n.step)].note_fields)
            if (auto it = n.fields.find(f.id); it != n.fields.end() && !it->second.empty()) {
                out.push_back({f.id, f.label.in(lang), shown_value(f, it->second, lang)});
                done.insert(f.id);
            }
    for (const auto& [id, value] : n.fields)
        if (!done.count(id) && !value.empty()) out.push_back({id, note_field_label(def, n.step, id, lang), value});
    return out;
}

// The live note a chain link points at: a parent merged into another note is that note.
Id live_parent(const Workshop& w, const Note& n) {
    Id p = n.parent;
    for (int guard = 0; p != 0 && guard < 64; ++guard) {
        const Note* parent = w.note(p);
        if (!parent || parent->deleted) return 0;
        if (parent->merged_into == 0) return p;
        p = parent->merged_into;
    }
    return 0;
}

void collect_chains(const std::map<Id, std::vector<const Note*>>& children, const Note& from,
                    std::vector<std::string>& path, std::vector<std::vector<std::string>>& out) {
    path.push_back(from.text);
    const auto it = children.find(from.id);
    if (it == children.end() || path.size() > 16) {
        if (path.size() > 1) out.push_back(path);
    } else {
        for (const Note* child : it->second) collect_chains(children, *child, path, out);
    }
    path.pop_back();
}

LogEntry entry_of(const Workshop& w, const ExerciseRun& run, Language lang, const std::filesystem::path& snapshots) {
    LogEntry e;
    e.run = run.id;
    e.exercise = run.exercise;
    e.gathering = gathering_info(w, run.gathering);
    e.concluded_at = run.concluded_at;
    const ExerciseDefinition* def = w.definition(run);
    e.title = def ? def->title.in(lang) : run.exercise;
    e.purpose = def ? def->purpose.in(lang) : std::string();
    if (def)
        for (const Step& step : def->steps)
            for (const FieldDefinition& f : step.fields)
                if (const std::string& text = w.conclusion(run.id, f.id); !text.empty())
                    e.conclusion.push_back({f.id, f.label.in(lang), text});

    const std::vector<const Note*> notes = w.notes_of_run(run.id);
    std::vector<VotedNote> voted;
    for (const Note* n : notes)
        if (const int dots = w.dots_on(n->id); dots > 0)
            voted.push_back({n->id, n->text, dots, zone_label(def, n->zone, lang)});
    std::stable_sort(voted.begin(), voted.end(),
                     [](const VotedNote& a, const VotedNote& b) { return a.dots > b.dots; });
    if (voted.size() > top_voted_count) voted.resize(top_voted_count);
    e.top_voted = std::move(voted);

    // The board: zones in the layout's order, then notes outside them; answers to "why?"
    // are printed as chains under their cause instead.
    std::vector<std::string> zone_order;
    if (def)
        for (const Zone& z : def->zones) zone_order.push_back(z.id);
    for (const Note* n : notes)
        if (std::find(zone_order.begin(), zone_order.end(), n->zone) == zone_order.end()) zone_order.push_back(n->zone);
    const std::vector<const Cluster*> clusters = w.clusters_of_run(run.id);
    std::map<Id, std::vector<const Note*>> children;
    for (const Note* n : notes)
        if (const Id p = live_parent(w, *n)) children[p].push_back(n);
    for (const std::string& zone : zone_order) {
        BoardZone bz{zone, zone_label(def, zone, lang), {}, {}};
        const auto board_note = [&](const Note& n) {
            return ReportNote{n.id, n.text, w.dots_on(n.id), w.merged_count(n.id), labelled_fields(def, n, lang)};
        };
        for (const Cluster* c : clusters) {
            if (c->zone != zone) continue;
            BoardCluster bc{c->name, {}};
            for (const Note* n : notes)
                if (n->cluster == c->id && live_parent(w, *n) == 0) bc.notes.push_back(board_note(*n));
            if (!bc.notes.empty()) bz.clusters.push_back(std::move(bc));
        }
        for (const Note* n : notes) {
            const bool clustered = n->cluster != 0 && w.cluster(n->cluster) && w.cluster(n->cluster)->zone == zone;
            if (n->zone == zone && !clustered && live_parent(w, *n) == 0) bz.unclustered.push_back(board_note(*n));
        }
        if (!bz.clusters.empty() || !bz.unclustered.empty()) e.board.push_back(std::move(bz));
    }
    for (const Note* n : notes)
        if (live_parent(w, *n) == 0 && children.count(n->id)) {
            std::vector<std::string> path;
            collect_chains(children, *n, path, e.why_chains);
        }

    std::error_code ec;
    if (!snapshots.empty() && std::filesystem::is_regular_file(snapshot_file(snapshots, run.id), ec))
        e.snapshot = snapshot_file(snapshots, run.id);
    return e;
}

}  // namespace

std::filesystem::path snapshot_file(const std::filesystem::path& snapshots_dir, Id run) {
    return snapshots_dir / ("run-" + std::to_string(run) + ".png");
}

ProjectLog build_project_log(const Workshop& w, Id group, Language lang, const std::filesystem::path& snapshots_dir) {
    ProjectLog log;
    log.group = group;
    log.language = lang;
    log.programme = w.programme();
    for (const auto& [id, g] : w.gatherings()) log.gatherings.push_back({g.id, g.number, g.title, g.date});
    std::sort(log.gatherings.begin(), log.gatherings.end(),
              [](const GatheringInfo& a, const GatheringInfo& b) { return a.number < b.number; });
    const LeaderGroup* g = w.group(group);
    if (!g) return log;
    log.group_name = g->name;
    log.services = g->services;
    log.project = g->project;
    for (const ExerciseRun* run : w.project_log(group)) log.entries.push_back(entry_of(w, *run, lang, snapshots_dir));
    log.pulses = pulse_history(w, group);
    log.measures = measure_history(w, group);
    log.indicators = indicator_history(w, log.measures);
    log.pulse_threshold = effective_threshold(w.pulse_threshold());
    return log;
}

std::vector<NoteRow> note_rows(const Workshop& w, Id group, Language lang) {
    std::vector<NoteRow> rows;
    // The group's notes, oldest first, whatever run each belongs to.
    std::vector<const Note*> notes;
    for (const ExerciseRun* run : w.runs_of(group))
        for (const auto& [id, n] : w.notes_in_run(run->id))
            if (!n.deleted) notes.push_back(&n);
    std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) { return a->id < b->id; });
    for (const Note* note : notes) {
        const Note& n = *note;
        const ExerciseRun& run = w.runs().at(n.run);
        const ExerciseDefinition* def = w.definition(run);
        NoteRow r;
        if (const Gathering* g = w.gathering(run.gathering)) {
            r.gathering_number = g->number;
            r.gathering_title = g->title;
        }
        r.exercise = run.exercise;
        r.run = run.id;
        r.note = n.id;
        if (def && n.step >= 0 && static_cast<std::size_t>(n.step) < def->steps.size())
            r.step = def->steps[static_cast<std::size_t>(n.step)].id;
        r.zone = n.zone;
        r.zone_label = n.zone.empty() ? std::string() : zone_label(def, n.zone, lang);
        if (const Cluster* c = w.cluster(n.cluster)) r.cluster = c->name;
        r.parent = n.parent;
        r.merged_into = n.merged_into;
        r.text = n.text;
        r.fields = n.fields;
        r.dots = w.dots_on(n.id);
        r.merged_count = w.merged_count(n.id);
        r.created_at = n.created_at;
        r.updated_at = n.updated_at;
        r.concluded = run.concluded_at != 0;
        rows.push_back(std::move(r));
    }
    // By run, then by note: the map's order is by note id, which already follows time.
    std::stable_sort(rows.begin(), rows.end(), [](const NoteRow& a, const NoteRow& b) { return a.run < b.run; });
    return rows;
}

std::vector<ReportSection> log_sections(const ProjectLog& log) {
    std::vector<ReportSection> out;
    for (const LogEntry& e : log.entries) {
        const auto same = [&](const ReportSection& sec) {
            return sec.gathering.has_value() == e.gathering.has_value() &&
                   (!e.gathering || sec.gathering->id == e.gathering->id);
        };
        auto it = std::find_if(out.begin(), out.end(), same);
        if (it == out.end()) it = out.insert(out.end(), ReportSection{e.gathering, {}});
        it->entries.push_back(&e);
    }
    return out;
}

}  // namespace samling
