// index.html of an export folder: the programme, its gatherings with their reports, and a
// link to every exported group's log. Links are relative, so the folder can be moved whole.
#include "export/encoding.hpp"
#include "export/html_page.hpp"
#include "export/renderers.hpp"

namespace samling {

std::string gathering_file_name(int number) {
    return "gathering-" + std::to_string(number) + ".html";
}

std::string render_index(const std::string& programme, const std::vector<GatheringInfo>& gatherings,
                         const std::vector<IndexLink>& groups, Language lang, Timestamp now) {
    using encode::html;
    const ReportStrings& s = report_strings(lang);
    const std::string heading = programme.empty() ? std::string(s.index_title) : programme;
    std::string body =
        html_title_block(s.index_title, heading, {{s.exported, encode::long_date(encode::iso_date(now), s)}});

    body += "<section class=\"timeline\">\n<h2>" + html(s.gathering_reports) + "</h2>\n<ol>\n";
    for (const GatheringInfo& g : gatherings) {
        std::string label = gathering_name(s, g.number);
        if (!g.title.empty()) label += " — " + g.title;
        body += "<li class=\"has-entries\"><a href=\"" + encode::url_path(gathering_file_name(g.number)) +
                "\"><strong>" + html(label) + "</strong></a> <span class=\"when\">· " +
                html(g.date.empty() ? std::string(s.no_date) : encode::long_date(g.date, s)) + "</span></li>\n";
    }
    if (gatherings.empty()) body += "<li>" + html(s.no_entries_yet) + "</li>\n";
    body += "</ol>\n</section>\n";

    body += "<section>\n<h2 class=\"section-title\">" + html(s.group_logs) + "</h2>\n<ul class=\"links\">\n";
    for (const IndexLink& g : groups) {
        body += "<li><a href=\"" + encode::url_path(g.file) + "\"><strong>" + html(g.name) + "</strong></a>";
        std::string about;
        if (!g.services.empty()) about += html(g.services);
        if (!g.project.empty()) about += (about.empty() ? "" : " · ") + html(g.project);
        const std::string count =
            g.entries == 0 ? std::string(s.no_entries_yet) : count_text(s.entries, static_cast<int>(g.entries));
        about += (about.empty() ? "" : " · ") + html(count);
        body += " <span class=\"count\">· " + about + "</span></li>\n";
    }
    body += "</ul>\n</section>\n";
    body += "<footer>" + html(s.exported) + " " + html(encode::iso_date(now)) + " · Samling</footer>\n";
    return html_document(s, heading, body);
}

}  // namespace samling
