// The rules for a programme's structure: its name, gatherings and their agendas, the leader
// groups' details, and concluding a run into the group's project log.
#include <algorithm>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::clean_text;
using rules::decided;

namespace {

// Why `d` is not a date, in the words of `format` and `no_such_day`; empty when it is one.
std::string date_problem(const std::string& d, std::string_view format, std::string_view no_such_day) {
    if (parse_iso_date(d)) return {};
    const bool looks_like_one = d.size() == 10 && d[4] == '-' && d[7] == '-';
    return std::string(looks_like_one ? no_such_day : format) + ": " + d;
}

}  // namespace

Result<NoteFields> Workshop::clean_note_fields(const Step& step, const NoteFields& fields) const {
    NoteFields out;
    for (const auto& entry : fields) {
        const std::string& id = entry.first;  // named, not bound: clang 14 cannot capture a binding
        const std::string& raw = entry.second;
        const auto def = std::find_if(step.note_fields.begin(), step.note_fields.end(),
                                      [&](const NoteFieldDefinition& f) { return f.id == id; });
        if (def == step.note_fields.end()) return make_error(Errc::invalid_request, "No such note field: " + id);
        auto value = clean_text(raw, max_title_characters, Errc::text_too_long, true);
        if (!value) return value.error();
        if (def->kind == NoteFieldDefinition::Kind::date && !value->empty())
            if (const std::string why =
                    date_problem(value.value(), "A date is YYYY-MM-DD", "No such day in the calendar");
                !why.empty())
                return make_error(Errc::invalid_request, why);
        if (!value->empty()) out[id] = value.value();
    }
    return out;
}

Result<Decision> Workshop::decide_(const cmd::SetRetention& c, Timestamp) const {
    if (c.months < 0 || c.months > max_retention_months)
        return make_error(Errc::invalid_request,
                          "The retention time is 0 (not set) to " + std::to_string(max_retention_months) + " months.");
    return decided(change::RetentionSet{c.months}, 0, change::RetentionSet{retention_months_});
}

// Refused below the floor rather than raised to it: a facilitator who typed 2 must learn that
// 2 would let two people read each other's answers, not find 3 in place.
Result<Decision> Workshop::decide_(const cmd::SetPulseThreshold& c, Timestamp) const {
    if (c.threshold < min_pulse_threshold || c.threshold > max_pulse_threshold)
        return make_error(Errc::invalid_request, "A pulse's result shows when " + std::to_string(min_pulse_threshold) +
                                                     " to " + std::to_string(max_pulse_threshold) +
                                                     " of a group have answered; " + std::to_string(c.threshold) +
                                                     " is not allowed.");
    return decided(change::PulseThresholdSet{c.threshold}, 0, change::PulseThresholdSet{pulse_threshold_});
}

Result<Decision> Workshop::decide_(const cmd::NameProgramme& c, Timestamp) const {
    auto name = clean_text(c.name, max_title_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    return decided(change::ProgrammeNamed{name.value()}, 0, change::ProgrammeNamed{programme_});
}

Result<Decision> Workshop::decide_(const cmd::SaveGathering& c, Timestamp) const {
    auto title = clean_text(c.title, max_title_characters, Errc::name_too_long, false);
    if (!title) return title.error();
    const std::string date = text::trim(c.date);
    if (!date.empty())
        if (const std::string why = date_problem(date, "A date is YYYY-MM-DD", "No such day in the calendar");
            !why.empty())
            return make_error(Errc::invalid_request, why);
    Gathering g{c.gathering, 0, title.value(), date};
    if (c.gathering == 0) {
        // Numbers follow the highest, so deleting a gathering made by mistake frees its number.
        int last = 0;
        for (const auto& [id, other] : *gatherings_) last = std::max(last, other.number);
        g.id = next_id_;
        g.number = last + 1;
        return decided(change::GatheringSaved{g}, g.id, change::GatheringDeleted{g.id});
    }
    const Gathering* old = gathering(c.gathering);
    if (!old) return make_error(Errc::invalid_request, "No such gathering.");
    g.number = old->number;
    g.archived = old->archived;
    return decided(change::GatheringSaved{g}, g.id, change::GatheringSaved{*old});
}

Result<Decision> Workshop::decide_(const cmd::OpenGathering& c, Timestamp) const {
    if (!gathering(c.gathering)) return make_error(Errc::invalid_request, "No such gathering.");
    return decided(change::GatheringOpened{c.gathering}, c.gathering, change::GatheringOpened{open_gathering_});
}

Result<Decision> Workshop::decide_(const cmd::EditGroup& c, Timestamp) const {
    const LeaderGroup* g = group(c.group);
    if (!g) return make_error(Errc::group_not_found, "No such leader group.");
    auto name = clean_text(c.name.value_or(g->name), max_name_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    for (const auto& [id, other] : *groups_)
        if (id != c.group && text::same_name(other.name, name.value()))
            return make_error(Errc::invalid_request, "A leader group named \"" + other.name + "\" exists.");
    auto services = clean_text(c.services.value_or(g->services), max_title_characters, Errc::name_too_long, true);
    if (!services) return services.error();
    auto project = clean_text(c.project.value_or(g->project), max_title_characters, Errc::name_too_long, true);
    if (!project) return project.error();
    return decided(
        change::GroupEdited{LeaderGroup{c.group, name.value(), services.value(), project.value(), g->archived}},
        c.group, change::GroupEdited{*g});
}

Result<Decision> Workshop::decide_(const cmd::SetAgenda& c, Timestamp) const {
    if (!gathering(c.gathering)) return make_error(Errc::invalid_request, "No such gathering.");
    for (const std::string& id : c.exercises)
        if (!catalog_->find(id)) return make_error(Errc::invalid_request, "No exercise \"" + id + "\".");
    return decided(change::AgendaSet{c.gathering, c.exercises}, c.gathering,
                   change::AgendaSet{c.gathering, agenda(c.gathering)});
}

Result<Decision> Workshop::decide_(const cmd::StartNext& c, Timestamp now) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    if (!open_gathering_) return make_error(Errc::invalid_request, "No gathering is open.");
    // The first agenda item the group has neither saved in its log nor is at now: a run of it
    // left earlier in this gathering (a start taken back, another run reopened) is reopened,
    // so its notes come back instead of a second, empty run.
    const ExerciseRun* current = current_run(c.group);
    for (const std::string& exercise : agenda(open_gathering_)) {
        const ExerciseRun* left = nullptr;
        bool done = false;
        for (const ExerciseRun* run : runs_of(c.group)) {
            if (run->gathering != open_gathering_ || run->exercise != exercise) continue;
            if (run->concluded_at != 0 || run == current)
                done = true;
            else
                left = run;
        }
        if (done) continue;
        if (left) return decided(change::RunReopened{c.group, left->id}, left->id, current_run_as_is(c.group));
        return decide_(cmd::StartExercise{c.group, exercise}, now);
    }
    return make_error(Errc::invalid_request, "The group has started everything on this gathering's agenda.");
}

Result<Decision> Workshop::decide_(const cmd::ConcludeRun& c, Timestamp now) const {
    auto target = group_step(c.group);
    if (!target) return target.error();
    if (target->run->concluded_at != 0) {
        Decision d;  // concluded already: its log entry stands
        d.subject = target->run->id;
        d.created = false;
        return d;
    }
    return decided(change::RunConcluded{target->run->id, now}, target->run->id,
                   change::RunConcluded{target->run->id, 0});
}

Result<Decision> Workshop::decide_(const cmd::ReopenRun& c, Timestamp) const {
    const auto it = runs_->find(c.run);
    if (it == runs_->end()) return make_error(Errc::invalid_request, "No such exercise run.");
    const ExerciseRun& run = it->second;
    if (!definition(run)) return make_error(Errc::no_activity, "The run's exercise is no longer installed.");
    const ExerciseRun* current = current_run(run.group);
    if (current && current->id == run.id) {
        Decision d;  // it is the current run already
        d.subject = run.id;
        d.created = false;
        return d;
    }
    return decided(change::RunReopened{run.group, run.id}, run.id, current_run_as_is(run.group));
}

Result<Decision> Workshop::decide_(const cmd::SetRoom& c, Timestamp) const {
    if (!room_) return make_error(Errc::invalid_request, "No room is open.");
    std::string name = room_->name;
    if (c.name) {
        auto cleaned = clean_text(*c.name, max_title_characters, Errc::name_too_long, true);
        if (!cleaned) return cleaned.error();
        name = cleaned.value();
    }
    const Language language = c.language.value_or(room_->language);
    return decided(change::RoomChanged{name, language}, 0, change::RoomChanged{room_->name, room_->language});
}

Result<Decision> Workshop::decide_(const cmd::ArchiveGroup& c, Timestamp) const {
    const LeaderGroup* g = group(c.group);
    if (!g) return make_error(Errc::group_not_found, "No such leader group.");
    return decided(change::GroupArchived{c.group, c.archived}, c.group, change::GroupArchived{c.group, g->archived});
}

Result<Decision> Workshop::decide_(const cmd::DeleteGroup& c, Timestamp) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    if (group_has_content(c.group))
        return make_error(Errc::group_has_notes,
                          "The group has written notes or conclusions: archive it instead, so its log stays.");
    // No undo: deleting asks first, and a deleted group's phones have lost their tokens.
    return decided(change::GroupDeleted{c.group}, c.group);
}

Result<Decision> Workshop::decide_(const cmd::ArchiveGathering& c, Timestamp) const {
    const Gathering* g = gathering(c.gathering);
    if (!g) return make_error(Errc::invalid_request, "No such gathering.");
    return decided(change::GatheringArchived{c.gathering, c.archived}, c.gathering,
                   change::GatheringArchived{c.gathering, g->archived});
}

Result<Decision> Workshop::decide_(const cmd::DeleteGathering& c, Timestamp) const {
    const Gathering* g = gathering(c.gathering);
    if (!g) return make_error(Errc::invalid_request, "No such gathering.");
    if (std::any_of(runs_->begin(), runs_->end(), [&](const auto& r) { return r.second.gathering == c.gathering; }))
        return make_error(Errc::group_has_notes, "Exercises were run in this gathering: archive it instead.");
    Decision d = decided(change::GatheringDeleted{c.gathering}, c.gathering, change::GatheringSaved{*g});
    d.undo.push_back(change::AgendaSet{c.gathering, agenda(c.gathering)});
    if (open_gathering_ == c.gathering) d.undo.push_back(change::GatheringOpened{c.gathering});
    return d;
}

Result<Decision> Workshop::decide_(const cmd::MoveParticipant& c, Timestamp) const {
    const Participant* p = participant(c.participant);
    if (!p || p->removed) return make_error(Errc::invalid_request, "No such participant.");
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    if (p->group == c.group) {
        Decision d;
        d.subject = c.participant;
        d.created = false;
        return d;
    }
    // Its notes stay where they were written: they belong to that group's run.
    return decided(change::ParticipantMoved{c.participant, c.group}, c.participant,
                   change::ParticipantMoved{c.participant, p->group});
}

Result<Decision> Workshop::decide_(const cmd::RemoveParticipant& c, Timestamp) const {
    const Participant* p = participant(c.participant);
    if (!p || p->removed) return make_error(Errc::invalid_request, "No such participant.");
    return decided(change::ParticipantRemoved{c.participant, true}, c.participant,
                   change::ParticipantRemoved{c.participant, false});
}

Result<Decision> Workshop::decide_(const cmd::UndoLast&, Timestamp) const {
    return make_error(Errc::invalid_request, "Undo is the hub's: it keeps the history.");
}

Result<Decision> Workshop::decide_(const cmd::Together&, Timestamp) const {
    return make_error(Errc::invalid_request, "Several commands at once are the hub's to take apart.");
}

}  // namespace samling
