// The workshop's state and its rules. decide() checks a command against the state and says
// what would change; apply() makes a decided change. Pure C++: no ImGui, HTTP or SQLite.
//
// Invariants: ids only grow; a participant belongs to exactly one group; a note belongs to
// one exercise run, whose group was its author's when it was written (a participant may move
// on; its notes stay); a clustered note sits in its cluster's zone; a group's current run is
// one of its own runs; revision() grows by one per applied change.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/commands.hpp"
#include "core/exercise.hpp"
#include "core/model.hpp"
#include "core/pulse.hpp"
#include "core/result.hpp"
#include "core/shared_part.hpp"

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
    // What phones and the projector call the room: the facilitator's name for it, else the
    // programme's (with the open gathering's title), else "Samling".
    std::string room_title() const;
    const ExerciseCatalog& catalog() const { return *catalog_; }
    const std::map<Id, LeaderGroup>& groups() const { return *groups_; }
    const std::map<Id, Participant>& participants() const { return *participants_; }
    std::size_t note_count() const { return note_count_; }  // every note ever written
    const std::map<Id, ExerciseRun>& runs() const { return *runs_; }
    const std::map<Id, Cluster>& clusters() const { return *clusters_; }
    const std::string& programme() const { return programme_; }
    int retention_months() const { return retention_months_; }  // 0: not set
    int pulse_threshold() const { return pulse_threshold_; }    // the room's; every pulse summary uses it
    const std::map<Id, Gathering>& gatherings() const { return *gatherings_; }
    const Gathering* gathering(Id id) const;
    const Gathering* open_gathering() const;  // the gathering new runs belong to, if any
    const std::vector<std::string>& agenda(Id gathering) const;
    // A group's project log: its concluded runs, oldest first.
    std::vector<const ExerciseRun*> project_log(Id group) const;

    const LeaderGroup* group(Id id) const;
    const Participant* participant(Id id) const;
    const Note* note(Id id) const;
    const Cluster* cluster(Id id) const;
    const ExerciseRun* current_run(Id group) const;
    const ExerciseDefinition* definition(const ExerciseRun& run) const;
    const Step* current_step(const ExerciseRun& run) const;

    // The notes on a run's board (not deleted, not merged into another), oldest first.
    std::vector<const Note*> notes_of_run(Id run) const;
    std::vector<const Cluster*> clusters_of_run(Id run) const;
    // Every note ever written in the run, deleted and merged ones too, by id (oldest first).
    const std::map<Id, Note>& notes_in_run(Id run) const;
    // The notes folded into `note` as its duplicates (deleted ones too).
    const std::vector<Id>& duplicates_of(Id note) const;
    // A group's runs, oldest first: the current one and those left by start-next or a new start.
    std::vector<const ExerciseRun*> runs_of(Id group) const;
    // Whether anything was written in the group: a note (even a deleted one) or a conclusion.
    bool group_has_content(Id group) const;
    // A pulse run's answers: one sheet per phone that answered, with nothing saying whose, and
    // the sheet kept under one respondent key (core/pulse.hpp), or nullptr.
    std::vector<PulseSheet> pulse_sheets(Id run) const;
    const PulseSheet* pulse_sheet(Id run, std::string_view respondent) const;
    // Measures' statuses by (status round, measure note); which measures a round asks is
    // core/measures.hpp's to say.
    const std::map<std::pair<Id, Id>, MeasureReport>& measure_reports() const { return *measure_reports_; }
    const MeasureReport* measure_report(Id run, Id note) const;
    // Measures' indicators: the figures by measure note, the values by (status round, note).
    const std::map<Id, IndicatorFigures>& indicators() const { return *indicators_; }
    const std::map<std::pair<Id, Id>, IndicatorValue>& indicator_values() const { return *indicator_values_; }
    int participants_in(Id group) const;  // those not removed
    // Dots on a note, counting the dots on the duplicates merged into it.
    int dots_on(Id note) const;
    int dots_by(Id participant, Id note) const;
    int dots_used(Id participant, Id run) const;
    int merged_count(Id note) const;  // duplicates folded into this note
    // How many participants of the run's group said "done" in its current step.
    int done_count(const ExerciseRun& run) const;
    bool is_done(Id participant, const ExerciseRun& run) const;
    // A run's conclusion field, or "".
    const std::string& conclusion(Id run, std::string_view field) const;
    // The newest non-empty value of `field` in the group's runs of `exercise` (carry-over,
    // e.g. the problem statement that becomes the fishbone's head).
    std::optional<std::string> latest_conclusion(Id group, std::string_view exercise, std::string_view field) const;
    // The author's name as the projector may show it under the exercise's anonymity, or "".
    std::string projector_author(const Note& note) const;

    // Whether a phone may see this note: its own, or one revealed to the group; never a
    // deleted note or a duplicate merged into another.
    bool visible_to(const Note& n, Id participant) const;

    // The group's table lead and open ask as stored ({0, 0}: none). lead_of() is the lead who
    // may act: a participant still in the room and still in that group, else 0.
    TableLead table_lead(Id group) const;
    Id lead_of(Id group) const;
    Id lead_asked(Id group) const;  // likewise for the phone that asked and waits, else 0
    bool is_lead(Id participant) const;

    // The participant a bearer token belongs to, if the token is valid in this room.
    std::optional<Id> authenticate(std::string_view token) const;

    // Facilitator remotes (revoked ones too, so the control state can say so) and the remote a
    // token "r<id>.<secret>" belongs to, if it is paired and not revoked.
    const std::map<Id, Remote>& remotes() const { return remotes_; }
    const Remote* remote(Id id) const;
    std::optional<Id> authenticate_remote(std::string_view token) const;
    // The newest message to the room, if any (phones show it until dismissed).
    const std::optional<BroadcastMessage>& broadcast() const { return broadcast_; }

private:
    // Deciding: workshop_participant.cpp, workshop_facilitator.cpp, workshop_programme.cpp
    Result<Decision> decide_(const cmd::OpenRoom& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AddGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::StartExercise& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::NameProgramme& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetRetention& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetPulseThreshold& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SaveGathering& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::OpenGathering& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::EditGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetAgenda& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::StartNext& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ConcludeRun& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ReopenRun& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetRoom& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ArchiveGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::DeleteGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ArchiveGathering& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::DeleteGathering& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::MoveParticipant& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RemoveParticipant& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::UndoLast& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Together& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ChangeGroup& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::GoToStep& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Reveal& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::LockWriting& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RunTimer& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::PlaceNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetNoteText& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RemoveNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::FlagPersonal& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::HighlightNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::MakeCluster& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RenameCluster& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetCluster& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::MergeNotes& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AddFacilitatorNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::SetConclusion& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Undo& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Join& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AddNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::EditNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::DeleteNote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::CastVote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RetractVote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::MarkDone& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AnswerPulse& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ReportMeasure& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::ReportIndicator& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::EnterIndicator& c, Timestamp now) const;
    // The table lead: workshop_lead.cpp
    Result<Decision> decide_(const cmd::SetLead& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::DeclineLead& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AskLead& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::AsLead& c, Timestamp now) const;
    // Whether `command` touches only the current run of `group`, the lead's own (Errc::other_group,
    // not_lead_command or note_not_found otherwise).
    Status lead_may(Id participant, Id group, const Command& command) const;
    // workshop_remotes.cpp
    Result<Decision> decide_(const cmd::PairRemote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::RevokeRemote& c, Timestamp now) const;
    Result<Decision> decide_(const cmd::Broadcast& c, Timestamp now) const;

    // The run and step a participant's write goes to, or why it cannot.
    struct Target {
        const ExerciseRun* run;
        const Step* step;
    };
    Result<Target> participant_step(Id participant) const;
    Result<Target> writable_step(Id participant) const;  // takes notes, not locked
    Result<Target> group_step(Id group) const;
    // A value for one of the open measures of `target`'s status round (workshop_measures.cpp).
    Result<Decision> decide_indicator(Result<Target> target, Id note, double value,
                                      const std::optional<IndicatorFigures>& figures, Timestamp now) const;
    Result<const Note*> own_note(Id participant, Id note_id) const;
    struct EditableNote {
        const Note* note;
        Target target;
    };
    // A participant's own note in the step now taking notes: what edit and delete need.
    Result<EditableNote> editable_note(Id participant, Id note_id) const;
    // A note's structured fields checked against the step's note_fields.
    Result<NoteFields> clean_note_fields(const Step& step, const NoteFields& fields) const;
    Result<const Note*> board_note(Id note_id) const;  // for the facilitator: any live note
    Change placement_of(const Note& n) const;          // a NotePlaced that restores n as it is
    // The change that makes the group's current run what it is now (the undo of a start).
    Change current_run_as_is(Id group) const;

    // Applying: workshop.cpp
    void apply_(const change::RoomOpened& c);
    void apply_(const change::GroupAdded& c);
    void apply_(const change::ParticipantJoined& c);
    void apply_(const change::ExerciseStarted& c);
    void apply_(const change::StepChanged& c);
    void apply_(const change::NotesRevealed& c);
    void apply_(const change::WritingLocked& c);
    void apply_(const change::TimerChanged& c);
    void apply_(const change::NoteAdded& c);
    void apply_(const change::NoteEdited& c);
    void apply_(const change::NoteDeleted& c);
    void apply_(const change::NoteRestored& c);
    void apply_(const change::NotePlaced& c);
    void apply_(const change::NoteHighlighted& c);
    void apply_(const change::ClusterMade& c);
    void apply_(const change::ClusterRenamed& c);
    void apply_(const change::NotesMerged& c);
    void apply_(const change::NoteUnmerged& c);
    void apply_(const change::ConclusionSet& c);
    void apply_(const change::DoneMarked& c);
    void apply_(const change::VoteCast& c);
    void apply_(const change::VoteRetracted& c);
    void apply_(const change::ProgrammeNamed& c);
    void apply_(const change::RetentionSet& c);
    void apply_(const change::PulseThresholdSet& c);
    void apply_(const change::GatheringSaved& c);
    void apply_(const change::GatheringOpened& c);
    void apply_(const change::GroupEdited& c);
    void apply_(const change::AgendaSet& c);
    void apply_(const change::RunConcluded& c);
    void apply_(const change::RunReopened& c);
    void apply_(const change::NotesHidden& c);
    void apply_(const change::RoomChanged& c);
    void apply_(const change::GroupArchived& c);
    void apply_(const change::GroupDeleted& c);
    void apply_(const change::GatheringArchived& c);
    void apply_(const change::GatheringDeleted& c);
    void apply_(const change::ParticipantMoved& c);
    void apply_(const change::ParticipantRemoved& c);
    void apply_(const change::PulseAnswered& c);
    void apply_(const change::MeasureReported& c);
    void apply_(const change::IndicatorReported& c);
    void apply_(const change::NotePurged& c);
    void apply_(const change::LeadSet& c);
    void apply_(const change::RemotePaired& c);
    void apply_(const change::RemoteRevoked& c);
    void apply_(const change::BroadcastSent& c);

    void unlink_duplicate(Id note);  // takes a merged note out of its keeper's duplicates, and unmerges it

    // One run's notes and the dots and duplicates on them. Snapshots share a run's notes until
    // a change touches that run: a batch copies the runs it writes to, not the programme's
    // 50,000 notes (the hub copies the Workshop for every batch that changes something).
    struct RunNotes {
        std::map<Id, Note> notes;                  // deleted and merged ones too
        std::map<Id, std::vector<Id>> duplicates;  // note -> the notes merged into it
        std::map<std::pair<Id, Id>, int> dots;     // (note, participant) -> dots
    };
    const RunNotes* run_notes(Id run) const;  // nullptr: the run has no notes yet
    const RunNotes* notes_of_note(Id note) const;
    RunNotes& run_notes_for_write(Id run);  // this Workshop's own copy, made on the first write
    Note& note_for_write(Id note);

    // The group a change concerns, or 0 when it concerns the whole room.
    Id group_of(const Change& change) const;

    std::shared_ptr<const ExerciseCatalog> catalog_;
    Revision revision_ = 0;
    Revision room_revision_ = 0;             // last change that concerns every group
    std::map<Id, Revision> group_revision_;  // last change that concerns one group
    std::optional<Room> room_;
    std::string programme_;
    int retention_months_ = 0;
    int pulse_threshold_ = default_pulse_threshold;
    SharedPart<std::map<Id, Gathering>> gatherings_;
    Id open_gathering_ = 0;
    SharedPart<std::map<Id, std::vector<std::string>>> agendas_;
    SharedPart<std::map<Id, LeaderGroup>> groups_;
    SharedPart<std::map<Id, Participant>> participants_;
    SharedPart<std::map<Id, ExerciseRun>> runs_;
    SharedPart<std::map<Id, Id>> current_run_;  // group -> its newest run
    SharedPart<std::map<Id, Cluster>> clusters_;
    SharedPart<std::map<std::pair<Id, std::string>, ConclusionField, std::less<>>> conclusions_;  // (run, field)
    SharedPart<std::set<std::tuple<Id, int, Id>>> done_;  // (run, step, participant)
    std::map<Id, TableLead> leads_;                       // group -> its lead and ask
    // The notes, by run (shared between snapshots, see RunNotes), found by id through
    // note_run_, so a board or a poll costs its own run, not the programme.
    SharedPart<std::map<Id, std::shared_ptr<RunNotes>>> run_notes_;
    std::vector<Id> note_run_;  // note id -> its run; 0: no note has that id
    std::size_t note_count_ = 0;
    // author -> client_id -> note: a phone's retry finds its note. Shared per author likewise.
    SharedPart<std::map<Id, std::shared_ptr<std::map<std::string, Id>>>> client_ids_;
    // run -> respondent key -> that phone's answers; shared per run between snapshots like the
    // notes. No participant id anywhere: an answer cannot be traced back to a person.
    SharedPart<std::map<Id, std::shared_ptr<const std::map<std::string, PulseSheet>>>> pulse_answers_;
    // (status round run, measure note) -> status; a few per group, so one map copied whole
    SharedPart<std::map<std::pair<Id, Id>, MeasureReport>> measure_reports_;
    SharedPart<std::map<Id, IndicatorFigures>> indicators_;                     // by measure note
    SharedPart<std::map<std::pair<Id, Id>, IndicatorValue>> indicator_values_;  // (round, note)
    std::map<Id, Remote> remotes_;
    std::optional<BroadcastMessage> broadcast_;
    Id next_id_ = 1;  // one sequence for every entity keeps ids unique in logs and URLs
};

}  // namespace samling
