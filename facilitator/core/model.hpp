// The workshop's nouns: room, leader groups, participants, exercise runs, notes, votes.
// Plain structs in the brief's words. No ImGui, HTTP or SQLite here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samling {

using Id = std::int64_t;         // 0 means "none"
using Revision = std::int64_t;   // moves on every committed change
using Timestamp = std::int64_t;  // milliseconds since the Unix epoch, UTC

enum class Language { nb, nn, en };
std::string_view to_string(Language lang);
std::optional<Language> parse_language(std::string_view s);

// Limits a phone's input must respect; the API and the page quote them.
inline constexpr std::size_t max_note_code_points = 280;
inline constexpr std::size_t max_name_code_points = 60;
inline constexpr std::size_t max_client_id_bytes = 64;

// The room a gathering runs in. The code is shown on the projector, so it is not a secret.
struct Room {
    std::string code;
    std::string name;
    Language language = Language::nb;
    bool open = true;
};

struct LeaderGroup {
    Id id = 0;
    std::string name;
};

// A phone that joined a leader group. Its token is "<id>.<secret>".
struct Participant {
    Id id = 0;
    Id group = 0;
    std::string name;    // optional; empty means anonymous
    std::string secret;  // 128 random bits, hex
    Timestamp joined_at = 0;
};

// One leader group working through one exercise; its board is its own.
struct ExerciseRun {
    Id id = 0;
    Id group = 0;
    std::string exercise;  // ExerciseDefinition::id
    int step = 0;          // index into the definition's steps
    Timestamp started_at = 0;
};

struct Note {
    Id id = 0;
    Id run = 0;
    Id author = 0;           // participant id
    std::string client_id;   // the phone's idempotency key, unique per author
    std::string text;        // trimmed, valid UTF-8, at most max_note_code_points
    std::string zone;        // a zone id of the exercise's layout, or empty
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    bool deleted = false;    // kept, so a retried client_id never makes a second note
};

// One dot a participant put on a note. A participant may stack several on one note.
struct Vote {
    Id note = 0;
    Id participant = 0;
    int dots = 0;
};

}  // namespace samling
