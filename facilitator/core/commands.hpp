// Commands ask for a change; Changes record one that was decided. A command is checked
// against the state by Workshop::decide, the Changes it yields are stored, then applied.
// This is the one path every change takes, whoever asks: phone, facilitator or demo setup.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace samling {

enum class TimerAction { start, pause, reset };

using NoteFields = std::map<std::string, std::string>;

namespace cmd {
// Setup
struct OpenRoom {
    std::string name;
    std::string code;
    Language language = Language::nb;
};
struct AddGroup {
    std::string name;
};
struct StartExercise {
    Id group = 0;
    std::string exercise;
};
// Setup: the programme and its gatherings
struct NameProgramme {
    std::string name;
};
// How long the programme's notes are kept: months after its last gathering (0: not set). Samling
// warns when it has passed; it never deletes by itself.
struct SetRetention {
    int months = 0;
};
// How many of a group must answer a pulse before its result shows (core/pulse.hpp): the room's
// setting, never below min_pulse_threshold.
struct SetPulseThreshold {
    int threshold = 0;
};
// The facilitator enters a measure's indicator value for a group in its status round (the
// projector's status board). Outside the undo history: a wrong figure is entered again.
struct EnterIndicator {
    Id group = 0;
    Id note = 0;
    double value = 0;
};
struct SaveGathering {
    Id gathering = 0;
    std::string title;
    std::string date;
};  // 0: a new one
struct OpenGathering {
    Id gathering = 0;
};
struct EditGroup {
    Id group = 0;
    std::optional<std::string> name;  // each left out stays as it is
    std::optional<std::string> services;
    std::optional<std::string> project;
};
struct SetAgenda {
    Id gathering = 0;
    std::vector<std::string> exercises;
};
struct StartNext {
    Id group = 0;
};  // the next exercise on the open gathering's agenda
struct ConcludeRun {
    Id group = 0;
};  // writes the run into the group's project log
struct ReopenRun {
    Id run = 0;
};  // a run left by start-next or a new start becomes its group's current run again
// Setup: the room, and the groups and gatherings a programme outgrows
struct SetRoom {
    std::optional<std::string> name;  // "" names the room after the programme again
    std::optional<Language> language;
};
struct ArchiveGroup {
    Id group = 0;
    bool archived = true;
};
struct DeleteGroup {
    Id group = 0;
};  // only a group that has written nothing
struct ArchiveGathering {
    Id gathering = 0;
    bool archived = true;
};
struct DeleteGathering {
    Id gathering = 0;
};  // only a gathering no run belongs to
struct MoveParticipant {
    Id participant = 0;
    Id group = 0;
};
struct RemoveParticipant {
    Id participant = 0;
};
// Facilitator: the step machine
struct GoToStep {
    Id group = 0;
    int step = 0;
};
struct Reveal {
    Id group = 0;
};
struct LockWriting {
    Id group = 0;
    bool locked = true;
};
struct RunTimer {
    Id group = 0;
    TimerAction action = TimerAction::start;
};
// Facilitator: the board
struct PlaceNote {
    Id note = 0;
    std::string zone;
    double x = unplaced, y = unplaced;
};
struct SetNoteText {
    Id note = 0;
    std::string text;
};
struct RemoveNote {
    Id note = 0;
};
// The facilitator flags a note as personal data: it is deleted for good, from the store too (not
// undoable). Duplicates merged into it come back on the board, dots on it go back to their
// givers, "why?" answers to it answer its parent, and its text leaves the run's conclusion.
struct FlagPersonal {
    Id note = 0;
};
struct HighlightNote {
    Id note = 0;
    bool on = true;
};
struct MakeCluster {
    Id group = 0;
    std::string zone;
    std::string name;
    std::vector<Id> notes;
};
struct RenameCluster {
    Id cluster = 0;
    std::string name;
};
struct SetCluster {
    Id note = 0;
    Id cluster = 0;
};  // 0: out of any cluster
struct MergeNotes {
    Id keep = 0;
    Id absorb = 0;
};
struct AddFacilitatorNote {
    Id group = 0;
    std::string text;
    std::string zone;
    Id parent = 0;
    NoteFields fields{};
};
struct SetConclusion {
    Id group = 0;
    std::string field;
    std::string text;
};
struct Undo;  // see below: carries the changes that take an earlier edit back
// The facilitator's last action, whatever it was, taken back (Ctrl+Z, `undo {}`). The hub keeps
// the history: it turns this into the Undo that action's Decision carried.
struct UndoLast {};
struct Together;  // see below: several commands taken as one action
// The table lead: one participant per group may run its board from the phone (issue 10).
struct SetLead {
    Id group = 0;
    Id participant = 0;  // 0: the group has no lead; either way an open ask is answered
};
struct DeclineLead {
    Id group = 0;
};              // the facilitator says no to the group's open ask
struct AsLead;  // see below: a board command from the lead's phone, checked for its group
// Participants
struct Join {
    std::string code;
    Id group = 0;
    std::string name;
    std::string secret;
};
struct AddNote {
    Id participant = 0;
    std::string client_id;
    std::string text;
    std::optional<std::string> zone;
    Id parent = 0;
    NoteFields fields{};
};
struct EditNote {
    Id participant = 0;
    Id note = 0;
    std::optional<std::string> text;
    std::optional<std::string> zone;
    std::optional<NoteFields> fields{};
};
struct DeleteNote {
    Id participant = 0;
    Id note = 0;
};
struct CastVote {
    Id participant = 0;
    Id note = 0;
};
struct RetractVote {
    Id participant = 0;
    Id note = 0;
};
struct MarkDone {
    Id participant = 0;
    bool done = true;
};
// One answer in a pulse step, from the phone holding `token`: the answer is kept under the
// token's respondent key for the run (core/pulse.hpp), never under the participant.
struct AnswerPulse {
    Id participant = 0;
    std::string token;
    std::string statement;
    int value = 0;
};
// A measure's status in this status round, and one line of what happened: from any phone of
// the group. Without `text` the line this round already has stays.
struct ReportMeasure {
    Id participant = 0;
    Id note = 0;
    std::string status;  // not_started | started | done | stopped
    std::optional<std::string> text;
};
// A measure's indicator, its value at this gathering (from any phone of the group, in a status
// round); unit, baseline, target and source when given replace the measure's, else they stay.
struct ReportIndicator {
    Id participant = 0;
    Id note = 0;
    double value = 0;
    std::optional<std::string> unit, source;
    std::optional<double> baseline, target;
};
struct ChangeGroup {
    Id participant = 0;
    Id group = 0;
};  // "Bytt gruppe" on the phone: the same participant, in another group
// "First to ask takes it": a phone asks to lead its group; it leads only once the facilitator
// confirms (SetLead) on the projector.
struct AskLead {
    Id participant = 0;
};
// The facilitator's remotes and messages to the room. None of them is in the undo history: a
// revoked remote must never come back by Ctrl+Z, nor a message already read.
struct PairRemote {
    std::string name;
    std::string secret;  // the new remote token's secret (core/secrets); only its digest is kept
};
struct RevokeRemote {
    Id remote = 0;
};
struct Broadcast {
    std::string text;
    std::vector<Id> groups{};  // empty: every group
};
}  // namespace cmd

namespace change {
struct RoomOpened {
    Room room;
};
struct GroupAdded {
    LeaderGroup group;
};
struct ParticipantJoined {
    Participant participant;
};
struct ExerciseStarted {
    ExerciseRun run;
};
struct StepChanged {
    Id run = 0;
    int step = 0;
    Timer timer;
};  // a new step starts its own timer
struct NotesRevealed {
    Id run = 0;
};  // every note of the run so far
struct WritingLocked {
    Id run = 0;
    bool locked = true;
};
struct TimerChanged {
    Id run = 0;
    Timer timer;
};
struct NoteAdded {
    Note note;
};
struct NoteEdited {
    Id note = 0;
    std::string text;
    std::string zone;
    Timestamp at = 0;
    NoteFields fields{};
};
struct NoteDeleted {
    Id note = 0;
    Timestamp at = 0;
};
struct NoteRestored {
    Id note = 0;
    Timestamp at = 0;
};
struct NotePurged {
    Id note = 0;
};  // gone for good (cmd::FlagPersonal): its row, its dots; its answers move up to its parent
struct NotePlaced {
    Id note = 0;
    std::string zone;
    double x = unplaced, y = unplaced;
    Id cluster = 0;
};
struct NoteHighlighted {
    Id note = 0;
    bool on = true;
};
struct ClusterMade {
    Cluster cluster;
};
struct ClusterRenamed {
    Id cluster = 0;
    std::string name;
};
struct NotesMerged {
    Id keep = 0;
    Id absorb = 0;
};
struct NoteUnmerged {
    Id note = 0;
};
struct ConclusionSet {
    ConclusionField field;
};
struct DoneMarked {
    Id run = 0;
    int step = 0;
    Id participant = 0;
    bool done = true;
};
struct VoteCast {
    Id note = 0;
    Id participant = 0;
};
struct VoteRetracted {
    Id note = 0;
    Id participant = 0;
};
struct PulseAnswered {
    Id run = 0;
    std::string respondent;
    std::string statement;
    int value = 0;
};
struct MeasureReported {
    Id run = 0;   // the status round
    Id note = 0;  // the measure
    MeasureReport report;
};
// An indicator's value in a status round and the measure's figures as they now are.
struct IndicatorReported {
    Id run = 0;   // the status round the value belongs to
    Id note = 0;  // the measure
    IndicatorValue value;
    IndicatorFigures figures;
};
struct ProgrammeNamed {
    std::string name;
};
struct GatheringSaved {
    Gathering gathering;
};
struct RetentionSet {
    int months = 0;
};
struct PulseThresholdSet {
    int threshold = 0;
};
struct GatheringOpened {
    Id gathering = 0;
};
struct GroupEdited {
    LeaderGroup group;
};
struct AgendaSet {
    Id gathering = 0;
    std::vector<std::string> exercises;
};
struct RunConcluded {
    Id run = 0;
    Timestamp at = 0;  // 0: out of the project log again (an undone conclude)
};
struct RunReopened {
    Id group = 0;
    Id run = 0;  // 0: the group has no current run
};
struct NotesHidden {
    Id run = 0;
    std::vector<Id> notes;
};  // takes a reveal back: these notes are hidden again
struct RoomChanged {
    std::string name;
    Language language = Language::nb;
};
struct GroupArchived {
    Id group = 0;
    bool archived = true;
};
struct GroupDeleted {
    Id group = 0;
};  // with its participants and its empty runs
struct GatheringArchived {
    Id gathering = 0;
    bool archived = true;
};
struct GatheringDeleted {
    Id gathering = 0;
};
struct ParticipantMoved {
    Id participant = 0;
    Id group = 0;
};
struct ParticipantRemoved {
    Id participant = 0;
    bool removed = true;
};
struct LeadSet {
    Id group = 0;
    TableLead lead;  // as it is from now on
};
struct RemotePaired {
    Remote remote;
};
struct RemoteRevoked {
    Id remote = 0;
};
struct BroadcastSent {
    BroadcastMessage message;
};
}  // namespace change

using Change =
    std::variant<change::RoomOpened, change::GroupAdded, change::ParticipantJoined, change::ExerciseStarted,
                 change::StepChanged, change::NotesRevealed, change::WritingLocked, change::TimerChanged,
                 change::NoteAdded, change::NoteEdited, change::NoteDeleted, change::NoteRestored, change::NotePlaced,
                 change::NoteHighlighted, change::ClusterMade, change::ClusterRenamed, change::NotesMerged,
                 change::NoteUnmerged, change::ConclusionSet, change::DoneMarked, change::VoteCast,
                 change::VoteRetracted, change::ProgrammeNamed, change::GatheringSaved, change::GatheringOpened,
                 change::GroupEdited, change::AgendaSet, change::RunConcluded, change::RunReopened, change::NotesHidden,
                 change::RoomChanged, change::GroupArchived, change::GroupDeleted, change::GatheringArchived,
                 change::GatheringDeleted, change::ParticipantMoved, change::ParticipantRemoved, change::PulseAnswered,
                 change::RetentionSet, change::NotePurged, change::LeadSet, change::RemotePaired, change::RemoteRevoked,
                 change::BroadcastSent, change::PulseThresholdSet, change::MeasureReported, change::IndicatorReported>;

namespace cmd {
// Takes back one earlier facilitator action. The changes come from that action's
// Decision::undo (the hub keeps them) and are checked again before they are applied.
struct Undo {
    std::vector<Change> changes;
};
}  // namespace cmd

using Command =
    std::variant<cmd::OpenRoom, cmd::AddGroup, cmd::StartExercise, cmd::NameProgramme, cmd::SaveGathering,
                 cmd::OpenGathering, cmd::EditGroup, cmd::SetAgenda, cmd::StartNext, cmd::ConcludeRun, cmd::ReopenRun,
                 cmd::SetRoom, cmd::ArchiveGroup, cmd::DeleteGroup, cmd::ArchiveGathering, cmd::DeleteGathering,
                 cmd::MoveParticipant, cmd::RemoveParticipant, cmd::GoToStep, cmd::Reveal, cmd::LockWriting,
                 cmd::RunTimer, cmd::PlaceNote, cmd::SetNoteText, cmd::RemoveNote, cmd::HighlightNote, cmd::MakeCluster,
                 cmd::RenameCluster, cmd::SetCluster, cmd::MergeNotes, cmd::AddFacilitatorNote, cmd::SetConclusion,
                 cmd::Undo, cmd::UndoLast, cmd::Together, cmd::Join, cmd::AddNote, cmd::EditNote, cmd::DeleteNote,
                 cmd::CastVote, cmd::RetractVote, cmd::MarkDone, cmd::ChangeGroup, cmd::AnswerPulse, cmd::SetRetention,
                 cmd::FlagPersonal, cmd::SetLead, cmd::DeclineLead, cmd::AskLead, cmd::AsLead, cmd::PairRemote,
                 cmd::RevokeRemote, cmd::Broadcast, cmd::SetPulseThreshold, cmd::ReportMeasure, cmd::ReportIndicator,
                 cmd::EnterIndicator>;

namespace cmd {
// Several commands taken as one action, in order: one answer, one step of the undo history.
// The room-wide keys (Shift+S, Shift+→…) send one; a command that is refused is left out and
// counted, the others stand. The hub takes it apart (Workshop::decide refuses it).
struct Together {
    std::vector<Command> commands;
};
// One board command (place_note, make_cluster, rename_cluster, set_cluster, merge_notes,
// set_conclusion, conclude_run) sent by a group's table lead. Workshop::decide checks that the
// participant leads its group and that the command touches only that group's current run, then
// decides the command itself: the same changes, and the same way back, as the projector's.
struct AsLead {
    Id participant = 0;
    std::vector<Command> command;  // exactly one (a vector only because Command is incomplete above)
};
}  // namespace cmd

// A phone's own commands: never the facilitator's, so never in the facilitator's undo history.
inline bool is_participant_command(const Command& c) {
    return std::holds_alternative<cmd::Join>(c) || std::holds_alternative<cmd::AddNote>(c) ||
           std::holds_alternative<cmd::EditNote>(c) || std::holds_alternative<cmd::DeleteNote>(c) ||
           std::holds_alternative<cmd::CastVote>(c) || std::holds_alternative<cmd::RetractVote>(c) ||
           std::holds_alternative<cmd::MarkDone>(c) || std::holds_alternative<cmd::ChangeGroup>(c) ||
           std::holds_alternative<cmd::AnswerPulse>(c) || std::holds_alternative<cmd::AskLead>(c) ||
           std::holds_alternative<cmd::ReportMeasure>(c) || std::holds_alternative<cmd::ReportIndicator>(c);
}

// Commands that change the room but are no facilitator action to take back (see PairRemote).
inline bool is_outside_undo(const Command& c) {
    return std::holds_alternative<cmd::PairRemote>(c) || std::holds_alternative<cmd::RevokeRemote>(c) ||
           std::holds_alternative<cmd::Broadcast>(c) || std::holds_alternative<cmd::EnterIndicator>(c);
}

// What a command decided: the changes to store and apply (none for an idempotent retry),
// the entity the caller asked about (the new note, the new participant...), and for the
// facilitator's board edits the changes that would take it back.
struct Decision {
    std::vector<Change> changes;
    Id subject = 0;
    bool created = true;  // false: the command repeated an earlier one; nothing new
    std::vector<Change> undo;
};

}  // namespace samling
