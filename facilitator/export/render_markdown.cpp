// A group's project log as Markdown, with the board pictures as relative image links. Every
// text a person typed goes through encode::markdown, so a note cannot become markup or HTML.
#include <algorithm>

#include "export/change_section.hpp"
#include "export/encoding.hpp"
#include "export/renderers.hpp"

namespace samling {
namespace {

using encode::markdown;

std::string gathering_line(const std::optional<GatheringInfo>& g, const ReportStrings& s) {
    if (!g) return markdown(s.no_gathering);
    std::string out = markdown(gathering_name(s, g->number));
    if (!g->title.empty()) out += " — " + markdown(g->title);
    if (!g->date.empty()) out += " · " + markdown(encode::long_date(g->date, s));
    return out;
}

void note_item(std::string& out, const ReportNote& n, const ReportStrings& s, const std::string& indent) {
    out += indent + "- " + markdown(n.text, indent + "  ", true);
    std::string meta;
    for (const LabelledText& f : n.fields)
        meta += (meta.empty() ? "" : " · ") + markdown(f.label) + ": " + markdown(f.text);
    if (n.dots > 0) meta += (meta.empty() ? "" : " · ") + markdown(dots_text(n.dots, s));
    if (!meta.empty()) out += " *(" + meta + ")*";
    out += "\n";
}

void entry(std::string& out, const LogEntry& e, const ReportStrings& s, std::string_view images_dir) {
    out += "### " + markdown(e.title) + "\n\n";
    out += "*" + markdown(fill(s.concluded, {{"date", encode::long_date(encode::iso_date(e.concluded_at), s)}})) + ".*";
    if (!e.purpose.empty()) out += " " + markdown(e.purpose);
    out += "\n\n";
    if (e.conclusion.empty()) out += "> " + markdown(s.no_conclusion) + "\n\n";
    for (const LabelledText& f : e.conclusion)
        out += "> **" + markdown(f.label) + "**  \n> " + markdown(f.text, "> ", true) + "\n\n";

    if (!e.top_voted.empty()) {
        out += "#### " + markdown(s.top_voted) + "\n\n";
        int i = 1;
        for (const VotedNote& n : e.top_voted)
            out += std::to_string(i++) + ". **" + markdown(dots_text(n.dots, s)) + "** — " + markdown(n.text, "   ") +
                   " *(" + markdown(n.zone) + ")*\n";
        out += "\n";
    }
    if (!e.board.empty()) {
        out += "#### " + markdown(s.board) + "\n\n";
        for (const BoardZone& z : e.board) {
            out += "**" + markdown(z.label) + "**\n\n";
            for (const BoardCluster& c : z.clusters) {
                out += "- **" + markdown(c.name) + "**\n";
                for (const ReportNote& n : c.notes) note_item(out, n, s, "  ");
            }
            if (!z.unclustered.empty() && !z.clusters.empty()) {
                out += "- **" + markdown(s.unclustered) + "**\n";
                for (const ReportNote& n : z.unclustered) note_item(out, n, s, "  ");
            } else {
                for (const ReportNote& n : z.unclustered) note_item(out, n, s, "");
            }
            out += "\n";
        }
    }
    if (!e.why_chains.empty()) {
        out += "#### " + markdown(s.why_chains) + "\n\n";
        int i = 1;
        for (const auto& chain : e.why_chains) {
            out += std::to_string(i++) + ". ";
            for (std::size_t k = 0; k < chain.size(); ++k) {
                if (k) out += " → ";
                out += markdown(chain[k], "   ", k == 0);
            }
            out += "\n";
        }
        out += "\n";
    }
    if (!e.snapshot.empty()) {
        out += "![" + markdown(s.snapshot_alt) + "](" +
               encode::url_path(std::string(images_dir) + "/" + snapshot_name(e.run)) + ")\n\n*" +
               markdown(s.snapshot_caption) + ".*\n\n";
    }
}

}  // namespace

std::string snapshot_name(Id run) {
    return "run-" + std::to_string(run) + ".png";
}

std::string render_markdown(const ProjectLog& log, Timestamp now, std::string_view images_dir) {
    const ReportStrings& s = report_strings(log.language);
    const auto or_unset = [&](const std::string& v) { return v.empty() ? std::string(s.none_set) : v; };
    std::string out = "# " + markdown(s.project_log) + ": " + markdown(log.group_name) + "\n\n";
    if (!log.programme.empty()) out += "- **" + markdown(s.programme) + ":** " + markdown(log.programme) + "\n";
    out += "- **" + markdown(s.services) + ":** " + markdown(or_unset(log.services)) + "\n";
    out += "- **" + markdown(s.project) + ":** " + markdown(or_unset(log.project)) + "\n";
    out += "- **" + markdown(s.exported) + ":** " + markdown(encode::long_date(encode::iso_date(now), s)) + "\n\n";

    const std::vector<ReportSection> sections = log_sections(log);
    out += "## " + markdown(s.gatherings) + "\n\n";
    const auto count = [&](const std::optional<GatheringInfo>& g) {
        const auto it = std::find_if(sections.begin(), sections.end(), [&](const ReportSection& sec) {
            return sec.gathering.has_value() == g.has_value() && (!g || sec.gathering->id == g->id);
        });
        const std::size_t n = it == sections.end() ? 0 : it->entries.size();
        if (n == 0) return std::string(s.no_entries_yet);
        return count_text(s.entries, static_cast<int>(n));
    };
    for (const GatheringInfo& g : log.gatherings) {
        out += "- " + gathering_line(g, s);
        if (g.date.empty()) out += " · " + markdown(s.no_date);
        out += " · " + markdown(count(g)) + "\n";
    }
    for (const ReportSection& sec : sections)
        if (!sec.gathering) out += "- " + markdown(s.no_gathering) + " · " + markdown(count(std::nullopt)) + "\n";
    if (log.gatherings.empty() && sections.empty()) out += "- " + markdown(s.no_entries_yet) + "\n";
    out += "\n";

    out += change_section_markdown(change_rows(log.pulses, log.measures, log.indicators, s, log.language, images_dir),
                                   s, log.pulse_threshold);
    if (log.entries.empty()) out += markdown(s.empty_log, "", true) + "\n";
    for (const ReportSection& sec : sections) {
        out += "## " + gathering_line(sec.gathering, s) + "\n\n";
        for (const LogEntry* e : sec.entries) entry(out, *e, s, images_dir);
    }
    return out;
}

}  // namespace samling
