// The workshop's state and its rules. decide() checks a command against the state and says
// what would change; apply() makes a decided change. Pure C++: no ImGui, HTTP or SQLite.
//
// Invariants: ids only grow; a participant belongs to exactly one group; a note belongs to
// one exercise run, whose group is its author's; revision() grows by one per applied change.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/commands.hpp"
#include "core/exercise.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

class Workshop {
public:
    explicit Workshop(std::shared_ptr<const ExerciseCatalog> catalog);

    Result<Decision> decide(const Command& command, Timestamp now) const;
    void apply(const Change& change);

    Revision revision() const { return revision_; }
    // The revision of the last change a phone in `group` could see: phones of other groups
    // are not sent a fresh state for every note written elsewhere in the room.
    Revision revision_for(Id group) const;
    void set_revision(Revision r);  // for the store, after loading

    // Queries
    const std::optional<Room>& room() const { return room_; }
    const ExerciseCatalog& catalog() const { return *catalog_; }
    const std::map<Id, LeaderGroup>& groups() const { return groups_; }
    const std::map<Id, Participant>& participants() const { return participants_; }
    const std::map<Id, Note>& notes() const { return notes_; }
    const std::map<Id, ExerciseRun>& runs() const { return runs_; }

    const LeaderGroup* group(Id id) const;
    const Participant* participant(Id id) const;
    const Note* note(Id id) const;
    const ExerciseRun* current_run(Id group) const;
    const ExerciseDefinition* definition(const ExerciseRun& run) const;
    const Step* current_step(const ExerciseRun& run) const;

    // The live notes of a run, oldest first.
    std::vector<const Note*> notes_of_run(Id run) const;
    int participants_in(Id group) const;
    int dots_on(Id note) const;
    int dots_by(Id participant, Id note) const;
    int dots_used(Id participant, Id run) const;

    // The participant a bearer token belongs to, if the token is valid and the room open.
    std::optional<Id> authenticate(std::string_view token) const;

private:
    Result<Decision> decide_(const cmd::OpenRoom& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AddGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::StartExercise& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::GoToStep& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Join& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AddNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::EditNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::DeleteNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::CastVote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RetractVote& c, Timestamp now) const;

    // The run and step a participant's write goes to, or why it cannot.
    struct Target {
        const ExerciseRun* run;
        const Step* step;
    };
    Result<Target> writable_step(Id participant, StepKind kind) const;
    Result<const Note*> own_note(Id participant, Id note_id) const;

    void apply_(const change::RoomOpened& c);
    void apply_(const change::GroupAdded& c);
    void apply_(const change::ParticipantJoined& c);
    void apply_(const change::ExerciseStarted& c);
    void apply_(const change::StepChanged& c);
    void apply_(const change::NoteAdded& c);
    void apply_(const change::NoteEdited& c);
    void apply_(const change::NoteDeleted& c);
    void apply_(const change::VoteCast& c);
    void apply_(const change::VoteRetracted& c);

    std::shared_ptr<const ExerciseCatalog> catalog_;
    // The group a change concerns, or 0 when it concerns the whole room.
    Id group_of(const Change& change) const;

    Revision revision_ = 0;
    Revision room_revision_ = 0;             // last change that concerns every group
    std::map<Id, Revision> group_revision_;  // last change that concerns one group
    std::optional<Room> room_;
    std::map<Id, LeaderGroup> groups_;
    std::map<Id, Participant> participants_;
    std::map<Id, ExerciseRun> runs_;
    std::map<Id, Id> current_run_;  // group -> its newest run
    std::map<Id, Note> notes_;
    std::map<std::pair<Id, std::string>, Id> note_by_client_id_;  // (author, client_id) -> note
    std::map<std::pair<Id, Id>, int> dots_;                        // (note, participant) -> dots
    Id next_id_ = 1;  // one sequence for every entity keeps ids unique in logs and URLs
};

}  // namespace samling
