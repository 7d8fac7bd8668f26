// The workshop's nouns: room, leader groups, participants, exercise runs, notes. (A vote is a
// count of dots per note and participant, kept with the run's notes: Workshop::dots_by.)
// Plain structs in the brief's words. No ImGui, HTTP or SQLite here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samling {

using Id = std::int64_t;         // 0 means "none"
using Revision = std::int64_t;   // moves on every committed change
using Timestamp = std::int64_t;  // milliseconds since the Unix epoch, UTC

enum class Language { nb, nn, en };
std::string_view to_string(Language lang);
std::optional<Language> parse_language(std::string_view s);

// The one of three things written for each interface language: every string table uses it.
template <typename T>
const T& in_language(Language lang, const T& nb, const T& nn, const T& en) {
    return lang == Language::nn ? nn : lang == Language::en ? en : nb;
}

// Limits a phone's input must respect; the API and the page quote them. They count characters as
// a person does (grapheme clusters, text::characters): "👍🏽" and "Å" written as A + ring are one.
inline constexpr std::size_t max_note_characters = 280;
inline constexpr std::size_t max_indicator_text = 80;  // an indicator's unit or source
inline constexpr std::size_t max_name_characters = 60;
inline constexpr std::size_t max_title_characters = 120;  // titles, a group's services and project
inline constexpr int max_retention_months = 240;          // a programme's retention setting: 20 years at most
// A text within its characters may still hold at most 4 code points per character on average, so
// marks stacked on one letter cannot make a "short" note of kilobytes (the page checks the same).
inline constexpr std::size_t max_code_points_per_character = 4;
inline constexpr std::size_t max_client_id_bytes = 64;

// The room a gathering runs in. The code is shown on the projector, so it is not a secret.
struct Room {
    std::string code;
    std::string name;  // as the facilitator set it; empty: named after the programme (Workshop::room_title)
    Language language = Language::nb;
};

struct LeaderGroup {
    Id id = 0;
    std::string name;
    std::string services{};  // the services its leaders come from, e.g. "skole, PPT, helsestasjon"
    std::string project{};   // the title of the group's development project
    bool archived = false;   // hidden from phones, the strip and the overview; kept in logs and exports
};

// One of a programme's gatherings (samling 1 … N); runs started while it is open belong to it.
struct Gathering {
    Id id = 0;
    int number = 0;
    std::string title;
    std::string date;       // YYYY-MM-DD, or empty while not yet set
    bool archived = false;  // a gathering that did not happen, or belongs to an old plan: kept, set aside
};

// A phone that joined a leader group. Its token is "<id>.<secret>"; only the secret's digest is
// kept, so neither a copied store file nor a snapshot can act as the phone.
struct Participant {
    Id id = 0;
    Id group = 0;
    std::string name;         // optional; empty means anonymous
    std::string secret_hash;  // SHA-256 of the token's 128-bit secret, hex
    Timestamp joined_at = 0;
    bool removed = false;  // the facilitator took the phone out of the room: its token is refused
};

// A group's table lead (a participant of the group whose phone may run the board) and the
// phone that asked to lead and waits for the facilitator's yes. 0: none.
struct TableLead {
    Id lead = 0;
    Id asked = 0;
};

// A facilitator remote: a phone or tablet paired from the pairing QR, with the facilitator's
// powers over the LAN. Its token is "r<id>.<secret>"; only the secret's digest is kept.
struct Remote {
    Id id = 0;
    std::string name;         // what the person pairing typed, e.g. "Kari"
    std::string secret_hash;  // SHA-256 of the token's 128-bit secret, hex
    Timestamp paired_at = 0;
    bool revoked = false;  // its token is refused from then on; never paired again
};

// A message from the facilitator to every phone, or to some groups' phones ("Kom tilbake til
// plenum om 2 minutter"). Phones show the newest one until dismissed; a new one replaces it.
struct BroadcastMessage {
    Id id = 0;
    std::string text;          // at most max_broadcast_code_points
    std::vector<Id> groups{};  // empty: every group
    Timestamp sent_at = 0;
};
inline constexpr std::size_t max_broadcast_code_points = 140;

// A step's time box. Remaining time is derived, so a restart or a sleeping laptop cannot
// lose or stretch it: duration - elapsed - (running ? now - running_since : 0).
struct Timer {
    std::int64_t duration_ms = 0;
    std::int64_t elapsed_ms = 0;  // counted before running_since
    Timestamp running_since = 0;  // 0: paused or not started

    bool running() const { return running_since != 0; }
    std::int64_t remaining_ms(Timestamp now) const;
};

// One leader group working through one exercise; its board is its own.
struct ExerciseRun {
    Id id = 0;
    Id group = 0;
    std::string exercise;  // ExerciseDefinition::id
    int step = 0;          // index into the definition's steps
    Timestamp started_at = 0;
    bool writing_locked = false;  // the facilitator closed writing early (L)
    Timer timer;
    Id gathering = 0;            // the gathering open when it started; 0: none
    Timestamp concluded_at = 0;  // 0: still open; else its entry in the group's project log
};

// A named heading the facilitator gathers notes under, inside one zone of one run's board.
struct Cluster {
    Id id = 0;
    Id run = 0;
    std::string zone;
    std::string name;
};

// One field of a run's conclusion (the problem statement, the chosen causes...).
struct ConclusionField {
    Id run = 0;
    std::string field;  // the conclude step's field id
    std::string text;
    Timestamp updated_at = 0;
};

// Where a measure (tiltak) stands, reported in a status round. Done and stopped close it: it
// comes back in no later round.
enum class MeasureStatus { not_started, started, done, stopped };
struct MeasureReport {
    MeasureStatus status = MeasureStatus::not_started;
    std::string text;  // one line of what happened; may be empty
    Timestamp at = 0;
};

// A measure's indicator in figures ("andel elever med vedtak: 16 %"): what it is counted in,
// where it stood and where the group wants it, and the source of the baseline. One per measure;
// the values are kept per status round (IndicatorValue).
struct IndicatorFigures {
    std::string unit, source;
    std::optional<double> baseline, target;
};
struct IndicatorValue {
    double value = 0;
    Timestamp at = 0;
};

// No position yet: the board flows the card into its zone.
inline constexpr double unplaced = -1.0;

struct Note {
    Id id = 0;
    Id run = 0;
    Id author = 0;          // participant id; 0: the facilitator wrote it
    std::string client_id;  // the phone's idempotency key, unique per author
    std::string text;       // trimmed, valid UTF-8, at most max_note_characters
    std::string zone;       // a zone id of the exercise's layout, or empty
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    bool deleted = false;   // kept, so a retried client_id never makes a second note
    bool revealed = false;  // seen by the whole group (after a silent write, only after reveal)
    bool highlighted = false;
    double x = unplaced, y = unplaced;  // facilitator's placement in [0, 1], on grids and maps
    Id cluster = 0;
    Id parent = 0;                                // the note this one answers "why?" to (5 whys chains)
    Id merged_into = 0;                           // a duplicate folded into another note; hidden, its dots count there
    int step = 0;                                 // the step it was written in: rounds and proposals stay apart
    std::map<std::string, std::string> fields{};  // the step's note fields: owner, start date...
};

}  // namespace samling
