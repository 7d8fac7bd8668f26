// What one phone may see right now: its activity and the notes visible to it. The one place
// that decides visibility, so no route can leak a hidden note, a name or a vote total.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/presence.hpp"
#include "core/workshop.hpp"

namespace samling {

struct ParticipantView {
    struct ZoneView {
        std::string id, label, colour;
    };
    struct StepView {
        int index = 0, count = 0;
        std::string id, prompt, instructions;
        StepKind kind = StepKind::write;
        int timer_seconds = 0;
        bool chain = false;      // notes may answer "why?" to another
        bool proposals = false;  // conclude: phones may propose text
        struct NoteField {
            std::string id, label, kind;  // kind: "text" or "date"
        };
        std::vector<NoteField> note_fields{};
    };
    struct TimerView {
        int duration_seconds = 0, remaining_seconds = 0;
        bool running = false;
        bool started = false;  // running, or paused after it ran
    };
    struct Votes {
        int budget = 0, left = 0;
    };
    struct Done {
        bool me = false;
        int count = 0, total = 0;
    };
    struct FieldView {
        std::string id, label, hint, text;
    };
    // What the run brings along from the group's earlier work (carry_over.hpp).
    struct ContextView {
        struct Field {
            std::string label, value, kind;  // kind: "text" or "date"
        };
        struct Item {
            std::string text;
            std::vector<Field> fields;
        };
        std::string label, text;  // text: a conclusion; or the notes of an earlier board
        std::vector<Item> notes;
    };
    struct ClusterView {
        Id id = 0;
        std::string name, zone;
    };
    // A pulse step: the instrument's statements and scale, and this phone's own answers only.
    struct PulseView {
        std::string instrument, title;
        struct Statement {
            std::string id, text;
        };
        std::vector<Statement> statements;
        int min = 1, max = 7;
        std::map<int, std::string> labels;  // words at some points of the scale
        PulseSheet my_answers;
        int answered = 0;  // phones of the group that answered something; never who
    };
    // A step after the run's pulse: the group's result as the projector shows it, from
    // summarise_pulse with the room's threshold — figures only when enough answered.
    struct PulseResultView {
        std::string instrument, title, licence, citation;
        int min = 1, max = 7;
        std::map<int, std::string> labels;
        int respondents = 0, threshold = default_pulse_threshold;
        bool suppressed = true;
        struct Statement {
            std::string id, text;
            int n = 0;
            bool suppressed = true;
            double mean = 0;
            std::map<int, int> distribution;
        };
        std::vector<Statement> statements;  // empty when the whole result is suppressed
    };
    // A status round: one of the group's open measures (core/measures.hpp) and where this
    // round has it; `status` empty until someone reports it.
    struct MeasureView {
        Id note = 0;
        std::string text;
        std::vector<ContextView::Field> fields;  // owner, start date, indicator...
        std::string status, report;
        std::string last_status, last_report;  // its newest earlier round, if any
        bool mine = false;                     // this phone's name is its owner
        // A measure whose indicator field is filled: its figures and this gathering's value.
        struct Indicator {
            std::string name, unit, source;
            std::optional<double> baseline, target, value;
        };
        std::optional<Indicator> indicator;
    };
    struct Activity {
        std::string exercise, title, layout;
        StepView step;
        bool accepts_notes = false;
        bool writing_locked = false;
        std::vector<ZoneView> zones;
        std::vector<std::string> note_zones;  // zones a phone may pick for a new note
        std::optional<Votes> votes;
        TimerView timer;
        Done done;
        std::vector<ClusterView> clusters;
        std::vector<FieldView> fields;                         // conclude steps: what the group concludes so far
        std::map<std::string, std::string> note_field_labels;  // every step's, for notes written earlier
        std::vector<ContextView> context;
        std::optional<PulseView> pulse;
        // Once a vote step is over (core/vote_results.hpp): the notes ranked 1–3, most dots
        // first. Absent before and during the vote, so no running total can reach a phone.
        std::optional<std::vector<Id>> top;
        std::optional<PulseResultView> pulse_result;
        std::optional<std::vector<MeasureView>> measures;  // status steps only; the phone's own first
    };
    struct NoteView {
        Id id = 0;
        std::string text, zone;
        bool mine = false;
        int my_votes = 0;
        Id cluster = 0, parent = 0;
        int step = 0;  // the step it was written in (a conclude step: a proposal)
        bool highlighted = false;
        std::optional<int> dots;  // its total, merged duplicates included; only once the vote is over
        std::map<std::string, std::string> fields{};
        Timestamp created_at = 0, updated_at = 0;
    };

    Revision revision = 0;
    Room room;
    Participant participant;  // the secret is never serialised
    LeaderGroup group;
    // The table lead as this phone sees it: none yet, this phone, another phone of the group, or
    // none yet while this phone's ask waits for the facilitator's yes.
    enum class Lead { none, me, other, asked };
    Lead lead = Lead::none;
    std::optional<Activity> activity;
    std::vector<NoteView> notes;
};

// Precondition: `participant` exists in `w`. With `presence`, "done" counts only the phones
// still in the room; without, every participant of the group. `token` is the phone's own: only
// with it do its pulse answers come back (core/pulse.hpp, respondent_key).
ParticipantView view_for(const Workshop& w, Id participant, Timestamp now, const Presence* presence = nullptr,
                         std::string_view token = {});

// What a phone that just joined `group` would see: the facilitator's preview panel, and the
// table screen (GET /api/table/state), a phone that wrote nothing and never will.
// Precondition: `group` exists in `w`.
ParticipantView preview_for(const Workshop& w, Id group, Timestamp now, const Presence* presence = nullptr);

// One note as its author sees it (the answer to a write).
ParticipantView::NoteView note_view(const Workshop& w, const Note& n, Id viewer);

}  // namespace samling
