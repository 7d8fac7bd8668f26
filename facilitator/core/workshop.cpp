// The workshop's queries, and how each decided change is applied. The rules that decide
// changes are in workshop_participant.cpp and workshop_facilitator.cpp.
#include "core/workshop.hpp"

#include <algorithm>
#include <cassert>

#include "core/secrets.hpp"
#include "core/sha256.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::overloaded;

Workshop::Workshop(std::shared_ptr<const ExerciseCatalog> catalog) : catalog_(std::move(catalog)) {
    assert(catalog_);
}

// ---------------------------------------------------------------------------------------------
// Queries

const LeaderGroup* Workshop::group(Id id) const {
    auto it = groups_->find(id);
    return it == groups_->end() ? nullptr : &it->second;
}

const Participant* Workshop::participant(Id id) const {
    auto it = participants_->find(id);
    return it == participants_->end() ? nullptr : &it->second;
}

const Workshop::RunNotes* Workshop::run_notes(Id run) const {
    const auto it = run_notes_->find(run);
    return it == run_notes_->end() ? nullptr : it->second.get();
}

const Workshop::RunNotes* Workshop::notes_of_note(Id note_id) const {
    if (note_id <= 0 || static_cast<std::size_t>(note_id) >= note_run_.size()) return nullptr;
    const Id run = note_run_[static_cast<std::size_t>(note_id)];
    return run ? run_notes(run) : nullptr;
}

Workshop::RunNotes& Workshop::run_notes_for_write(Id run) {
    std::shared_ptr<RunNotes>& shared = (run_notes_.write())[run];
    // Shared with a published snapshot (or the one this copy came from): copy this run alone.
    // Only the hub's writer thread copies a Workshop, so a count of 1 cannot grow meanwhile.
    if (!shared)
        shared = std::make_shared<RunNotes>();
    else if (shared.use_count() > 1)
        shared = std::make_shared<RunNotes>(*shared);
    return *shared;
}

Note& Workshop::note_for_write(Id note_id) {
    return run_notes_for_write(note_run_.at(static_cast<std::size_t>(note_id))).notes.at(note_id);
}

const Note* Workshop::note(Id id) const {
    const RunNotes* run = notes_of_note(id);
    if (!run) return nullptr;
    auto it = run->notes.find(id);
    return it == run->notes.end() ? nullptr : &it->second;
}

const Cluster* Workshop::cluster(Id id) const {
    auto it = clusters_->find(id);
    return it == clusters_->end() ? nullptr : &it->second;
}

const ExerciseRun* Workshop::current_run(Id group) const {
    auto it = current_run_->find(group);
    if (it == current_run_->end()) return nullptr;
    return &runs_->at(it->second);
}

const ExerciseDefinition* Workshop::definition(const ExerciseRun& run) const {
    return catalog_->find(run.exercise);
}

const Step* Workshop::current_step(const ExerciseRun& run) const {
    const ExerciseDefinition* def = definition(run);
    if (!def || run.step < 0 || run.step >= static_cast<int>(def->steps.size())) return nullptr;
    return &def->steps[static_cast<std::size_t>(run.step)];
}

namespace {
const std::vector<Id> no_ids;

const std::map<Id, Note> no_notes;
}  // namespace

const std::map<Id, Note>& Workshop::notes_in_run(Id run) const {
    const RunNotes* r = run_notes(run);
    return r ? r->notes : no_notes;
}

const std::vector<Id>& Workshop::duplicates_of(Id note_id) const {
    const RunNotes* r = notes_of_note(note_id);
    if (!r) return no_ids;
    const auto it = r->duplicates.find(note_id);
    return it == r->duplicates.end() ? no_ids : it->second;
}

std::vector<const Note*> Workshop::notes_of_run(Id run) const {
    std::vector<const Note*> out;
    for (const auto& [id, n] : notes_in_run(run))
        if (!n.deleted && n.merged_into == 0) out.push_back(&n);
    return out;  // ids grow with time: oldest first
}

std::vector<const Cluster*> Workshop::clusters_of_run(Id run) const {
    std::vector<const Cluster*> out;
    for (const auto& [id, c] : *clusters_)
        if (c.run == run) out.push_back(&c);
    return out;
}

std::vector<const ExerciseRun*> Workshop::runs_of(Id group_id) const {
    std::vector<const ExerciseRun*> out;
    for (const auto& [id, run] : *runs_)
        if (run.group == group_id) out.push_back(&run);
    return out;
}

bool Workshop::group_has_content(Id group_id) const {
    for (const ExerciseRun* run : runs_of(group_id))
        if (!notes_in_run(run->id).empty() || pulse_answers_->count(run->id)) return true;
    for (const auto& [key, report] : *measure_reports_)
        if (runs_->at(key.first).group == group_id) return true;
    for (const auto& [key, value] : *indicator_values_)
        if (runs_->at(key.first).group == group_id) return true;
    for (const auto& [key, field] : *conclusions_)
        if (!field.text.empty() && runs_->at(key.first).group == group_id) return true;
    return false;
}

int Workshop::participants_in(Id group) const {
    return static_cast<int>(std::count_if(participants_->begin(), participants_->end(),
                                          [&](const auto& p) { return p.second.group == group && !p.second.removed; }));
}

std::string Workshop::room_title() const {
    if (room_ && !room_->name.empty()) return room_->name;
    if (programme_.empty()) return "Samling";
    const Gathering* g = open_gathering();
    return g && !g->title.empty() ? programme_ + " – " + g->title : programme_;
}

int Workshop::dots_on(Id note_id) const {
    const RunNotes* r = notes_of_note(note_id);
    if (!r) return 0;
    int total = 0;
    for (auto it = r->dots.lower_bound({note_id, 0}); it != r->dots.end() && it->first.first == note_id; ++it)
        total += it->second;
    for (Id id : duplicates_of(note_id))
        if (!r->notes.at(id).deleted) total += dots_on(id);
    return total;
}

int Workshop::dots_by(Id participant, Id note_id) const {
    const RunNotes* r = notes_of_note(note_id);
    if (!r) return 0;
    auto it = r->dots.find({note_id, participant});
    return it == r->dots.end() ? 0 : it->second;
}

int Workshop::dots_used(Id participant, Id run) const {
    int total = 0;
    const RunNotes* r = run_notes(run);
    if (!r) return 0;
    for (const auto& [key, dots] : r->dots)
        if (key.second == participant && !r->notes.at(key.first).deleted) total += dots;
    return total;
}

int Workshop::merged_count(Id note_id) const {
    const std::vector<Id>& dupes = duplicates_of(note_id);
    return static_cast<int>(std::count_if(dupes.begin(), dupes.end(), [&](Id id) { return !note(id)->deleted; }));
}

int Workshop::done_count(const ExerciseRun& run) const {
    int count = 0;
    for (auto it = done_->lower_bound({run.id, run.step, 0});
         it != done_->end() && std::get<0>(*it) == run.id && std::get<1>(*it) == run.step; ++it)
        ++count;
    return count;
}

bool Workshop::is_done(Id participant_id, const ExerciseRun& run) const {
    return done_->count({run.id, run.step, participant_id}) > 0;
}

const std::string& Workshop::conclusion(Id run, std::string_view field) const {
    static const std::string none;
    auto it = conclusions_->find(std::pair<Id, std::string>{run, std::string(field)});
    return it == conclusions_->end() ? none : it->second.text;
}

std::optional<std::string> Workshop::latest_conclusion(Id group_id, std::string_view exercise,
                                                       std::string_view field) const {
    for (auto it = runs_->rbegin(); it != runs_->rend(); ++it) {
        const ExerciseRun& run = it->second;
        if (run.group != group_id || run.exercise != exercise) continue;
        if (const std::string& text = conclusion(run.id, field); !text.empty()) return text;
    }
    return std::nullopt;
}

const Gathering* Workshop::gathering(Id id) const {
    auto it = gatherings_->find(id);
    return it == gatherings_->end() ? nullptr : &it->second;
}

const Gathering* Workshop::open_gathering() const {
    return gathering(open_gathering_);
}

const std::vector<std::string>& Workshop::agenda(Id gathering_id) const {
    static const std::vector<std::string> none;
    auto it = agendas_->find(gathering_id);
    return it == agendas_->end() ? none : it->second;
}

std::vector<const ExerciseRun*> Workshop::project_log(Id group_id) const {
    std::vector<const ExerciseRun*> out;
    for (const auto& [id, run] : *runs_)
        if (run.group == group_id && run.concluded_at != 0) out.push_back(&run);
    std::stable_sort(out.begin(), out.end(),
                     [](const ExerciseRun* a, const ExerciseRun* b) { return a->concluded_at < b->concluded_at; });
    return out;
}

std::string Workshop::projector_author(const Note& n) const {
    const ExerciseRun& run = runs_->at(n.run);
    const ExerciseDefinition* def = definition(run);
    if (!def || def->anonymity != Anonymity::projector) return {};
    const Participant* p = participant(n.author);
    return p ? p->name : std::string();
}

std::optional<Id> Workshop::authenticate(std::string_view token) const {
    if (!room_) return std::nullopt;
    const auto parts = rules::split_token(token);
    if (!parts) return std::nullopt;
    const Participant* p = participant(parts->id);
    if (!p || p->removed || p->secret_hash.empty() || !secrets::equal(p->secret_hash, sha256_hex(parts->secret)))
        return std::nullopt;
    return parts->id;
}

Result<Decision> Workshop::decide(const Command& command, Timestamp now) const {
    return std::visit([&](const auto& c) { return decide_(c, now); }, command);
}

// ---------------------------------------------------------------------------------------------
// Applying changes

void Workshop::apply(const Change& change) {
    std::visit([&](const auto& c) { apply_(c); }, change);
    ++revision_;
    if (const Id group_id = group_of(change))
        group_revision_[group_id] = revision_;
    else
        room_revision_ = revision_;
}

Revision Workshop::revision_for(Id group_id) const {
    auto it = group_revision_.find(group_id);
    return std::max(room_revision_, it == group_revision_.end() ? 0 : it->second);
}

void Workshop::set_revision(Revision r) {
    // After a restart every group starts at the stored revision, so no group's revision
    // ever goes back to a number a phone may still hold.
    revision_ = room_revision_ = r;
    group_revision_.clear();
}

Id Workshop::group_of(const Change& change) const {
    const auto run_group = [&](Id run) { return runs_->at(run).group; };
    const auto note_group = [&](Id n) { return run_group(note_run_.at(static_cast<std::size_t>(n))); };
    return std::visit(
        overloaded{
            [](const change::RoomOpened&) -> Id { return 0; },
            [](const change::GroupAdded&) -> Id { return 0; },  // every phone's group list
            [](const change::ParticipantJoined& c) { return c.participant.group; },
            [](const change::ExerciseStarted& c) { return c.run.group; },
            [&](const change::StepChanged& c) { return run_group(c.run); },
            [&](const change::NotesRevealed& c) { return run_group(c.run); },
            [&](const change::WritingLocked& c) { return run_group(c.run); },
            [&](const change::TimerChanged& c) { return run_group(c.run); },
            [&](const change::NoteAdded& c) { return run_group(c.note.run); },
            [&](const change::NoteEdited& c) { return note_group(c.note); },
            [&](const change::NoteDeleted& c) { return note_group(c.note); },
            [&](const change::NoteRestored& c) { return note_group(c.note); },
            [&](const change::NotePlaced& c) { return note_group(c.note); },
            [&](const change::NoteHighlighted& c) { return note_group(c.note); },
            [&](const change::ClusterMade& c) { return run_group(c.cluster.run); },
            [&](const change::ClusterRenamed& c) { return run_group(clusters_->at(c.cluster).run); },
            [&](const change::NotesMerged& c) { return note_group(c.keep); },
            [&](const change::NoteUnmerged& c) { return note_group(c.note); },
            [&](const change::ConclusionSet& c) { return run_group(c.field.run); },
            [&](const change::DoneMarked& c) { return run_group(c.run); },
            [&](const change::VoteCast& c) { return note_group(c.note); },
            [&](const change::VoteRetracted& c) { return note_group(c.note); },
            [](const change::ProgrammeNamed&) -> Id { return 0; },
            [](const change::GatheringSaved&) -> Id { return 0; },
            [](const change::GatheringOpened&) -> Id { return 0; },
            [](const change::GroupEdited&) -> Id { return 0; },  // every phone's group list
            [](const change::AgendaSet&) -> Id { return 0; },
            [&](const change::RunConcluded& c) { return run_group(c.run); },
            [](const change::RunReopened& c) { return c.group; },
            [&](const change::NotesHidden& c) { return run_group(c.run); },
            [](const change::RoomChanged&) -> Id { return 0; },
            [](const change::GroupArchived&) -> Id { return 0; },  // every phone's group list
            [](const change::GroupDeleted&) -> Id { return 0; },
            [](const change::GatheringArchived&) -> Id { return 0; },
            [](const change::GatheringDeleted&) -> Id { return 0; },
            // Both groups' head counts change, and the phone's own group.
            [](const change::ParticipantMoved&) -> Id { return 0; },
            [&](const change::ParticipantRemoved& c) { return participants_->at(c.participant).group; },
            [&](const change::PulseAnswered& c) { return run_group(c.run); },
            [&](const change::MeasureReported& c) { return run_group(c.run); },
            [&](const change::IndicatorReported& c) { return run_group(c.run); },
            [](const change::RetentionSet&) -> Id { return 0; },
            [](const change::PulseThresholdSet&) -> Id { return 0; },
            [&](const change::NotePurged& c) { return note_group(c.note); },
            [](const change::LeadSet& c) { return c.group; }, [](const change::RemotePaired&) -> Id { return 0; },
            [](const change::RemoteRevoked&) -> Id { return 0; },
            [](const change::BroadcastSent&) -> Id { return 0; },  // phones of every group look
        },
        change);
}

void Workshop::apply_(const change::RoomOpened& c) {
    room_ = c.room;
}

void Workshop::apply_(const change::GroupAdded& c) {
    assert(!groups_->count(c.group.id));  // ids only grow: never a second entity under one id
    (groups_.write())[c.group.id] = c.group;
    next_id_ = std::max(next_id_, c.group.id + 1);
}

void Workshop::apply_(const change::ParticipantJoined& c) {
    assert(groups_->count(c.participant.group) && !participants_->count(c.participant.id));
    (participants_.write())[c.participant.id] = c.participant;
    next_id_ = std::max(next_id_, c.participant.id + 1);
}

void Workshop::apply_(const change::ExerciseStarted& c) {
    assert(groups_->count(c.run.group) && !runs_->count(c.run.id));
    (runs_.write())[c.run.id] = c.run;
    Id& current = (current_run_.write())[c.run.group];
    current = std::max(current, c.run.id);
    next_id_ = std::max(next_id_, c.run.id + 1);
}

void Workshop::apply_(const change::StepChanged& c) {
    ExerciseRun& run = runs_.write().at(c.run);
    run.step = c.step;
    run.timer = c.timer;
    run.writing_locked = false;  // a new step opens with its own rules
}

void Workshop::apply_(const change::NotesRevealed& c) {
    if (!run_notes(c.run)) return;
    for (auto& [id, n] : run_notes_for_write(c.run).notes) n.revealed = true;
}

void Workshop::apply_(const change::WritingLocked& c) {
    runs_.write().at(c.run).writing_locked = c.locked;
}

void Workshop::apply_(const change::TimerChanged& c) {
    runs_.write().at(c.run).timer = c.timer;
}

void Workshop::apply_(const change::NoteAdded& c) {
    assert(runs_->count(c.note.run) && c.note.id > 0 && !note(c.note.id));
    const auto at = static_cast<std::size_t>(c.note.id);
    if (note_run_.size() <= at) note_run_.resize(std::max(at + 1, note_run_.size() * 2), 0);
    note_run_[at] = c.note.run;
    ++note_count_;
    RunNotes& run = run_notes_for_write(c.note.run);
    run.notes[c.note.id] = c.note;
    if (c.note.merged_into != 0) run.duplicates[c.note.merged_into].push_back(c.note.id);  // loaded from the store
    std::shared_ptr<std::map<std::string, Id>>& ids = (client_ids_.write())[c.note.author];
    if (!ids)
        ids = std::make_shared<std::map<std::string, Id>>();
    else if (ids.use_count() > 1)
        ids = std::make_shared<std::map<std::string, Id>>(*ids);
    (*ids)[c.note.client_id] = c.note.id;
    next_id_ = std::max(next_id_, c.note.id + 1);
}

void Workshop::apply_(const change::NoteEdited& c) {
    Note& n = note_for_write(c.note);
    n.text = c.text;
    n.zone = c.zone;
    n.updated_at = c.at;
    n.fields = c.fields;
}

void Workshop::apply_(const change::NoteDeleted& c) {
    Note& n = note_for_write(c.note);
    n.deleted = true;
    n.updated_at = c.at;
}

void Workshop::apply_(const change::NoteRestored& c) {
    Note& n = note_for_write(c.note);
    n.deleted = false;
    n.updated_at = c.at;
}

void Workshop::apply_(const change::NotePlaced& c) {
    assert(c.cluster == 0 || clusters_->at(c.cluster).zone == c.zone);  // a clustered note sits in its zone
    Note& n = note_for_write(c.note);
    n.zone = c.zone;
    n.x = c.x;
    n.y = c.y;
    n.cluster = c.cluster;
}

void Workshop::apply_(const change::NoteHighlighted& c) {
    note_for_write(c.note).highlighted = c.on;
}

void Workshop::apply_(const change::ClusterMade& c) {
    assert(runs_->count(c.cluster.run) && !clusters_->count(c.cluster.id));
    (clusters_.write())[c.cluster.id] = c.cluster;
    next_id_ = std::max(next_id_, c.cluster.id + 1);
}

void Workshop::apply_(const change::ClusterRenamed& c) {
    clusters_.write().at(c.cluster).name = c.name;
}

void Workshop::unlink_duplicate(Id note_id) {
    RunNotes& run = run_notes_for_write(note_run_.at(static_cast<std::size_t>(note_id)));
    Note& n = run.notes.at(note_id);
    if (n.merged_into == 0) return;
    std::vector<Id>& dupes = run.duplicates.at(n.merged_into);
    dupes.erase(std::remove(dupes.begin(), dupes.end(), note_id), dupes.end());
    if (dupes.empty()) run.duplicates.erase(n.merged_into);
    n.merged_into = 0;
}

void Workshop::apply_(const change::NotesMerged& c) {
    unlink_duplicate(c.absorb);  // a duplicate of a duplicate moves on to the note kept
    RunNotes& run = run_notes_for_write(note_run_.at(static_cast<std::size_t>(c.absorb)));
    assert(run.notes.count(c.keep));  // merged within one board
    run.notes.at(c.absorb).merged_into = c.keep;
    run.duplicates[c.keep].push_back(c.absorb);
}

void Workshop::apply_(const change::NoteUnmerged& c) {
    unlink_duplicate(c.note);
}

void Workshop::apply_(const change::ConclusionSet& c) {
    (conclusions_.write())[{c.field.run, c.field.field}] = c.field;
}

void Workshop::apply_(const change::DoneMarked& c) {
    if (c.done)
        done_.write().insert({c.run, c.step, c.participant});
    else
        done_.write().erase({c.run, c.step, c.participant});
}

void Workshop::apply_(const change::VoteCast& c) {
    ++run_notes_for_write(note_run_.at(static_cast<std::size_t>(c.note))).dots[{c.note, c.participant}];
}

void Workshop::apply_(const change::VoteRetracted& c) {
    auto& dots = run_notes_for_write(note_run_.at(static_cast<std::size_t>(c.note))).dots;
    auto it = dots.find({c.note, c.participant});
    assert(it != dots.end() && it->second > 0);
    if (--it->second == 0) dots.erase(it);
}

void Workshop::apply_(const change::RetentionSet& c) {
    retention_months_ = c.months;
}

void Workshop::apply_(const change::PulseThresholdSet& c) {
    pulse_threshold_ = c.threshold;
}

void Workshop::apply_(const change::ProgrammeNamed& c) {
    programme_ = c.name;
}

void Workshop::apply_(const change::GatheringSaved& c) {
    (gatherings_.write())[c.gathering.id] = c.gathering;
    next_id_ = std::max(next_id_, c.gathering.id + 1);
}

void Workshop::apply_(const change::GatheringOpened& c) {
    open_gathering_ = c.gathering;
}

void Workshop::apply_(const change::GroupEdited& c) {
    groups_.write().at(c.group.id) = c.group;
}

void Workshop::apply_(const change::AgendaSet& c) {
    (agendas_.write())[c.gathering] = c.exercises;
}

void Workshop::apply_(const change::RunConcluded& c) {
    runs_.write().at(c.run).concluded_at = c.at;
}

void Workshop::apply_(const change::RunReopened& c) {
    assert(c.run == 0 || runs_->at(c.run).group == c.group);
    if (c.run == 0)
        current_run_.write().erase(c.group);
    else
        (current_run_.write())[c.group] = c.run;
}

void Workshop::apply_(const change::NotesHidden& c) {
    for (Id id : c.notes) note_for_write(id).revealed = false;
}

void Workshop::apply_(const change::RoomChanged& c) {
    assert(room_);
    room_->name = c.name;
    room_->language = c.language;
}

void Workshop::apply_(const change::GroupArchived& c) {
    groups_.write().at(c.group).archived = c.archived;
}

void Workshop::apply_(const change::GroupDeleted& c) {
    // Only a group that wrote nothing is deleted (decide_ checks): no notes, votes or
    // conclusions go with it, only its people, its empty runs and their marks.
    std::set<Id> runs;
    auto& all_runs = runs_.write();  // erase(it) needs `it` from the map it erases from
    for (auto it = all_runs.begin(); it != all_runs.end();) {
        if (it->second.group != c.group) {
            ++it;
            continue;
        }
        assert(notes_in_run(it->first).empty());
        run_notes_.write().erase(it->first);
        pulse_answers_.write().erase(it->first);
        std::erase_if(measure_reports_.write(), [&](const auto& e) { return e.first.first == it->first; });
        std::erase_if(indicator_values_.write(), [&](const auto& e) { return e.first.first == it->first; });
        runs.insert(it->first);
        it = all_runs.erase(it);
    }
    std::erase_if(clusters_.write(), [&](const auto& e) { return runs.count(e.second.run) > 0; });
    std::erase_if(conclusions_.write(), [&](const auto& e) { return runs.count(e.first.first) > 0; });
    std::erase_if(done_.write(), [&](const auto& d) { return runs.count(std::get<0>(d)) > 0; });
    std::erase_if(participants_.write(), [&](const auto& e) { return e.second.group == c.group; });
    current_run_.write().erase(c.group);
    leads_.erase(c.group);
    group_revision_.erase(c.group);
    groups_.write().erase(c.group);
}

void Workshop::apply_(const change::GatheringArchived& c) {
    gatherings_.write().at(c.gathering).archived = c.archived;
}

void Workshop::apply_(const change::GatheringDeleted& c) {
    gatherings_.write().erase(c.gathering);
    agendas_.write().erase(c.gathering);
    if (open_gathering_ == c.gathering) open_gathering_ = 0;
}

void Workshop::apply_(const change::ParticipantMoved& c) {
    assert(groups_->count(c.group));
    participants_.write().at(c.participant).group = c.group;
}

void Workshop::apply_(const change::ParticipantRemoved& c) {
    participants_.write().at(c.participant).removed = c.removed;
}

void Workshop::apply_(const change::NotePurged& c) {
    const Id run_id = note_run_.at(static_cast<std::size_t>(c.note));
    unlink_duplicate(c.note);
    RunNotes& run = run_notes_for_write(run_id);
    const Note gone = run.notes.at(c.note);
    // Its duplicates were unmerged first (decide_); what answered it now answers its parent.
    assert(!run.duplicates.count(c.note));
    for (auto& [id, n] : run.notes)
        if (n.parent == c.note) n.parent = gone.parent;
    std::erase_if(run.dots, [&](const auto& d) { return d.first.first == c.note; });
    run.notes.erase(c.note);
    std::erase_if(measure_reports_.write(), [&](const auto& e) { return e.first.second == c.note; });
    std::erase_if(indicator_values_.write(), [&](const auto& e) { return e.first.second == c.note; });
    indicators_.write().erase(c.note);
    // note_run_ keeps its run, so group_of() still finds the group this change concerned, and
    // client_ids_ its client_id, so a phone's late retry cannot write the text again (decide_).
}

}  // namespace samling
