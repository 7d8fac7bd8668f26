// A group's project log as one self-contained, printable HTML page. Every text a person typed
// goes through encode::html; the page has no scripts and loads nothing from anywhere.
#include <algorithm>

#include "export/change_section.hpp"
#include "export/encoding.hpp"
#include "export/html_page.hpp"
#include "export/renderers.hpp"

namespace samling {
namespace {

using encode::html;

std::string user(std::string_view text) {
    return "<span class=\"user\">" + html(text) + "</span>";
}

std::string gathering_heading(const std::optional<GatheringInfo>& g, const ReportStrings& s) {
    if (!g) return html(s.no_gathering);
    std::string out = html(gathering_name(s, g->number));
    if (!g->title.empty()) out += " — " + html(g->title);
    if (!g->date.empty()) out += " <span class=\"when\">· " + html(encode::long_date(g->date, s)) + "</span>";
    return out;
}

std::string anchor_of(const std::optional<GatheringInfo>& g) {
    return g ? "samling-" + std::to_string(g->number) : std::string("uten-samling");
}

std::string entries_text(std::size_t n, const ReportStrings& s) {
    if (n == 0) return std::string(s.no_entries_yet);
    return count_text(s.entries, static_cast<int>(n));
}

std::string timeline(const ProjectLog& log, const ReportStrings& s) {
    std::string out = "<section class=\"timeline\">\n<h2>" + html(s.gatherings) + "</h2>\n<ol>\n";
    const auto item = [&](const std::optional<GatheringInfo>& g) {
        const std::size_t n =
            static_cast<std::size_t>(std::count_if(log.entries.begin(), log.entries.end(), [&](const LogEntry& e) {
                return e.gathering.has_value() == g.has_value() && (!g || e.gathering->id == g->id);
            }));
        std::string li = n ? "<li class=\"has-entries\">" : "<li>";
        std::string head = g ? html(gathering_name(s, g->number)) : html(s.no_gathering);
        if (g && !g->title.empty()) head += " — " + html(g->title);
        li +=
            n ? "<a href=\"#" + anchor_of(g) + "\"><strong>" + head + "</strong></a>" : "<strong>" + head + "</strong>";
        if (g)
            li += " <span class=\"when\">· " +
                  html(g->date.empty() ? std::string(s.no_date) : encode::long_date(g->date, s)) + "</span>";
        li += " <span class=\"count\">· " + html(entries_text(n, s)) + "</span></li>\n";
        return li;
    };
    for (const GatheringInfo& g : log.gatherings) out += item(g);
    if (std::any_of(log.entries.begin(), log.entries.end(), [](const LogEntry& e) { return !e.gathering; }))
        out += item(std::nullopt);
    out += "</ol>\n</section>\n";
    return out;
}

std::string note_item(const ReportNote& n, const ReportStrings& s) {
    std::string li = "<li>" + user(n.text);
    std::string meta;
    for (const LabelledText& f : n.fields) meta += (meta.empty() ? "" : " · ") + html(f.label) + ": " + html(f.text);
    if (n.dots > 0) meta += (meta.empty() ? "" : " · ") + html(dots_text(n.dots, s));
    if (!meta.empty()) li += " <span class=\"note-meta\">(" + meta + ")</span>";
    return li + "</li>\n";
}

// A zone whose notes carry fields (a measure's owner, start date...) reads best as a table.
bool has_fields(const BoardZone& z) {
    const auto any = [](const std::vector<ReportNote>& notes) {
        return std::any_of(notes.begin(), notes.end(), [](const ReportNote& n) { return !n.fields.empty(); });
    };
    return any(z.unclustered) ||
           std::any_of(z.clusters.begin(), z.clusters.end(), [&](const BoardCluster& c) { return any(c.notes); });
}

std::string zone_table(const BoardZone& z, const ReportStrings& s) {
    std::vector<const ReportNote*> notes;
    std::vector<std::string> groups;  // the cluster each row belongs to ("" when none)
    for (const BoardCluster& c : z.clusters)
        for (const ReportNote& n : c.notes) notes.push_back(&n), groups.push_back(c.name);
    for (const ReportNote& n : z.unclustered) notes.push_back(&n), groups.emplace_back();
    std::vector<std::pair<std::string, std::string>> columns;  // field id, label; first seen first
    for (const ReportNote* n : notes)
        for (const LabelledText& f : n->fields)
            if (std::none_of(columns.begin(), columns.end(), [&](const auto& c) { return c.first == f.id; }))
                columns.emplace_back(f.id, f.label);
    const bool clustered = !z.clusters.empty();
    const bool voted = std::any_of(notes.begin(), notes.end(), [](const ReportNote* n) { return n->dots > 0; });
    std::string out = "<section class=\"zone wide\">\n<table>\n<thead><tr><th>" + html(z.label) + "</th>";
    for (const auto& c : columns) out += "<th>" + html(c.second) + "</th>";
    if (voted) out += "<th>" + html(s.votes_heading) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < notes.size(); ++i) {
        out += "<tr><td>" + user(notes[i]->text);
        if (clustered && !groups[i].empty()) out += " <span class=\"note-meta\">(" + html(groups[i]) + ")</span>";
        out += "</td>";
        for (const auto& c : columns) {
            const auto f = std::find_if(notes[i]->fields.begin(), notes[i]->fields.end(),
                                        [&](const LabelledText& t) { return t.id == c.first; });
            out += "<td>" + (f == notes[i]->fields.end() ? std::string() : user(f->text)) + "</td>";
        }
        if (voted) out += "<td>" + (notes[i]->dots ? html(dots_text(notes[i]->dots, s)) : std::string()) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
}

std::string entry_html(const LogEntry& e, const ReportStrings& s, const std::map<Id, std::string>& pngs) {
    std::string out =
        "<article class=\"entry\" id=\"run-" + std::to_string(e.run) + "\">\n<div class=\"entry-head\">\n";
    out += "<p class=\"kicker\">" + html(s.exercise) + " · " +
           html(fill(s.concluded, {{"date", encode::long_date(encode::iso_date(e.concluded_at), s)}})) + "</p>\n";
    out += "<h3>" + html(e.title) + "</h3>\n";
    if (!e.purpose.empty()) out += "<p class=\"purpose\">" + html(e.purpose) + "</p>\n";
    out += "<div class=\"conclusion\">\n";
    if (e.conclusion.empty()) out += "<p class=\"empty\">" + html(s.no_conclusion) + "</p>\n";
    for (const LabelledText& f : e.conclusion)
        out += "<p class=\"label\">" + html(f.label) + "</p>\n<p class=\"text\">" + html(f.text) + "</p>\n";
    out += "</div>\n</div>\n";

    if (!e.top_voted.empty()) {
        out += "<h4>" + html(s.top_voted) + "</h4>\n<ol class=\"top\">\n";
        for (const VotedNote& n : e.top_voted)
            out += "<li><span class=\"dots\">" + html(dots_text(n.dots, s)) + "</span> — " + user(n.text) +
                   " <span class=\"zone-label\">(" + html(n.zone) + ")</span></li>\n";
        out += "</ol>\n";
    }
    if (!e.board.empty()) {
        out += "<h4>" + html(s.board) + "</h4>\n<div class=\"board\">\n";
        for (const BoardZone& z : e.board) {
            if (has_fields(z)) {
                out += zone_table(z, s);
                continue;
            }
            out += "<section class=\"zone\">\n<h5>" + html(z.label) + "</h5>\n";
            for (const BoardCluster& c : z.clusters) {
                out += "<p class=\"cluster-name\">" + html(c.name) + "</p>\n<ul>\n";
                for (const ReportNote& n : c.notes) out += note_item(n, s);
                out += "</ul>\n";
            }
            if (!z.unclustered.empty()) {
                if (!z.clusters.empty()) out += "<p class=\"cluster-name\">" + html(s.unclustered) + "</p>\n";
                out += "<ul>\n";
                for (const ReportNote& n : z.unclustered) out += note_item(n, s);
                out += "</ul>\n";
            }
            out += "</section>\n";
        }
        out += "</div>\n";
    }
    if (!e.why_chains.empty()) {
        out += "<h4>" + html(s.why_chains) + "</h4>\n<ol class=\"chains\">\n";
        for (const auto& chain : e.why_chains) {
            // The cause, then each "why?" one step further in: the chain reads down to the root.
            out += "<li class=\"chain\"><strong>" + user(chain[0]) + "</strong>";
            for (std::size_t i = 1; i < chain.size(); ++i)
                out += "<div class=\"why\" style=\"margin-left: calc(" + std::to_string(i) + " * 1.2em)\">↳ " +
                       user(chain[i]) + "</div>";
            out += "</li>\n";
        }
        out += "</ol>\n";
    }
    if (auto it = pngs.find(e.run); it != pngs.end() && !it->second.empty()) {
        out += "<figure>\n<img src=\"data:image/png;base64," + encode::base64(it->second) + "\" alt=\"" +
               html(s.snapshot_alt) + ": " + html(e.title) + "\">\n<figcaption>" + html(s.snapshot_caption) +
               "</figcaption>\n</figure>\n";
    }
    out += "</article>\n";
    return out;
}

}  // namespace

std::string render_html(const ProjectLog& log, Timestamp now, const std::map<Id, std::string>& pngs) {
    const ReportStrings& s = report_strings(log.language);
    const auto or_unset = [&](const std::string& v) { return v.empty() ? std::string(s.none_set) : v; };
    std::string kicker(s.project_log);
    if (!log.programme.empty()) kicker += " · " + log.programme;
    std::vector<MetaLine> meta;
    if (!log.programme.empty()) meta.push_back({s.programme, log.programme});
    meta.push_back({s.services, or_unset(log.services)});
    meta.push_back({s.project, or_unset(log.project)});
    meta.push_back({s.exported, encode::long_date(encode::iso_date(now), s)});
    std::string body = html_title_block(kicker, log.group_name, meta);
    body += timeline(log, s);
    // Change first, before the gatherings one by one: what a reader should see at a glance.
    body += change_section_html(change_rows(log.pulses, log.measures, log.indicators, s, log.language, ""), s,
                                log.pulse_threshold);
    if (log.entries.empty()) body += "<p class=\"empty-log\">" + html(s.empty_log) + "</p>\n";

    for (const ReportSection& sec : log_sections(log)) {
        body += "<section class=\"gathering\" id=\"" + anchor_of(sec.gathering) + "\">\n<h2>" +
                gathering_heading(sec.gathering, s) + "</h2>\n";
        for (const LogEntry* e : sec.entries) body += entry_html(*e, s, pngs);
        body += "</section>\n";
    }
    body += "<footer>" + html(s.project_log) + " · " + html(log.group_name) + " · " + html(s.exported) + " " +
            html(encode::iso_date(now)) + " · Samling</footer>\n";
    return html_document(s, std::string(s.project_log) + " — " + log.group_name, body);
}

}  // namespace samling
