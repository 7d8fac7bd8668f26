// Commands ask for a change; Changes record one that was decided. A command is checked
// against the state by Workshop::decide, the Changes it yields are stored, then applied.
// This is the one path every change takes, whoever asks: phone, facilitator or demo setup.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace samling {

namespace cmd {
// Facilitator and setup
struct OpenRoom { std::string name; std::string code; Language language = Language::nb; };
struct AddGroup { std::string name; };
struct StartExercise { Id group = 0; std::string exercise; };
struct GoToStep { Id group = 0; int step = 0; };
// Participants
struct Join { std::string code; Id group = 0; std::string name; std::string secret; };
struct AddNote { Id participant = 0; std::string client_id; std::string text; std::optional<std::string> zone; };
struct EditNote { Id participant = 0; Id note = 0; std::optional<std::string> text; std::optional<std::string> zone; };
struct DeleteNote { Id participant = 0; Id note = 0; };
struct CastVote { Id participant = 0; Id note = 0; };
struct RetractVote { Id participant = 0; Id note = 0; };
}  // namespace cmd

using Command = std::variant<cmd::OpenRoom, cmd::AddGroup, cmd::StartExercise, cmd::GoToStep,
                             cmd::Join, cmd::AddNote, cmd::EditNote, cmd::DeleteNote,
                             cmd::CastVote, cmd::RetractVote>;

namespace change {
struct RoomOpened { Room room; };
struct GroupAdded { LeaderGroup group; };
struct ParticipantJoined { Participant participant; };
struct ExerciseStarted { ExerciseRun run; };
struct StepChanged { Id run = 0; int step = 0; };
struct NoteAdded { Note note; };
struct NoteEdited { Id note = 0; std::string text; std::string zone; Timestamp at = 0; };
struct NoteDeleted { Id note = 0; Timestamp at = 0; };
struct VoteCast { Id note = 0; Id participant = 0; };
struct VoteRetracted { Id note = 0; Id participant = 0; };
}  // namespace change

using Change = std::variant<change::RoomOpened, change::GroupAdded, change::ParticipantJoined,
                            change::ExerciseStarted, change::StepChanged, change::NoteAdded,
                            change::NoteEdited, change::NoteDeleted, change::VoteCast,
                            change::VoteRetracted>;

// What a command decided: the changes to store and apply (none for an idempotent retry),
// and the entity the caller asked about (the new note, the new participant...).
struct Decision {
    std::vector<Change> changes;
    Id subject = 0;
    bool created = true;  // false: the command repeated an earlier one; nothing new
};

}  // namespace samling
