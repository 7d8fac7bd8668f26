// Exercise definitions: data files in exercises/ parsed and validated into plain structs.
// Depends on nlohmann-json only; knows nothing of where files live or how they are drawn.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

// A text in every interface language.
struct LocalText {
    std::string nb, nn, en;
    const std::string& in(Language lang) const;
};

struct Zone {
    std::string id;
    LocalText label;
    std::string colour;  // "#RRGGBB"
};

enum class StepKind { write, reveal, organise, vote, conclude };
std::string_view to_string(StepKind kind);

struct Step {
    std::string id;
    StepKind kind = StepKind::write;
    LocalText prompt;
    LocalText instructions;
    int timer_seconds = 0;            // 0: no timer
    bool silent = false;              // write: the projector shows counts only until reveal
    std::vector<std::string> zones;   // write: zones a phone may pick; empty = all
    int vote_budget = 0;              // vote: dots per participant
};

struct ExerciseDefinition {
    std::string id;
    LocalText title;
    LocalText purpose;
    std::string layout;  // "columns", ...
    std::vector<Zone> zones;
    std::vector<Step> steps;

    const Zone* zone(std::string_view zone_id) const;
};

// Parses one exercise file's text. `source` names the file in error messages.
Result<ExerciseDefinition> parse_exercise(std::string_view json_text, std::string_view source);

// The exercises this app knows, by id. Immutable once built; shared by every snapshot.
class ExerciseCatalog {
public:
    void add(ExerciseDefinition def);
    const ExerciseDefinition* find(std::string_view id) const;
    const std::map<std::string, ExerciseDefinition, std::less<>>& all() const { return defs_; }

private:
    std::map<std::string, ExerciseDefinition, std::less<>> defs_;
};

}  // namespace samling
