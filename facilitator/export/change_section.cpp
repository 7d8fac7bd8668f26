// Building "Endring"; see change_section.hpp. A pulse row is the key to the shades, then per
// statement its text and its chart (SVG in HTML, one PNG for the instrument in Markdown, with
// the figures as a table beside it), then the instrument's citation and licence.
#include "export/change_section.hpp"

#include "core/phrase.hpp"
#include "export/encoding.hpp"
#include "export/pulse_chart.hpp"
#include "export/pulse_figures.hpp"

namespace samling {
namespace {

std::string key_text(const Scale& scale, const ReportStrings& s, Language lang) {
    const auto word = [&](int p) { return scale.labels.count(p) ? scale.labels.at(p).in(lang) : std::string(); };
    return fill(s.pulse_key, {{"min", std::to_string(scale.min)},
                              {"low", word(scale.min)},
                              {"max", std::to_string(scale.max)},
                              {"high", word(scale.max)}});
}

std::string point_name(const PulsePoint& p, const ReportStrings& s) {
    return p.gathering_number ? gathering_name(s, p.gathering_number) : std::string(s.no_gathering);
}

std::string pulse_html(const PulseSeries& series, const ReportStrings& s, Language lang) {
    using encode::html;
    const Instrument& ins = series.instrument;
    std::string out = "<div class=\"pulse-key\">" +
                      chart_svg(key_chart(ins.scale, lang), key_text(ins.scale, s, lang)) +
                      "</div>\n<ol class=\"pulse-statements\">\n";
    for (std::size_t i = 0; i < ins.statements.size(); ++i) {
        const std::string text = ins.statements[i].text.in(lang);
        // The chart's accessible name carries its figures too: a screen reader gets the same.
        std::string label = text;
        for (const PulsePoint& p : series.points) {
            const StatementResult& r = p.result.statements.at(i);
            label += "; " + point_name(p, s) + ": " +
                     (r.suppressed ? std::string(s.pulse_too_few)
                                   : fill(s.pulse_mean, {{"mean", decimal_text(r.mean, lang)}})) +
                     ", " + fill(s.pulse_n, {{"n", std::to_string(r.n)}});
        }
        out += "<li class=\"pulse-statement\"><p class=\"pulse-text\">" + html(text) + "</p>\n" +
               chart_svg(statement_chart(series, i, s, lang), label) + "</li>\n";
    }
    return out + "</ol>\n";
}

std::string pulse_markdown(const PulseSeries& series, const ReportStrings& s, Language lang,
                           std::string_view images_dir) {
    using encode::markdown;
    const Instrument& ins = series.instrument;
    std::string out = "![" + markdown(fill(s.pulse_chart_alt, {{"title", ins.title.in(lang)}})) + "](" +
                      encode::url_path(std::string(images_dir) + "/" + pulse_chart_name(series)) + ")\n\n";
    out += "*" + markdown(key_text(ins.scale, s, lang)) + "*\n\n";
    out += "| " + markdown(s.pulse_statement) + " | " + markdown(s.gathering) + " | n | " +
           markdown(s.pulse_mean_heading) + " | " + markdown(s.pulse_points) + " |\n|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < ins.statements.size(); ++i)
        for (const PulsePoint& p : series.points) {
            const StatementResult& r = p.result.statements.at(i);
            std::string points;
            for (const auto& [point, k] : r.distribution)
                points += (points.empty() ? "" : ", ") + std::to_string(point) + ": " + std::to_string(k);
            // The number matches the PNG's "Utsagn 3"; the text is there once, on its first row.
            const std::string statement =
                &p == &series.points.front() ? std::to_string(i + 1) + ". " + ins.statements[i].text.in(lang) : "";
            out += "| " + markdown(statement) + " | " + markdown(point_name(p, s)) + " | " + std::to_string(r.n) +
                   " | " + (r.suppressed ? markdown(s.pulse_too_few) : decimal_text(r.mean, lang)) + " | " +
                   markdown(points) + " |\n";
        }
    return out + "\n";
}

}  // namespace

std::vector<PulseSeries> pulses_up_to(const std::vector<PulseSeries>& pulses, int up_to) {
    if (up_to == 0) return pulses;
    std::vector<PulseSeries> out;
    for (const PulseSeries& series : pulses) {
        PulseSeries kept{series.instrument, {}};
        for (const PulsePoint& p : series.points)
            if (p.gathering_number != 0 && p.gathering_number <= up_to) kept.points.push_back(p);
        if (!kept.points.empty()) out.push_back(std::move(kept));
    }
    return out;
}

std::vector<ChangeRow> pulse_rows(const std::vector<PulseSeries>& pulses, const ReportStrings& s, Language lang,
                                  std::string_view images_dir, int up_to) {
    std::vector<ChangeRow> rows;
    for (const PulseSeries& series : pulses_up_to(pulses, up_to)) {
        const Instrument& ins = series.instrument;
        rows.push_back({"pulse", ins.title.in(lang), pulse_html(series, s, lang),
                        pulse_markdown(series, s, lang, images_dir),
                        fill(s.pulse_source, {{"citation", ins.citation}, {"licence", ins.licence}})});
    }
    return rows;
}

std::string change_section_html(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold) {
    using encode::html;
    if (rows.empty()) return {};
    std::string out = "<section class=\"change\">\n<h2>" + html(s.change) + "</h2>\n<p class=\"purpose\">" +
                      html(fill(s.change_intro, {{"threshold", std::to_string(threshold)}})) + "</p>\n";
    for (const ChangeRow& row : rows) {
        out += "<div class=\"change-row " + row.kind + "\">\n<h3>" + html(row.heading) + "</h3>\n" + row.html;
        if (!row.source.empty()) out += "<p class=\"source\">" + html(row.source) + "</p>\n";
        out += "</div>\n";
    }
    return out + "</section>\n";
}

std::string change_section_markdown(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold) {
    using encode::markdown;
    if (rows.empty()) return {};
    std::string out = "## " + markdown(s.change) + "\n\n" +
                      markdown(fill(s.change_intro, {{"threshold", std::to_string(threshold)}}), "", true) + "\n\n";
    for (const ChangeRow& row : rows) {
        out += "### " + markdown(row.heading) + "\n\n" + row.markdown;
        if (!row.source.empty()) out += "*" + markdown(row.source) + "*\n\n";
    }
    return out;
}

}  // namespace samling
