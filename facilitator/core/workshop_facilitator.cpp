// The rules for what the facilitator may do: set up the room, drive the steps, edit boards.
// Board edits also say how to take them back (Decision::undo), for Ctrl+Z.
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::clean_text;
using rules::decided;

namespace {

constexpr std::size_t max_conclusion_characters = 2000;
constexpr std::int64_t default_timer_ms = std::int64_t{5} * 60 * 1000;  // T on a step with no time box of its own

Timer fresh_timer(const Step& step) {
    Timer t;
    t.duration_ms = step.timer_seconds > 0 ? step.timer_seconds * 1000LL : default_timer_ms;
    return t;
}

}  // namespace

Result<Workshop::Target> Workshop::group_step(Id group_id) const {
    if (!group(group_id)) return make_error(Errc::group_not_found, "No such leader group.");
    const ExerciseRun* run = current_run(group_id);
    if (!run) return make_error(Errc::no_activity, "The group has no exercise running.");
    const Step* step = current_step(*run);
    if (!step) return make_error(Errc::no_activity, "The group's exercise is no longer installed.");
    return Target{run, step};
}

Result<const Note*> Workshop::board_note(Id note_id) const {
    const Note* n = note(note_id);
    if (!n || n->deleted || n->merged_into != 0) return make_error(Errc::note_not_found, "No such note.");
    return n;
}

Change Workshop::placement_of(const Note& n) const {
    return change::NotePlaced{n.id, n.zone, n.x, n.y, n.cluster};
}

Change Workshop::current_run_as_is(Id group_id) const {
    const ExerciseRun* run = current_run(group_id);
    return change::RunReopened{group_id, run ? run->id : 0};
}

namespace {

// The notes of a run a reveal would show: what taking the reveal back hides again.
std::vector<Id> hidden_notes(const Workshop& w, Id run) {
    std::vector<Id> out;
    for (const auto& [id, n] : w.notes_in_run(run))
        if (!n.revealed) out.push_back(id);
    return out;
}

}  // namespace

Result<Decision> Workshop::decide_(const cmd::OpenRoom& c, Timestamp) const {
    if (room_) return make_error(Errc::invalid_request, "A room is already open.");
    auto name = clean_text(c.name, max_name_characters * 2, Errc::name_too_long, true);
    if (!name) return name.error();
    if (c.code.size() < 4 || c.code.size() > 12)
        return make_error(Errc::invalid_request, "A room code has 4 to 12 characters.");
    return decided(change::RoomOpened{Room{rules::ascii_upper(c.code), name.value(), c.language}}, 0);
}

Result<Decision> Workshop::decide_(const cmd::AddGroup& c, Timestamp) const {
    auto name = clean_text(c.name, max_name_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    for (const auto& [id, g] : *groups_)
        if (text::same_name(g.name, name.value()))
            return make_error(Errc::invalid_request, "A leader group named \"" + g.name + "\" exists.");
    return decided(change::GroupAdded{LeaderGroup{next_id_, name.value()}}, next_id_, change::GroupDeleted{next_id_});
}

Result<Decision> Workshop::decide_(const cmd::StartExercise& c, Timestamp now) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    const ExerciseDefinition* def = catalog_->find(c.exercise);
    if (!def) return make_error(Errc::invalid_request, "No exercise \"" + c.exercise + "\".");
    ExerciseRun run{next_id_, c.group, c.exercise, 0, now, false, fresh_timer(def->steps.front()), open_gathering_, 0};
    // Taken back, the group's earlier run is its current one again; the new one can be reopened.
    return decided(change::ExerciseStarted{run}, next_id_, current_run_as_is(c.group));
}

Result<Decision> Workshop::decide_(const cmd::GoToStep& c, Timestamp) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    const ExerciseDefinition& def = *definition(*target->run);
    if (c.step < 0 || c.step >= static_cast<int>(def.steps.size()))
        return make_error(Errc::invalid_request, "No such step.");
    const Step& next = def.steps[static_cast<std::size_t>(c.step)];
    const ExerciseRun& run = *target->run;
    Decision d = decided(change::StepChanged{run.id, c.step, fresh_timer(next)}, run.id,
                         change::StepChanged{run.id, run.step, run.timer});
    if (run.writing_locked) d.undo.push_back(change::WritingLocked{run.id, true});
    // Leaving writing for any other step reveals what was written, as R would: nobody can
    // organise or vote on notes nobody may see. A new write round starts hidden again.
    if (next.kind != StepKind::write) {
        d.changes.push_back(change::NotesRevealed{run.id});
        d.undo.push_back(change::NotesHidden{run.id, hidden_notes(*this, run.id)});
    }
    return d;
}

Result<Decision> Workshop::decide_(const cmd::Reveal& c, Timestamp) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    const Id run = target->run->id;
    return decided(change::NotesRevealed{run}, run, change::NotesHidden{run, hidden_notes(*this, run)});
}

Result<Decision> Workshop::decide_(const cmd::LockWriting& c, Timestamp) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    return decided(change::WritingLocked{target->run->id, c.locked}, target->run->id,
                   change::WritingLocked{target->run->id, target->run->writing_locked});
}

Result<Decision> Workshop::decide_(const cmd::RunTimer& c, Timestamp now) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    Timer t = target->run->timer;
    switch (c.action) {
        case TimerAction::start:
            if (t.running()) return make_error(Errc::invalid_request, "The timer is already running.");
            t.running_since = now;
            break;
        case TimerAction::pause:
            if (!t.running()) return make_error(Errc::invalid_request, "The timer is not running.");
            t.elapsed_ms += now - t.running_since;
            t.running_since = 0;
            break;
        case TimerAction::reset:
            t = fresh_timer(*target->step);
            break;
    }
    return decided(change::TimerChanged{target->run->id, t}, target->run->id,
                   change::TimerChanged{target->run->id, target->run->timer});
}

Result<Decision> Workshop::decide_(const cmd::PlaceNote& c, Timestamp) const {
    auto n = board_note(c.note);
    if (!n) return n.error();
    const ExerciseDefinition* def = definition(runs_->at(n.value()->run));
    if (!def || (!c.zone.empty() && !def->zone(c.zone)) || (c.zone.empty() && def && !def->zones.empty()))
        return make_error(Errc::zone_unknown, "No zone \"" + c.zone + "\" on this board.");
    if (!rules::is_position(c.x) || !rules::is_position(c.y))
        return make_error(Errc::invalid_request, "A position runs from 0 to 1.");
    // A card moved to another zone leaves its cluster: clusters live inside one zone.
    const Id cluster_id = c.zone == n.value()->zone ? n.value()->cluster : 0;
    return decided(change::NotePlaced{c.note, c.zone, c.x, c.y, cluster_id}, c.note, placement_of(*n.value()));
}

Result<Decision> Workshop::decide_(const cmd::SetNoteText& c, Timestamp now) const {
    auto n = board_note(c.note);
    if (!n) return n.error();
    auto body = clean_text(c.text, max_note_characters, Errc::text_too_long, false);
    if (!body) return body.error();
    const Note& old = *n.value();
    return decided(change::NoteEdited{c.note, body.value(), old.zone, now, old.fields}, c.note,
                   change::NoteEdited{c.note, old.text, old.zone, old.updated_at, old.fields});
}

Result<Decision> Workshop::decide_(const cmd::RemoveNote& c, Timestamp now) const {
    auto n = board_note(c.note);
    if (!n) return n.error();
    return decided(change::NoteDeleted{c.note, now}, c.note, change::NoteRestored{c.note, n.value()->updated_at});
}

Result<Decision> Workshop::decide_(const cmd::FlagPersonal& c, Timestamp now) const {
    const Note* n = note(c.note);
    if (!n || n->merged_into != 0) return make_error(Errc::note_not_found, "No such note.");
    Decision d;
    d.subject = c.note;
    for (Id dup : duplicates_of(c.note)) d.changes.push_back(change::NoteUnmerged{dup});
    // A conclusion that took the note's text in ("Bruk i") lets it go as well.
    for (const auto& [key, field] : *conclusions_) {
        if (key.first != n->run || n->text.empty() || field.text.find(n->text) == std::string::npos) continue;
        std::string kept = field.text;
        for (auto at = kept.find(n->text); at != std::string::npos; at = kept.find(n->text, at))
            kept.erase(at, n->text.size());
        d.changes.push_back(change::ConclusionSet{ConclusionField{n->run, field.field, text::trim(kept), now}});
    }
    d.changes.push_back(change::NotePurged{c.note});
    return d;  // no way back: d.undo stays empty, and Ctrl+Z stops here
}

Result<Decision> Workshop::decide_(const cmd::HighlightNote& c, Timestamp) const {
    auto n = board_note(c.note);
    if (!n) return n.error();
    return decided(change::NoteHighlighted{c.note, c.on}, c.note,
                   change::NoteHighlighted{c.note, n.value()->highlighted});
}

Result<Decision> Workshop::decide_(const cmd::MakeCluster& c, Timestamp) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    const ExerciseDefinition& def = *definition(*target->run);
    if ((!c.zone.empty() && !def.zone(c.zone)) || (c.zone.empty() && !def.zones.empty()))
        return make_error(Errc::zone_unknown, "No zone \"" + c.zone + "\" on this board.");
    auto name = clean_text(c.name, max_name_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    const Id id = next_id_;
    Decision d = decided(change::ClusterMade{Cluster{id, target->run->id, c.zone, name.value()}}, id);
    for (Id note_id : c.notes) {
        auto n = board_note(note_id);
        if (!n || n.value()->run != target->run->id) return make_error(Errc::note_not_found, "No such note.");
        d.changes.push_back(change::NotePlaced{note_id, c.zone, unplaced, unplaced, id});
        d.undo.push_back(placement_of(*n.value()));
    }
    return d;
}

Result<Decision> Workshop::decide_(const cmd::RenameCluster& c, Timestamp) const {
    const Cluster* cl = cluster(c.cluster);
    if (!cl) return make_error(Errc::invalid_request, "No such cluster.");
    auto name = clean_text(c.name, max_name_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    return decided(change::ClusterRenamed{c.cluster, name.value()}, c.cluster,
                   change::ClusterRenamed{c.cluster, cl->name});
}

Result<Decision> Workshop::decide_(const cmd::SetCluster& c, Timestamp) const {
    auto n = board_note(c.note);
    if (!n) return n.error();
    std::string zone = n.value()->zone;
    if (c.cluster != 0) {
        const Cluster* cl = cluster(c.cluster);
        if (!cl || cl->run != n.value()->run) return make_error(Errc::invalid_request, "No such cluster.");
        zone = cl->zone;
    }
    return decided(change::NotePlaced{c.note, zone, unplaced, unplaced, c.cluster}, c.note, placement_of(*n.value()));
}

Result<Decision> Workshop::decide_(const cmd::MergeNotes& c, Timestamp) const {
    auto keep = board_note(c.keep);
    if (!keep) return keep.error();
    auto absorb = board_note(c.absorb);
    if (!absorb) return absorb.error();
    if (c.keep == c.absorb || keep.value()->run != absorb.value()->run)
        return make_error(Errc::invalid_request, "Merge two different notes of one board.");
    Decision d = decided(change::NotesMerged{c.keep, c.absorb}, c.keep, change::NoteUnmerged{c.absorb});
    // Duplicates already folded into the absorbed note follow it.
    for (Id id : duplicates_of(c.absorb)) {
        d.changes.push_back(change::NotesMerged{c.keep, id});
        d.undo.push_back(change::NotesMerged{c.absorb, id});
    }
    return d;
}

Result<Decision> Workshop::decide_(const cmd::AddFacilitatorNote& c, Timestamp now) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    auto body = clean_text(c.text, max_note_characters, Errc::text_too_long, false);
    if (!body) return body.error();
    const ExerciseDefinition& def = *definition(*target->run);
    std::string zone = c.zone;
    if (zone.empty() && !def.zones.empty()) zone = def.zones.front().id;
    if (!zone.empty() && !def.zone(zone)) return make_error(Errc::zone_unknown, "No zone \"" + zone + "\".");
    if (c.parent != 0) {
        auto parent = board_note(c.parent);
        if (!parent || parent.value()->run != target->run->id)
            return make_error(Errc::note_not_found, "No such note to answer.");
        zone = parent.value()->zone;
    }
    auto fields = clean_note_fields(*target->step, c.fields);
    if (!fields) return fields.error();
    Note n;
    n.fields = fields.value();
    n.id = next_id_;
    n.run = target->run->id;
    n.author = 0;
    n.client_id = "facilitator-" + std::to_string(next_id_);
    n.text = body.value();
    n.zone = zone;
    n.created_at = n.updated_at = now;
    n.revealed = !(target->step->kind == StepKind::write && target->step->silent);
    n.parent = c.parent;
    n.step = target->run->step;
    return decided(change::NoteAdded{n}, n.id, change::NoteDeleted{n.id, now});
}

Result<Decision> Workshop::decide_(const cmd::SetConclusion& c, Timestamp now) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    const ExerciseDefinition& def = *definition(*target->run);
    const bool known = std::any_of(def.steps.begin(), def.steps.end(), [&](const Step& s) {
        return std::any_of(s.fields.begin(), s.fields.end(), [&](const FieldDefinition& f) { return f.id == c.field; });
    });
    if (!known) return make_error(Errc::invalid_request, "No conclusion field \"" + c.field + "\".");
    auto body = clean_text(c.text, max_conclusion_characters, Errc::text_too_long, true);
    if (!body) return body.error();
    const Id run = target->run->id;
    return decided(change::ConclusionSet{ConclusionField{run, c.field, body.value(), now}}, run,
                   change::ConclusionSet{ConclusionField{run, c.field, conclusion(run, c.field), now}});
}

Result<Decision> Workshop::decide_(const cmd::Undo& c, Timestamp) const {
    // The changes come from an earlier Decision::undo; they stand only while what they touch
    // still exists (a note deleted for good, a group deleted since, cannot come back this way).
    const auto note_exists = [&](Id id) { return note(id) != nullptr; };
    const auto run_exists = [&](Id id) { return runs_->count(id) > 0; };
    const auto group_exists = [&](Id id) { return group(id) != nullptr; };
    // A deleted gathering comes back whole: its agenda may follow it in the same undo.
    std::set<Id> restored;
    for (const Change& ch : c.changes)
        if (const auto* g = std::get_if<change::GatheringSaved>(&ch)) restored.insert(g->gathering.id);
    const auto gathering_exists = [&](Id id) { return gathering(id) != nullptr || restored.count(id) > 0; };
    for (const Change& ch : c.changes) {
        const bool ok = std::visit(
            rules::overloaded{
                [&](const change::NoteEdited& e) { return note_exists(e.note); },
                [&](const change::NoteDeleted& e) { return note_exists(e.note); },
                [&](const change::NoteRestored& e) { return note_exists(e.note); },
                [&](const change::NotePlaced& e) {
                    return note_exists(e.note) && (e.cluster == 0 || cluster(e.cluster));
                },
                [&](const change::NoteHighlighted& e) { return note_exists(e.note); },
                [&](const change::ClusterRenamed& e) { return cluster(e.cluster) != nullptr; },
                [&](const change::NotesMerged& e) { return note_exists(e.keep) && note_exists(e.absorb); },
                [&](const change::NoteUnmerged& e) { return note_exists(e.note); },
                [&](const change::ConclusionSet& e) { return run_exists(e.field.run); },
                [&](const change::StepChanged& e) { return run_exists(e.run); },
                [&](const change::WritingLocked& e) { return run_exists(e.run); },
                [&](const change::TimerChanged& e) { return run_exists(e.run); },
                [&](const change::RunConcluded& e) { return run_exists(e.run); },
                [&](const change::NotesHidden& e) {
                    return run_exists(e.run) && std::all_of(e.notes.begin(), e.notes.end(), note_exists);
                },
                [&](const change::RunReopened& e) {
                    return group_exists(e.group) &&
                           (e.run == 0 || (run_exists(e.run) && runs_->at(e.run).group == e.group));
                },
                [&](const change::RoomChanged&) { return room_.has_value(); },
                [&](const change::ProgrammeNamed&) { return true; },
                [&](const change::RetentionSet&) { return true; },
                [&](const change::PulseThresholdSet&) { return true; },
                [&](const change::GroupEdited& e) { return group_exists(e.group.id); },
                [&](const change::GroupArchived& e) { return group_exists(e.group); },
                [&](const change::GroupDeleted& e) { return group_exists(e.group) && !group_has_content(e.group); },
                [&](const change::GatheringSaved& e) { return e.gathering.id > 0 && e.gathering.id < next_id_; },
                [&](const change::GatheringArchived& e) { return gathering(e.gathering) != nullptr; },
                [&](const change::GatheringDeleted& e) {
                    return gathering(e.gathering) != nullptr &&
                           std::none_of(runs_->begin(), runs_->end(),
                                        [&](const auto& r) { return r.second.gathering == e.gathering; });
                },
                [&](const change::GatheringOpened& e) { return e.gathering == 0 || gathering_exists(e.gathering); },
                [&](const change::AgendaSet& e) { return gathering_exists(e.gathering); },
                [&](const change::ParticipantMoved& e) { return participant(e.participant) && group_exists(e.group); },
                [&](const change::ParticipantRemoved& e) { return participant(e.participant) != nullptr; },
                [&](const change::LeadSet& e) { return group_exists(e.group); },
                [](const auto&) { return false; },
            },
            ch);
        if (!ok) return make_error(Errc::invalid_request, "That action can no longer be undone.");
    }
    if (c.changes.empty()) return make_error(Errc::nothing_to_undo, "Nothing to undo.");
    Decision d;
    d.changes = c.changes;
    return d;
}

}  // namespace samling
