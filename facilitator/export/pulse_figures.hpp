// A group's pulses as flat rows, one per gathering, instrument and statement: what the CSV and
// JSON exports hold and the reports' tables print. Only summarise_pulse's figures: n, and the
// mean and distribution when shown; never a single answer. Depends on the export model only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "export/project_log.hpp"

namespace samling {

struct PulseFigure {
    int gathering_number = 0;  // 0: run outside any gathering
    std::string gathering_title, gathering_date;
    std::string instrument, statement, statement_text;
    int n = 0;
    bool suppressed = true;           // fewer answered than the room's threshold: no figures
    double mean = 0;                  // when shown
    std::map<int, int> distribution;  // when shown: every point of the scale
};

// In the series' order: instrument, then gathering, then the instrument's statements.
std::vector<PulseFigure> pulse_figures(const std::vector<PulseSeries>& pulses, Language lang);

// RFC 4180 with CRLF and a byte-order mark, as the notes' CSV; one column per point of the
// scales (count_1 … count_7), empty when suppressed.
std::string render_pulse_csv(const std::vector<PulseFigure>& figures);

}  // namespace samling
