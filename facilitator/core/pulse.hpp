// A pulse's result for one group: per statement the distribution and the mean, and nothing at
// all below the answer threshold. Answers are anonymous: what goes in carries no identity, and
// what comes out never holds a single answer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/instrument.hpp"
#include "core/model.hpp"

namespace samling {

// The room's setting, and the floor no setting goes below: with two answers each person can
// read the other's from the mean.
inline constexpr int default_pulse_threshold = 5;
inline constexpr int min_pulse_threshold = 3;
inline constexpr int max_pulse_threshold = 50;  // more than any leader group has
int effective_threshold(int room_setting);

// One person's answers, statement id → point on the scale. Who answered is not part of it.
using PulseSheet = std::map<std::string, int>;

// The key a phone's answers in one run are kept under: a digest of the phone's token and the
// run. Only the phone's own request can name it; the store keeps digests of tokens, not
// tokens, so no one reading the store file can tell whose answers a sheet holds.
std::string respondent_key(std::string_view token, Id run);

struct StatementResult {
    std::string statement;
    int n = 0;                        // how many answered it; always safe to show
    bool suppressed = true;           // n below the threshold: no figures at all
    double mean = 0;                  // of the answers as given, on the statement's own wording
    std::map<int, int> distribution;  // point → how many; every point of the scale present
};

struct PulseResult {
    std::string instrument;
    int respondents = 0;                      // people who answered at least one statement
    bool suppressed = true;                   // fewer respondents than the threshold: every statement suppressed
    std::vector<StatementResult> statements;  // in the instrument's order
    // The mean over every shown answer with reverse-worded ones mirrored, so higher is always
    // more of what the instrument measures; empty when suppressed.
    std::optional<double> index;
};

// Answers outside the scale or to statements the instrument no longer has are not counted
// (the server refuses them; an edited instrument file must not break an old gathering).
PulseResult summarise_pulse(const Instrument& instrument, const std::vector<PulseSheet>& sheets, int room_threshold);

}  // namespace samling
