// Pulse instruments: short sets of statements answered on a scale, read from data files in
// exercises/instruments/ and validated like exercises. Depends on nlohmann-json only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise.hpp"
#include "core/result.hpp"

namespace samling {

// A numbered scale, e.g. 1–7, with words at some points (at least both ends).
struct Scale {
    int min = 1;
    int max = 7;
    std::map<int, LocalText> labels;

    bool holds(int value) const { return value >= min && value <= max; }
};

struct PulseStatement {
    std::string id;
    LocalText text;
    // Agreeing means less of what the instrument measures ("Feil blir brukt mot den som gjorde
    // dem"): its answers are mirrored on the scale before they count towards the index.
    bool reverse = false;
};

struct Instrument {
    std::string id;
    LocalText title;
    LocalText about;       // what it measures and follows, shown with the results
    std::string licence;   // under what terms the statements may be used
    std::string citation;  // how to cite them
    Scale scale;
    std::vector<PulseStatement> statements;

    const PulseStatement* statement(std::string_view statement_id) const;
};

// Parses one instrument file's text. `source` names the file in error messages.
Result<Instrument> parse_instrument(std::string_view json_text, std::string_view source);

// The instruments this app knows, by id. Immutable once built.
class InstrumentCatalog {
public:
    void add(Instrument instrument);
    const Instrument* find(std::string_view id) const;
    const std::map<std::string, Instrument, std::less<>>& all() const { return instruments_; }

private:
    std::map<std::string, Instrument, std::less<>> instruments_;
};

}  // namespace samling
