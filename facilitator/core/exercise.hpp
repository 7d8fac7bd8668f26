// Exercise definitions: data files in exercises/ parsed and validated into plain structs.
// Depends on nlohmann-json only; knows nothing of where files live or how they are drawn.
#pragma once

#include <map>
#include <memory>
#include <optional>
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
    bool recap = false;  // its notes are in "since last time" (e.g. the measures with owners and dates)
};

enum class StepKind { write, reveal, organise, vote, conclude, pulse, status };
std::string_view to_string(StepKind kind);

// Who may see who wrote a note. Phones never see authors, whatever this says.
enum class Anonymity { hidden, facilitator, projector };
std::string_view to_string(Anonymity a);

// A structured field on each note of a write step, e.g. a measure's owner and start date.
struct NoteFieldDefinition {
    enum class Kind { text, date };
    std::string id;
    LocalText label;
    Kind kind = Kind::text;
};

// A field the conclude step fills in: typed by the facilitator, or picked from phones' proposals.
struct FieldDefinition {
    std::string id;
    LocalText label;
    LocalText hint;      // the template or question that helps fill it in
    bool recap = false;  // shown in "since last time" when a gathering opens
};

struct Step {
    std::string id;
    StepKind kind = StepKind::write;
    LocalText prompt;
    LocalText instructions;
    int timer_seconds = 0;                         // 0: no timer
    bool silent = false;                           // write: the projector shows counts only until reveal
    std::vector<std::string> zones;                // write: zones a phone may pick; empty = all
    int vote_budget = 0;                           // vote: dots per participant
    bool hide_totals = true;                       // vote: totals stay off the projector until the step ends
    bool chain = false;                            // write: a note may answer "why?" to another (5 whys)
    std::vector<NoteFieldDefinition> note_fields;  // write: asked for on every note
    bool proposals = false;                        // conclude: phones may propose text for the fields
    std::vector<FieldDefinition> fields;           // conclude: what the group concludes
    std::string instrument;                        // pulse: the instrument whose statements it asks
    // status: where the measures it asks about come from, the notes in `measures_zone` of the
    // group's concluded runs of `measures_exercise` (core/measures.hpp)
    std::string measures_exercise, measures_zone;

    bool takes_notes() const { return kind == StepKind::write || (kind == StepKind::conclude && proposals); }
};

// The two axes of a grid layout, low to high.
struct Axes {
    LocalText x, y;
};

// Which conclusion field heads a fishbone: the group's latest value of `field` in a run of
// `exercise` (the problem statement), or, with no exercise, this run's own conclusion field.
struct HeadSource {
    std::string exercise;  // empty: the run's own
    std::string field;
};

// Something a run shows from the group's earlier work: the newest value of a conclusion
// field, or the notes in one zone of the newest earlier run that has any (e.g. the measures
// an evaluation looks back on). Exactly one of `field` and `zone` is set.
struct ContextSource {
    std::string exercise;
    std::string field;
    std::string zone;
    LocalText label;
};

struct ExerciseDefinition {
    std::string id;
    LocalText title;
    LocalText purpose;
    std::string layout;  // "columns", "fishbone", "rings" (inner first), "grid" (quadrants)
    Anonymity anonymity = Anonymity::hidden;
    std::vector<Zone> zones;
    std::vector<Step> steps;
    std::optional<Axes> axes;        // grid
    std::optional<HeadSource> head;  // fishbone
    std::vector<ContextSource> context;

    const Zone* zone(std::string_view zone_id) const;
};

// Parses one exercise file's text. `source` names the file in error messages.
Result<ExerciseDefinition> parse_exercise(std::string_view json_text, std::string_view source);

class InstrumentCatalog;
struct Instrument;

// The exercises this app knows, by id, and the instruments their pulse steps ask. Immutable
// once built; shared by every snapshot.
class ExerciseCatalog {
public:
    void add(ExerciseDefinition def);
    const ExerciseDefinition* find(std::string_view id) const;
    const std::map<std::string, ExerciseDefinition, std::less<>>& all() const { return defs_; }

    void set_instruments(std::shared_ptr<const InstrumentCatalog> instruments);
    const Instrument* instrument(std::string_view id) const;  // nullptr: not installed

private:
    std::map<std::string, ExerciseDefinition, std::less<>> defs_;
    std::shared_ptr<const InstrumentCatalog> instruments_;
};

}  // namespace samling
