// Builds and prints a gathering's report. The order of a group's runs comes from the
// gathering's agenda (the arc the facilitator planned), not from exercise ids in code.
#include "export/gathering_report.hpp"

#include <algorithm>

#include "core/carry_over.hpp"
#include "export/change_section.hpp"
#include "export/encoding.hpp"
#include "export/html_page.hpp"

namespace samling {
namespace {

using encode::html;

// Notes with note fields, one table per zone, columns in the definition's field order.
std::vector<FieldTable> field_tables(const Workshop& w, const ExerciseRun& run, Language lang) {
    const ExerciseDefinition* def = w.definition(run);
    std::vector<const NoteFieldDefinition*> defined;
    if (def)
        for (const Step& s : def->steps)
            for (const NoteFieldDefinition& f : s.note_fields)
                if (std::none_of(defined.begin(), defined.end(), [&](auto* d) { return d->id == f.id; }))
                    defined.push_back(&f);
    std::vector<std::pair<std::string, std::vector<const Note*>>> by_zone;
    for (const Note* n : w.notes_of_run(run.id)) {
        if (std::all_of(n->fields.begin(), n->fields.end(), [](const auto& f) { return f.second.empty(); })) continue;
        auto it = std::find_if(by_zone.begin(), by_zone.end(), [&](const auto& z) { return z.first == n->zone; });
        if (it == by_zone.end()) it = by_zone.insert(by_zone.end(), {n->zone, {}});
        it->second.push_back(n);
    }
    std::vector<FieldTable> out;
    for (const auto& [zone, notes] : by_zone) {
        std::vector<std::string> ids;  // the fields these notes use: defined ones first, in order
        for (const auto* f : defined)
            if (std::any_of(notes.begin(), notes.end(), [&](const Note* n) { return n->fields.count(f->id); }))
                ids.push_back(f->id);
        for (const Note* n : notes)
            for (const auto& [id, value] : n->fields)
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        FieldTable t;
        const Zone* z = def ? def->zone(zone) : nullptr;
        t.heading = z ? z->label.in(lang) : std::string(report_strings(lang).details);
        t.columns.push_back(t.heading);
        for (const std::string& id : ids) {
            const auto d = std::find_if(defined.begin(), defined.end(), [&](auto* f) { return f->id == id; });
            t.columns.push_back(d != defined.end() ? (*d)->label.in(lang) : id);
        }
        for (const Note* n : notes) {
            std::vector<std::string> row{n->text};
            for (const std::string& id : ids) {
                const auto v = n->fields.find(id);
                const auto d = std::find_if(defined.begin(), defined.end(), [&](auto* f) { return f->id == id; });
                if (v == n->fields.end())
                    row.emplace_back();
                else
                    row.push_back(d != defined.end() ? shown_value(**d, v->second, lang) : v->second);
            }
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
    return out;
}

// What a run built on, so a gathering's report read alone says what its measures answer: a
// carried conclusion as it is, carried notes one line each with their fields' values.
std::vector<LabelledText> builds_on(const Workshop& w, const ExerciseRun& run, Language lang) {
    std::vector<LabelledText> out;
    for (const CarriedItem& item : carried_into(w, run)) {
        std::string text = item.text;
        for (const CarriedNote& n : item.notes) {
            std::string details;
            for (const auto& [field, value] : n.fields)
                details += (details.empty() ? "" : ", ") + shown_value(*field, value, lang);
            text += (text.empty() ? "" : "\n") + n.note->text + (details.empty() ? "" : " (" + details + ")");
        }
        out.push_back(
            {item.source->field.empty() ? item.source->zone : item.source->field, item.source->label.in(lang), text});
    }
    return out;
}

}  // namespace

GatheringReport build_gathering_report(const Workshop& w, Id gathering, const std::vector<Id>& groups, Language lang) {
    GatheringReport r;
    r.programme = w.programme();
    r.language = lang;
    r.pulse_threshold = effective_threshold(w.pulse_threshold());
    if (const Gathering* g = w.gathering(gathering)) r.gathering = {g->id, g->number, g->title, g->date};
    const std::vector<std::string>& agenda = w.agenda(gathering);
    const auto agenda_pos = [&](const std::string& exercise) {
        return static_cast<std::size_t>(std::find(agenda.begin(), agenda.end(), exercise) - agenda.begin());
    };
    for (Id id : groups) {
        const LeaderGroup* g = w.group(id);
        if (!g) continue;
        ReportGroup rg{id,
                       g->name,
                       g->services,
                       g->project,
                       {},
                       pulses_up_to(pulse_history(w, id), r.gathering.number),
                       measures_up_to(measure_history(w, id), r.gathering.number),
                       indicators_up_to(indicator_history(w, id), r.gathering.number)};
        std::vector<const ExerciseRun*> runs;
        for (const ExerciseRun* run : w.project_log(id))
            if (run->gathering == gathering) runs.push_back(run);
        std::stable_sort(runs.begin(), runs.end(), [&](const ExerciseRun* a, const ExerciseRun* b) {
            return agenda_pos(a->exercise) < agenda_pos(b->exercise);
        });
        for (const ExerciseRun* run : runs) {
            const ExerciseDefinition* def = w.definition(*run);
            ReportRun rr{run->id,
                         run->exercise,
                         def ? def->title.in(lang) : run->exercise,
                         builds_on(w, *run, lang),
                         {},
                         field_tables(w, *run, lang)};
            if (def)
                for (const Step& step : def->steps)
                    for (const FieldDefinition& f : step.fields)
                        if (const std::string& text = w.conclusion(run->id, f.id); !text.empty())
                            rr.conclusion.push_back({f.id, f.label.in(lang), text});
            rg.runs.push_back(std::move(rr));
        }
        r.groups.push_back(std::move(rg));
    }
    return r;
}

std::string render_gathering_report(const GatheringReport& r, Timestamp now) {
    const ReportStrings& s = report_strings(r.language);
    std::string heading = gathering_name(s, r.gathering.number);
    if (!r.gathering.title.empty()) heading += " — " + r.gathering.title;
    std::string kicker(s.gathering_report);
    if (!r.programme.empty()) kicker += " · " + r.programme;
    std::vector<MetaLine> meta;
    if (!r.programme.empty()) meta.push_back({s.programme, r.programme});
    meta.push_back(
        {s.gathering, r.gathering.date.empty() ? std::string(s.no_date) : encode::long_date(r.gathering.date, s)});
    meta.push_back({s.exported, encode::long_date(encode::iso_date(now), s)});
    std::string body = html_title_block(kicker, heading, meta);

    for (const ReportGroup& g : r.groups) {
        body += "<section class=\"group-report\">\n<h2>" + html(g.name) + "</h2>\n";
        std::string about;
        if (!g.services.empty()) about += html(s.services) + ": " + html(g.services);
        if (!g.project.empty()) about += (about.empty() ? "" : " · ") + html(s.project) + ": " + html(g.project);
        if (!about.empty()) body += "<p class=\"group-meta\">" + about + "</p>\n";
        if (g.runs.empty()) body += "<p class=\"empty-log\">" + html(s.no_runs_in_gathering) + "</p>\n";
        for (const ReportRun& run : g.runs) {
            body += "<div class=\"run\">\n<h3>" + html(run.title) + "</h3>\n";
            if (!run.builds_on.empty()) {
                body += "<div class=\"builds-on\">\n<p class=\"kicker\">" + html(s.builds_on) + "</p>\n";
                for (const LabelledText& b : run.builds_on)
                    body += "<p><span class=\"label\">" + html(b.label) + ":</span> <span class=\"user\">" +
                            html(b.text) + "</span></p>\n";
                body += "</div>\n";
            }
            body += "<div class=\"conclusion\">\n";
            if (run.conclusion.empty()) body += "<p class=\"empty\">" + html(s.no_conclusion) + "</p>\n";
            for (const LabelledText& f : run.conclusion)
                body += "<p class=\"label\">" + html(f.label) + "</p>\n<p class=\"text\">" + html(f.text) + "</p>\n";
            body += "</div>\n";
            for (const FieldTable& t : run.tables) {
                body += "<table>\n<thead><tr>";
                for (const std::string& c : t.columns) body += "<th>" + html(c) + "</th>";
                body += "</tr></thead>\n<tbody>\n";
                for (const auto& row : t.rows) {
                    body += "<tr>";
                    for (const std::string& cell : row) body += "<td class=\"user\">" + html(cell) + "</td>";
                    body += "</tr>\n";
                }
                body += "</tbody>\n</table>\n";
            }
            body += "</div>\n";
        }
        body += change_section_html(change_rows(g.pulses, g.measures, g.indicators, s, r.language, ""), s,
                                    r.pulse_threshold);
        body += "</section>\n";
    }
    body += "<footer>" + html(s.gathering_report) + " · " + html(heading) + " · " + html(s.exported) + " " +
            html(encode::iso_date(now)) + " · Samling</footer>\n";
    return html_document(s, std::string(s.gathering_report) + " — " + heading, body);
}

}  // namespace samling
