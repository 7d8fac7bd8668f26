// The measures' and indicators' CSV; see measure_figures.hpp.
#include "export/measure_figures.hpp"

#include <cstdio>

#include "core/measures.hpp"
#include "export/encoding.hpp"

namespace samling {
namespace {

std::string number_or_empty(int n) {
    return n ? std::to_string(n) : std::string();
}

// Figures as a spreadsheet reads them whatever its locale's comma: a point, no thousands.
std::string csv_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace

std::string render_measure_csv(const std::vector<MeasureTrail>& measures) {
    using encode::csv_text;
    std::string out = "\xEF\xBB\xBF";  // for Excel, as render_csv
    out += "note,measure,owner,set_in_gathering,gathering_number,gathering_title,status,text,reported_at\r\n";
    for (const MeasureTrail& m : measures) {
        const std::string head = std::to_string(m.note) + "," + csv_text(m.text) + "," + csv_text(m.owner) + "," +
                                 number_or_empty(m.planned_at) + ",";
        if (m.trail.empty()) out += head + ",,,,\r\n";
        for (const MeasureStep& step : m.trail)
            out += head + number_or_empty(step.place.gathering_number) + "," + csv_text(step.place.gathering_title) +
                   "," + std::string(to_string(step.status)) + "," + csv_text(step.text) + "," +
                   encode::iso8601_utc(step.place.at) + "\r\n";
    }
    return out;
}

std::string render_indicator_csv(const std::vector<IndicatorSeries>& indicators) {
    using encode::csv_text;
    std::string out = "\xEF\xBB\xBF";
    out += "note,indicator,measure,unit,source,kind,gathering_number,gathering_title,value\r\n";
    for (const IndicatorSeries& i : indicators) {
        const std::string head = std::to_string(i.note) + "," + csv_text(i.name) + "," + csv_text(i.measure) + "," +
                                 csv_text(i.unit) + "," + csv_text(i.source) + ",";
        if (i.baseline) out += head + "baseline,,," + csv_number(*i.baseline) + "\r\n";
        for (const IndicatorPoint& p : i.values)
            out += head + "value," + number_or_empty(p.place.gathering_number) + "," +
                   csv_text(p.place.gathering_title) + "," + csv_number(p.value) + "\r\n";
        if (i.target) out += head + "target,,," + csv_number(*i.target) + "\r\n";
    }
    return out;
}

}  // namespace samling
