// Flattening a group's pulse series; see pulse_figures.hpp.
#include "export/pulse_figures.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/phrase.hpp"
#include "export/encoding.hpp"

namespace samling {

std::vector<PulseFigure> pulse_figures(const std::vector<PulseSeries>& pulses, Language lang) {
    std::vector<PulseFigure> out;
    for (const PulseSeries& series : pulses)
        for (const PulsePoint& point : series.points)
            for (const StatementResult& r : point.result.statements) {
                PulseFigure f;
                f.gathering_number = point.gathering_number;
                f.gathering_title = point.gathering_title;
                f.gathering_date = point.gathering_date;
                f.instrument = series.instrument.id;
                f.statement = r.statement;
                if (const PulseStatement* s = series.instrument.statement(r.statement))
                    f.statement_text = s->text.in(lang);
                f.n = r.n;
                f.suppressed = r.suppressed;
                if (!r.suppressed) f.mean = r.mean, f.distribution = r.distribution;
                out.push_back(std::move(f));
            }
    return out;
}

std::string render_pulse_csv(const std::vector<PulseFigure>& figures) {
    std::string out = "\xEF\xBB\xBF";  // for Excel, as render_csv
    std::set<int> points;
    for (const PulseFigure& f : figures)
        for (const auto& [p, k] : f.distribution) points.insert(p);
    out += "gathering_number,gathering_title,instrument,statement,statement_text,n,suppressed,mean";
    for (int p : points) out += ",count_" + std::to_string(p);
    out += "\r\n";
    for (const PulseFigure& f : figures) {
        using encode::csv_field;
        using encode::csv_text;
        out += (f.gathering_number ? std::to_string(f.gathering_number) : std::string()) + ",";
        out += csv_text(f.gathering_title) + "," + csv_field(f.instrument) + "," + csv_field(f.statement) + ",";
        out += csv_text(f.statement_text) + "," + std::to_string(f.n) + "," + (f.suppressed ? "yes" : "no") + ",";
        if (!f.suppressed) {
            char mean[32];
            std::snprintf(mean, sizeof mean, "%.2f", f.mean);
            out += mean;
        }
        for (int p : points) {
            out += ",";
            if (const auto it = f.distribution.find(p); !f.suppressed && it != f.distribution.end())
                out += std::to_string(it->second);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace samling
