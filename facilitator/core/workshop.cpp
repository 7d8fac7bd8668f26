// The rules of a workshop: what each command may do, and how each change is applied.
#include "core/workshop.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>

#include "core/secrets.hpp"
#include "core/text.hpp"

namespace samling {
namespace {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};

std::string fold_case(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The checks every piece of typed text goes through, in the order a person would fix them.
Result<std::string> clean_text(std::string_view raw, std::size_t max_code_points, Errc too_long,
                               bool allow_empty) {
    if (!text::is_valid_utf8(raw)) return make_error(Errc::text_invalid, "Teksten er ikke gyldig UTF-8.");
    std::string t = text::trim(raw);
    if (text::has_control_characters(t))
        return make_error(Errc::text_invalid, "Teksten inneholder kontrolltegn.");
    if (t.empty() && !allow_empty) return make_error(Errc::text_empty, "Lappen er tom.");
    if (text::code_points(t) > max_code_points)
        return make_error(too_long, "Teksten er for lang (høyst " + std::to_string(max_code_points) +
                                        " tegn).");
    return t;
}

Decision decided(Change change, Id subject) {
    Decision d;
    d.changes.push_back(std::move(change));
    d.subject = subject;
    return d;
}

}  // namespace

Workshop::Workshop(std::shared_ptr<const ExerciseCatalog> catalog) : catalog_(std::move(catalog)) {
    assert(catalog_);
}

// ---------------------------------------------------------------------------------------------
// Queries

const LeaderGroup* Workshop::group(Id id) const {
    auto it = groups_.find(id);
    return it == groups_.end() ? nullptr : &it->second;
}

const Participant* Workshop::participant(Id id) const {
    auto it = participants_.find(id);
    return it == participants_.end() ? nullptr : &it->second;
}

const Note* Workshop::note(Id id) const {
    auto it = notes_.find(id);
    return it == notes_.end() ? nullptr : &it->second;
}

const ExerciseRun* Workshop::current_run(Id group) const {
    auto it = current_run_.find(group);
    if (it == current_run_.end()) return nullptr;
    return &runs_.at(it->second);
}

const ExerciseDefinition* Workshop::definition(const ExerciseRun& run) const {
    return catalog_->find(run.exercise);
}

const Step* Workshop::current_step(const ExerciseRun& run) const {
    const ExerciseDefinition* def = definition(run);
    if (!def || run.step < 0 || run.step >= static_cast<int>(def->steps.size())) return nullptr;
    return &def->steps[static_cast<std::size_t>(run.step)];
}

std::vector<const Note*> Workshop::notes_of_run(Id run) const {
    std::vector<const Note*> out;
    for (const auto& [id, n] : notes_)
        if (n.run == run && !n.deleted) out.push_back(&n);
    return out;  // the map is ordered by id, and ids grow with time
}

int Workshop::participants_in(Id group) const {
    return static_cast<int>(std::count_if(participants_.begin(), participants_.end(),
                                          [&](const auto& p) { return p.second.group == group; }));
}

int Workshop::dots_on(Id note) const {
    int total = 0;
    for (auto it = dots_.lower_bound({note, 0}); it != dots_.end() && it->first.first == note; ++it)
        total += it->second;
    return total;
}

int Workshop::dots_by(Id participant, Id note) const {
    auto it = dots_.find({note, participant});
    return it == dots_.end() ? 0 : it->second;
}

int Workshop::dots_used(Id participant, Id run) const {
    int total = 0;
    for (const auto& [key, dots] : dots_) {
        if (key.second != participant) continue;
        const Note* n = note(key.first);
        if (n && n->run == run && !n->deleted) total += dots;
    }
    return total;
}

std::optional<Id> Workshop::authenticate(std::string_view token) const {
    if (!room_ || !room_->open) return std::nullopt;
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 18) return std::nullopt;
    Id id = 0;
    for (char c : token.substr(0, dot)) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
    }
    const Participant* p = participant(id);
    if (!p || !secrets::equal(p->secret, token.substr(dot + 1))) return std::nullopt;
    return id;
}

// ---------------------------------------------------------------------------------------------
// Decisions

Result<Decision> Workshop::decide(const Command& command, Timestamp now) const {
    return std::visit([&](const auto& c) { return decide_(c, now); }, command);
}

Result<Decision> Workshop::decide_(const cmd::OpenRoom& c, Timestamp) const {
    if (room_ && room_->open) return make_error(Errc::invalid_request, "A room is already open.");
    auto name = clean_text(c.name, max_name_code_points * 2, Errc::name_too_long, false);
    if (!name) return name.error();
    if (c.code.size() < 4 || c.code.size() > 12)
        return make_error(Errc::invalid_request, "A room code has 4 to 12 characters.");
    return decided(change::RoomOpened{Room{fold_case(c.code), name.value(), c.language, true}}, 0);
}

Result<Decision> Workshop::decide_(const cmd::AddGroup& c, Timestamp) const {
    auto name = clean_text(c.name, max_name_code_points, Errc::name_too_long, false);
    if (!name) return name.error();
    for (const auto& [id, g] : groups_)
        if (fold_case(g.name) == fold_case(name.value()))
            return make_error(Errc::invalid_request, "A leader group named \"" + g.name + "\" exists.");
    return decided(change::GroupAdded{LeaderGroup{next_id_, name.value()}}, next_id_);
}

Result<Decision> Workshop::decide_(const cmd::StartExercise& c, Timestamp now) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    if (!catalog_->find(c.exercise))
        return make_error(Errc::invalid_request, "No exercise \"" + c.exercise + "\".");
    return decided(change::ExerciseStarted{ExerciseRun{next_id_, c.group, c.exercise, 0, now}}, next_id_);
}

Result<Decision> Workshop::decide_(const cmd::GoToStep& c, Timestamp) const {
    const ExerciseRun* run = current_run(c.group);
    if (!run) return make_error(Errc::no_activity, "The group has no exercise running.");
    const ExerciseDefinition* def = definition(*run);
    if (!def || c.step < 0 || c.step >= static_cast<int>(def->steps.size()))
        return make_error(Errc::invalid_request, "No such step.");
    return decided(change::StepChanged{run->id, c.step}, run->id);
}

Result<Decision> Workshop::decide_(const cmd::Join& c, Timestamp now) const {
    if (!room_ || !room_->open || fold_case(text::trim(c.code)) != room_->code)
        return make_error(Errc::room_code_invalid, "Feil romkode.");
    if (!group(c.group)) return make_error(Errc::group_not_found, "Fant ikke ledergruppen.");
    auto name = clean_text(c.name, max_name_code_points, Errc::name_too_long, true);
    if (!name) return name.error();
    if (c.secret.size() < 32) return make_error(Errc::invalid_request, "A token secret has 128 bits.");
    return decided(change::ParticipantJoined{Participant{next_id_, c.group, name.value(), c.secret, now}},
                   next_id_);
}

Result<Workshop::Target> Workshop::writable_step(Id participant_id, StepKind kind) const {
    const Participant* p = participant(participant_id);
    if (!p) return make_error(Errc::unauthorized, "Ukjent deltaker.");
    const ExerciseRun* run = current_run(p->group);
    if (!run) return make_error(Errc::no_activity, "Gruppen har ingen øvelse i gang.");
    const Step* step = current_step(*run);
    if (!step || step->kind != kind)
        return make_error(Errc::step_closed, kind == StepKind::vote ? "Stemmingen er ikke åpen."
                                                                    : "Skrivingen er lukket.");
    return Target{run, step};
}

Result<Decision> Workshop::decide_(const cmd::AddNote& c, Timestamp now) const {
    if (c.client_id.empty() || c.client_id.size() > max_client_id_bytes ||
        !text::is_valid_utf8(c.client_id) || text::has_control_characters(c.client_id))
        return make_error(Errc::client_id_invalid, "client_id must be 1 to 64 bytes of text.");
    // A retry of a note that was already stored answers with that note, whatever the step now.
    if (auto it = note_by_client_id_.find({c.participant, c.client_id}); it != note_by_client_id_.end()) {
        Decision d;
        d.subject = it->second;
        d.created = false;
        return d;
    }
    auto target = writable_step(c.participant, StepKind::write);
    if (!target) return target.error();
    auto body = clean_text(c.text, max_note_code_points, Errc::text_too_long, false);
    if (!body) return body.error();

    const ExerciseDefinition& def = *definition(*target->run);
    std::string zone;
    const auto& allowed = target->step->zones;
    if (c.zone && !c.zone->empty()) {
        const bool known = def.zone(*c.zone) &&
                           (allowed.empty() || std::find(allowed.begin(), allowed.end(), *c.zone) != allowed.end());
        if (!known) return make_error(Errc::zone_unknown, "Ukjent felt: " + *c.zone);
        zone = *c.zone;
    } else if (!allowed.empty()) {
        zone = allowed.front();
    } else if (!def.zones.empty()) {
        zone = def.zones.front().id;
    }
    Note n{next_id_, target->run->id, c.participant, c.client_id, body.value(), zone, now, now, false};
    return decided(change::NoteAdded{std::move(n)}, next_id_);
}

Result<const Note*> Workshop::own_note(Id participant_id, Id note_id) const {
    const Participant* p = participant(participant_id);
    if (!p) return make_error(Errc::unauthorized, "Ukjent deltaker.");
    const Note* n = note(note_id);
    if (!n || n->deleted) return make_error(Errc::note_not_found, "Fant ikke lappen.");
    if (n->author != participant_id) {
        // Another group's note is none of this participant's business: do not confirm it exists.
        const ExerciseRun& run = runs_.at(n->run);
        if (run.group != p->group) return make_error(Errc::note_not_found, "Fant ikke lappen.");
        return make_error(Errc::not_your_note, "Du kan bare endre dine egne lapper.");
    }
    return n;
}

Result<Decision> Workshop::decide_(const cmd::EditNote& c, Timestamp now) const {
    auto n = own_note(c.participant, c.note);
    if (!n) return n.error();
    auto target = writable_step(c.participant, StepKind::write);
    if (!target) return target.error();
    if (n.value()->run != target->run->id)
        return make_error(Errc::step_closed, "Lappen hører til en avsluttet øvelse.");
    std::string body = n.value()->text;
    if (c.text) {
        auto cleaned = clean_text(*c.text, max_note_code_points, Errc::text_too_long, false);
        if (!cleaned) return cleaned.error();
        body = cleaned.value();
    }
    std::string zone = n.value()->zone;
    if (c.zone) {
        const ExerciseDefinition& def = *definition(*target->run);
        const auto& allowed = target->step->zones;
        if (!def.zone(*c.zone) ||
            (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *c.zone) == allowed.end()))
            return make_error(Errc::zone_unknown, "Ukjent felt: " + *c.zone);
        zone = *c.zone;
    }
    return decided(change::NoteEdited{c.note, body, zone, now}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::DeleteNote& c, Timestamp now) const {
    auto n = own_note(c.participant, c.note);
    if (!n) return n.error();
    auto target = writable_step(c.participant, StepKind::write);
    if (!target) return target.error();
    if (n.value()->run != target->run->id)
        return make_error(Errc::step_closed, "Lappen hører til en avsluttet øvelse.");
    return decided(change::NoteDeleted{c.note, now}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::CastVote& c, Timestamp) const {
    auto target = writable_step(c.participant, StepKind::vote);
    if (!target) return target.error();
    const Note* n = note(c.note);
    if (!n || n->deleted || n->run != target->run->id)
        return make_error(Errc::note_not_found, "Fant ikke lappen.");
    if (dots_used(c.participant, target->run->id) >= target->step->vote_budget)
        return make_error(Errc::no_votes_left, "Du har brukt alle stemmene dine.");
    return decided(change::VoteCast{c.note, c.participant}, c.note);
}

Result<Decision> Workshop::decide_(const cmd::RetractVote& c, Timestamp) const {
    auto target = writable_step(c.participant, StepKind::vote);
    if (!target) return target.error();
    const Note* n = note(c.note);
    if (!n || n->deleted || n->run != target->run->id)
        return make_error(Errc::note_not_found, "Fant ikke lappen.");
    if (dots_by(c.participant, c.note) == 0)
        return make_error(Errc::vote_not_found, "Du har ingen stemme på denne lappen.");
    return decided(change::VoteRetracted{c.note, c.participant}, c.note);
}

// ---------------------------------------------------------------------------------------------
// Applying changes

void Workshop::apply(const Change& change) {
    std::visit([&](const auto& c) { apply_(c); }, change);
    ++revision_;
    if (const Id group = group_of(change))
        group_revision_[group] = revision_;
    else
        room_revision_ = revision_;
}

Revision Workshop::revision_for(Id group) const {
    auto it = group_revision_.find(group);
    return std::max(room_revision_, it == group_revision_.end() ? 0 : it->second);
}

void Workshop::set_revision(Revision r) {
    // After a restart every group starts at the stored revision, so no group's revision
    // ever goes back to a number a phone may still hold.
    revision_ = room_revision_ = r;
    group_revision_.clear();
}

Id Workshop::group_of(const Change& change) const {
    const auto run_group = [&](Id run) { return runs_.at(run).group; };
    const auto note_group = [&](Id note) { return run_group(notes_.at(note).run); };
    return std::visit(
        overloaded{
            [](const change::RoomOpened&) -> Id { return 0; },
            [](const change::GroupAdded&) -> Id { return 0; },  // every phone's group list
            [](const change::ParticipantJoined& c) { return c.participant.group; },
            [](const change::ExerciseStarted& c) { return c.run.group; },
            [&](const change::StepChanged& c) { return run_group(c.run); },
            [&](const change::NoteAdded& c) { return run_group(c.note.run); },
            [&](const change::NoteEdited& c) { return note_group(c.note); },
            [&](const change::NoteDeleted& c) { return note_group(c.note); },
            [&](const change::VoteCast& c) { return note_group(c.note); },
            [&](const change::VoteRetracted& c) { return note_group(c.note); },
        },
        change);
}

void Workshop::apply_(const change::RoomOpened& c) { room_ = c.room; }

void Workshop::apply_(const change::GroupAdded& c) {
    groups_[c.group.id] = c.group;
    next_id_ = std::max(next_id_, c.group.id + 1);
}

void Workshop::apply_(const change::ParticipantJoined& c) {
    assert(groups_.count(c.participant.group));
    participants_[c.participant.id] = c.participant;
    next_id_ = std::max(next_id_, c.participant.id + 1);
}

void Workshop::apply_(const change::ExerciseStarted& c) {
    runs_[c.run.id] = c.run;
    Id& current = current_run_[c.run.group];
    current = std::max(current, c.run.id);
    next_id_ = std::max(next_id_, c.run.id + 1);
}

void Workshop::apply_(const change::StepChanged& c) { runs_.at(c.run).step = c.step; }

void Workshop::apply_(const change::NoteAdded& c) {
    assert(runs_.count(c.note.run));
    notes_[c.note.id] = c.note;
    note_by_client_id_[{c.note.author, c.note.client_id}] = c.note.id;
    next_id_ = std::max(next_id_, c.note.id + 1);
}

void Workshop::apply_(const change::NoteEdited& c) {
    Note& n = notes_.at(c.note);
    n.text = c.text;
    n.zone = c.zone;
    n.updated_at = c.at;
}

void Workshop::apply_(const change::NoteDeleted& c) {
    Note& n = notes_.at(c.note);
    n.deleted = true;
    n.updated_at = c.at;
}

void Workshop::apply_(const change::VoteCast& c) { ++dots_[{c.note, c.participant}]; }

void Workshop::apply_(const change::VoteRetracted& c) {
    auto it = dots_.find({c.note, c.participant});
    assert(it != dots_.end() && it->second > 0);
    if (--it->second == 0) dots_.erase(it);
}

}  // namespace samling
