// Building "Endring"; see change_section.hpp. A pulse row is the key to the shades, then per
// statement its text and its chart (SVG in HTML, one PNG for the instrument in Markdown, with
// the figures as a table beside it), then the instrument's citation and licence. The measures'
// row is a table, a gathering to a column; an indicator's row its chart and figures.
#include "export/change_section.hpp"

#include <algorithm>
#include <map>

#include "core/measures.hpp"
#include "core/phrase.hpp"
#include "export/encoding.hpp"
#include "export/indicator_chart.hpp"
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

std::string gathering_or_none(int number, const ReportStrings& s) {
    return number ? gathering_name(s, number) : std::string(s.no_gathering);
}

// A status as the table writes it: "I gang – Startet i to skoler".
std::string status_text(const MeasureStep& step, const ReportStrings& s) {
    std::string out(s.status_names.at(static_cast<std::size_t>(step.status)));
    if (!step.text.empty()) out += " – " + step.text;
    return out;
}

// The measures' table: text, owner, set, then a gathering to a column (the newest status of
// that gathering's rounds in each cell), gatherings in order, "Uten samling" last.
struct MeasureTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

MeasureTable measure_table(const std::vector<MeasureTrail>& measures, const ReportStrings& s) {
    std::vector<int> gatherings;
    for (const MeasureTrail& m : measures)
        for (const MeasureStep& step : m.trail) gatherings.push_back(step.place.gathering_number);
    std::sort(gatherings.begin(), gatherings.end(),
              [](int a, int b) { return (a == 0 ? 1 << 30 : a) < (b == 0 ? 1 << 30 : b); });
    gatherings.erase(std::unique(gatherings.begin(), gatherings.end()), gatherings.end());
    MeasureTable t;
    t.columns = {std::string(s.measure), std::string(s.measure_owner), std::string(s.measure_planned)};
    for (int g : gatherings) t.columns.push_back(gathering_or_none(g, s));
    for (const MeasureTrail& m : measures) {
        std::vector<std::string> row = {m.text, m.owner.empty() ? std::string(s.none_set) : m.owner,
                                        gathering_or_none(m.planned_at, s)};
        std::map<int, std::string> cells;
        for (const MeasureStep& step : m.trail) cells[step.place.gathering_number] = status_text(step, s);
        for (int g : gatherings) row.push_back(cells.count(g) ? cells[g] : std::string(s.measure_no_status));
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string measures_html(const MeasureTable& t, const ReportStrings& s) {
    using encode::html;
    std::string out = "<p>" + html(s.measures_intro) + "</p>\n<table class=\"measures\">\n<thead><tr>";
    for (const std::string& c : t.columns) out += "<th scope=\"col\">" + html(c) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            out += i == 0 ? "<th scope=\"row\" class=\"user\">" + html(row[i]) + "</th>"
                          : "<td class=\"user\">" + html(row[i]) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string measures_markdown(const MeasureTable& t, const ReportStrings& s) {
    using encode::markdown;
    std::string out = markdown(s.measures_intro, "", true) + "\n\n|";
    for (const std::string& c : t.columns) out += " " + markdown(c) + " |";
    out += "\n|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (const std::string& cell : row) out += " " + markdown(cell) + " |";
        out += "\n";
    }
    return out + "\n";
}

// The indicator's figures as label → value, in the chart's order: what a screen reader and
// the tables get.
std::vector<std::pair<std::string, std::string>> indicator_figures(const IndicatorSeries& series,
                                                                   const ReportStrings& s, Language lang) {
    using Kind = IndicatorBar::Kind;
    std::vector<std::pair<std::string, std::string>> out;
    for (const IndicatorBar& b : indicator_bars(series).bars)
        out.emplace_back(b.kind == Kind::baseline ? std::string(s.indicator_baseline)
                         : b.kind == Kind::target ? std::string(s.indicator_target)
                                                  : gathering_or_none(b.gathering, s),
                         figure_with_unit(b.value, series.unit, lang));
    return out;
}

std::string indicator_html(const IndicatorSeries& series, const ReportStrings& s, Language lang) {
    using encode::html;
    std::string label = fill(s.indicator_chart_alt, {{"name", series.name}});
    for (const auto& [what, value] : indicator_figures(series, s, lang)) label += "; " + what + ": " + value;
    std::string out;
    if (series.name != series.measure)
        out += "<p class=\"user\">" + html(fill(s.indicator_measure, {{"measure", series.measure}})) + "</p>\n";
    return out + chart_svg(indicator_chart(series, s, lang), label) + "\n";
}

std::string indicator_markdown(const IndicatorSeries& series, const ReportStrings& s, Language lang,
                               std::string_view images_dir) {
    using encode::markdown;
    std::string out;
    if (series.name != series.measure)
        out += markdown(fill(s.indicator_measure, {{"measure", series.measure}}), "", true) + "\n\n";
    out += "![" + markdown(fill(s.indicator_chart_alt, {{"name", series.name}})) + "](" +
           encode::url_path(std::string(images_dir) + "/" + indicator_chart_name(series)) + ")\n\n";
    out += "| | " + markdown(s.indicator_value) + " |\n|---|---|\n";
    for (const auto& [what, value] : indicator_figures(series, s, lang))
        out += "| " + markdown(what) + " | " + markdown(value) + " |\n";
    return out + "\n";
}

}  // namespace

std::vector<MeasureTrail> measures_up_to(const std::vector<MeasureTrail>& measures, int up_to) {
    if (up_to == 0) return measures;
    std::vector<MeasureTrail> out;
    for (const MeasureTrail& m : measures) {
        if (m.planned_at > up_to) continue;
        MeasureTrail kept = m;
        std::erase_if(kept.trail, [&](const MeasureStep& step) {
            return step.place.gathering_number == 0 || step.place.gathering_number > up_to;
        });
        out.push_back(std::move(kept));
    }
    return out;
}

std::vector<IndicatorSeries> indicators_up_to(const std::vector<IndicatorSeries>& indicators, int up_to) {
    if (up_to == 0) return indicators;
    std::vector<IndicatorSeries> out;
    for (IndicatorSeries series : indicators) {
        std::erase_if(series.values, [&](const IndicatorPoint& p) {
            return p.place.gathering_number == 0 || p.place.gathering_number > up_to;
        });
        if (series.values.empty() && !series.baseline && !series.target) continue;
        out.push_back(std::move(series));
    }
    return out;
}

std::vector<ChangeRow> measure_rows(const std::vector<MeasureTrail>& measures, const ReportStrings& s, Language,
                                    int up_to) {
    const std::vector<MeasureTrail> kept = measures_up_to(measures, up_to);
    if (kept.empty()) return {};
    const MeasureTable t = measure_table(kept, s);
    return {{"measures", std::string(s.measures_heading), measures_html(t, s), measures_markdown(t, s), ""}};
}

std::vector<ChangeRow> indicator_rows(const std::vector<IndicatorSeries>& indicators, const ReportStrings& s,
                                      Language lang, std::string_view images_dir, int up_to) {
    std::vector<ChangeRow> rows;
    for (const IndicatorSeries& series : indicators_up_to(indicators, up_to))
        rows.push_back({"indicator", series.name, indicator_html(series, s, lang),
                        indicator_markdown(series, s, lang, images_dir),
                        series.source.empty() ? std::string() : fill(s.indicator_source, {{"source", series.source}})});
    return rows;
}

std::vector<ChangeRow> change_rows(const std::vector<PulseSeries>& pulses, const std::vector<MeasureTrail>& measures,
                                   const std::vector<IndicatorSeries>& indicators, const ReportStrings& s,
                                   Language lang, std::string_view images_dir, int up_to) {
    std::vector<ChangeRow> rows = pulse_rows(pulses, s, lang, images_dir, up_to);
    for (ChangeRow& row : measure_rows(measures, s, lang, up_to)) rows.push_back(std::move(row));
    for (ChangeRow& row : indicator_rows(indicators, s, lang, images_dir, up_to)) rows.push_back(std::move(row));
    return rows;
}

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
