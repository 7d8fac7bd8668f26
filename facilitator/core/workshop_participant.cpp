// The rules for what a participant's phone may do: join, write, edit, vote, say "done".
#include <algorithm>

#include "core/sha256.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::clean_text;
using rules::decided;

bool Workshop::visible_to(const Note& n, Id participant_id) const {
    return !n.deleted && n.merged_into == 0 && (n.author == participant_id || n.revealed);
}

Result<Workshop::Target> Workshop::participant_step(Id participant_id) const {
    const Participant* p = participant(participant_id);
    if (!p) return make_error(Errc::unauthorized, "No such participant.");
    const ExerciseRun* run = current_run(p->group);
    if (!run) return make_error(Errc::no_activity, "The group has no exercise running.");
    const Step* step = current_step(*run);
    if (!step) return make_error(Errc::no_activity, "The group's exercise is no longer installed.");
    return Target{run, step};
}

Result<Workshop::Target> Workshop::writable_step(Id participant_id) const {
    auto target = participant_step(participant_id);
    if (!target) return target;
    if (!target->step->takes_notes() || target->run->writing_locked)
        return make_error(Errc::step_closed, "The current step does not take notes.");
    return target;
}

Result<Decision> Workshop::decide_(const cmd::Join& c, Timestamp now) const {
    if (!room_ || rules::ascii_upper(text::trim(c.code)) != room_->code)
        return make_error(Errc::room_code_invalid, "Wrong or closed room code.");
    if (const LeaderGroup* g = group(c.group); !g || g->archived)
        return make_error(Errc::group_not_found, "No such leader group in this room.");
    auto name = clean_text(c.name, max_name_characters, Errc::name_too_long, true);
    if (!name) return name.error();
    if (c.secret.size() < 32) return make_error(Errc::invalid_request, "A token secret has 128 bits.");
    return decided(change::ParticipantJoined{Participant{next_id_, c.group, name.value(), sha256_hex(c.secret), now}},
                   next_id_);
}

Result<Decision> Workshop::decide_(const cmd::AddNote& c, Timestamp now) const {
    if (c.client_id.empty() || c.client_id.size() > max_client_id_bytes || !text::is_valid_utf8(c.client_id) ||
        text::has_control_characters(c.client_id))
        return make_error(Errc::client_id_invalid, "client_id must be 1 to 64 bytes of text.");
    // A retry of a note that was already stored answers with that note, whatever the step now.
    if (const auto ids = client_ids_->find(c.participant); ids != client_ids_->end())
        if (const auto it = ids->second->find(c.client_id); it != ids->second->end()) {
            // Flagged as personal data and deleted for good: a late retry must not write it again.
            if (!note(it->second)) return make_error(Errc::note_not_found, "The facilitator deleted that note.");
            Decision d;
            d.subject = it->second;
            d.created = false;
            return d;
        }
    auto target = writable_step(c.participant);
    if (!target) return target.error();
    auto body = clean_text(c.text, max_note_characters, Errc::text_too_long, false);
    if (!body) return body.error();

    const ExerciseDefinition& def = *definition(*target->run);
    const Step& step = *target->step;
    std::string zone;
    const auto& allowed = step.zones;
    if (step.kind == StepKind::conclude) {
        zone.clear();  // a proposal for the conclusion is not on the board
    } else if (c.zone && !c.zone->empty()) {
        const bool known = def.zone(*c.zone) &&
                           (allowed.empty() || std::find(allowed.begin(), allowed.end(), *c.zone) != allowed.end());
        if (!known) return make_error(Errc::zone_unknown, "No zone on this board: " + *c.zone);
        zone = *c.zone;
    } else if (!allowed.empty()) {
        zone = allowed.front();
    } else if (!def.zones.empty()) {
        zone = def.zones.front().id;
    }
    if (c.parent != 0) {
        const Note* parent = note(c.parent);
        if (!step.chain) return make_error(Errc::invalid_request, "This step has no why-chains.");
        if (!parent || parent->run != target->run->id || !visible_to(*parent, c.participant))
            return make_error(Errc::note_not_found, "No such note to answer.");
        zone = parent->zone;  // a "why?" stays on its cause's bone
    }
    auto fields = clean_note_fields(step, c.fields);
    if (!fields) return fields.error();
    Note n;
    n.fields = fields.value();
    n.id = next_id_;
    n.run = target->run->id;
    n.author = c.participant;
    n.client_id = c.client_id;
    n.text = body.value();
    n.zone = zone;
    n.created_at = n.updated_at = now;
    n.revealed = !step.silent;
    n.parent = c.parent;
    n.step = target->run->step;
    return decided(change::NoteAdded{std::move(n)}, next_id_);
}

Result<const Note*> Workshop::own_note(Id participant_id, Id note_id) const {
    const Participant* p = participant(participant_id);
    if (!p) return make_error(Errc::unauthorized, "No such participant.");
    const Note* n = note(note_id);
    if (!n || n->deleted || n->merged_into != 0) return make_error(Errc::note_not_found, "No such note.");
    if (n->author != participant_id) {
        // A note the participant cannot see is none of its business: do not confirm it exists.
        if (runs_->at(n->run).group != p->group || !n->revealed)
            return make_error(Errc::note_not_found, "No such note.");
        return make_error(Errc::not_your_note, "A participant changes only their own notes.");
    }
    return n;
}

Result<Workshop::EditableNote> Workshop::editable_note(Id participant_id, Id note_id) const {
    auto n = own_note(participant_id, note_id);
    if (!n) return n.error();
    auto target = writable_step(participant_id);
    if (!target) return target.error();
    if (n.value()->run != target->run->id)
        return make_error(Errc::step_closed, "The note belongs to a run that is over.");
    return EditableNote{n.value(), target.value()};
}

Result<Decision> Workshop::decide_(const cmd::EditNote& c, Timestamp now) const {
    auto editable = editable_note(c.participant, c.note);
    if (!editable) return editable.error();
    const Note* note = editable->note;
    const Target& target = editable->target;
    std::string body = note->text;
    if (c.text) {
        auto cleaned = clean_text(*c.text, max_note_characters, Errc::text_too_long, false);
        if (!cleaned) return cleaned.error();
        body = cleaned.value();
    }
    std::string zone = note->zone;
    if (c.zone && *c.zone != zone) {
        const ExerciseDefinition& def = *definition(*target.run);
        const auto& allowed = target.step->zones;
        if (!def.zone(*c.zone) ||
            (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *c.zone) == allowed.end()))
            return make_error(Errc::zone_unknown, "No zone on this board: " + *c.zone);
        zone = *c.zone;
    }
    NoteFields fields = note->fields;
    if (c.fields) {
        auto cleaned = clean_note_fields(*target.step, *c.fields);
        if (!cleaned) return cleaned.error();
        fields = cleaned.value();
    }
    return decided(change::NoteEdited{c.note, body, zone, now, fields}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::DeleteNote& c, Timestamp now) const {
    auto editable = editable_note(c.participant, c.note);
    if (!editable) return editable.error();
    return decided(change::NoteDeleted{c.note, now}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::CastVote& c, Timestamp) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (target->step->kind != StepKind::vote) return make_error(Errc::step_closed, "The current step is not a vote.");
    const Note* n = note(c.note);
    if (!n || n->run != target->run->id || !visible_to(*n, c.participant) || n->step > target->run->step)
        return make_error(Errc::note_not_found, "No such note.");
    if (dots_used(c.participant, target->run->id) >= target->step->vote_budget)
        return make_error(Errc::no_votes_left, "No votes left.");
    return decided(change::VoteCast{c.note, c.participant}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::RetractVote& c, Timestamp) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (target->step->kind != StepKind::vote) return make_error(Errc::step_closed, "The current step is not a vote.");
    const Note* n = note(c.note);
    if (!n || n->run != target->run->id || !visible_to(*n, c.participant))
        return make_error(Errc::note_not_found, "No such note.");
    if (dots_by(c.participant, c.note) == 0)
        return make_error(Errc::vote_not_found, "No vote of this participant on this note.");
    return decided(change::VoteRetracted{c.note, c.participant}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::ChangeGroup& c, Timestamp) const {
    const Participant* p = participant(c.participant);
    if (!p || p->removed) return make_error(Errc::unauthorized, "No such participant.");
    if (const LeaderGroup* g = group(c.group); !g || g->archived)
        return make_error(Errc::group_not_found, "No such leader group in this room.");
    if (p->group == c.group) {
        Decision d;  // already there: a second tap changes nothing
        d.subject = c.participant;
        d.created = false;
        return d;
    }
    return decided(change::ParticipantMoved{c.participant, c.group}, c.participant);
}

Result<Decision> Workshop::decide_(const cmd::MarkDone& c, Timestamp) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (is_done(c.participant, *target->run) == c.done) {
        Decision d;  // saying it twice changes nothing
        d.subject = c.participant;
        d.created = false;
        return d;
    }
    return decided(change::DoneMarked{target->run->id, target->run->step, c.participant, c.done}, c.participant);
}

}  // namespace samling
