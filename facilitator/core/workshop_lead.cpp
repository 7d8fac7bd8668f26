// The table lead's rules: who leads a group, "first to ask takes it" with the facilitator's yes,
// and which board commands the lead's phone may send. No ImGui, HTTP or SQLite here.
#include <algorithm>

#include "core/overloaded.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::decided;

TableLead Workshop::table_lead(Id group) const {
    const auto it = leads_.find(group);
    return it == leads_.end() ? TableLead{} : it->second;
}

namespace {
// A stored lead or ask counts only while that phone is in the room and in the group: a phone
// removed or moved to another table stops leading at once, with nothing to clean up.
bool still_in(const Participant* p, Id group) {
    return p && !p->removed && p->group == group;
}
}  // namespace

Id Workshop::lead_of(Id group) const {
    const Id id = table_lead(group).lead;
    return still_in(participant(id), group) ? id : 0;
}

Id Workshop::lead_asked(Id group) const {
    const Id id = table_lead(group).asked;
    return still_in(participant(id), group) && lead_of(group) != id ? id : 0;
}

bool Workshop::is_lead(Id participant_id) const {
    const Participant* p = participant(participant_id);
    return p && lead_of(p->group) == participant_id;
}

Result<Decision> Workshop::decide_(const cmd::SetLead& c, Timestamp) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    if (c.participant != 0 && !still_in(participant(c.participant), c.group))
        return make_error(Errc::invalid_request, "The table lead must be a participant of that group.");
    const TableLead before = table_lead(c.group);
    return decided(change::LeadSet{c.group, TableLead{c.participant, 0}}, c.participant,
                   change::LeadSet{c.group, before});
}

Result<Decision> Workshop::decide_(const cmd::DeclineLead& c, Timestamp) const {
    if (!group(c.group)) return make_error(Errc::group_not_found, "No such leader group.");
    const TableLead before = table_lead(c.group);
    if (lead_asked(c.group) == 0) return make_error(Errc::invalid_request, "Nobody in the group asked to lead.");
    return decided(change::LeadSet{c.group, TableLead{before.lead, 0}}, before.asked, change::LeadSet{c.group, before});
}

Result<Decision> Workshop::decide_(const cmd::AskLead& c, Timestamp) const {
    const Participant* p = participant(c.participant);
    if (!p || p->removed) return make_error(Errc::unauthorized, "No such participant.");
    const Id lead = lead_of(p->group);
    const Id asked = lead_asked(p->group);
    if (lead == c.participant || asked == c.participant) {
        Decision d;  // asked already, or leads already: nothing new
        d.subject = c.participant;
        d.created = false;
        return d;
    }
    if (lead != 0) return make_error(Errc::lead_taken, "The group has a table lead.");
    if (asked != 0) return make_error(Errc::lead_taken, "Someone in the group asked first.");
    return decided(change::LeadSet{p->group, TableLead{table_lead(p->group).lead, c.participant}}, c.participant);
}

Status Workshop::lead_may(Id participant_id, Id group_id, const Command& command) const {
    const ExerciseRun* run = current_run(group_id);
    if (!run) return make_error(Errc::no_activity, "The group has no exercise running.");
    const auto own_group = [&](Id g) -> Status {
        if (g != group_id) return make_error(Errc::other_group, "A table lead runs only its own group's board.");
        return Ok{};
    };
    // A note on this board that the lead's phone can see: another board's is other_group, a
    // hidden one (a silent step before the reveal) is as unknown to the lead as to any phone.
    const auto own_note = [&](Id id) -> Status {
        const Note* n = note(id);
        if (!n) return make_error(Errc::note_not_found, "No such note.");
        if (n->run != run->id) return make_error(Errc::other_group, "That note is on another board.");
        if (!visible_to(*n, participant_id)) return make_error(Errc::note_not_found, "No such note.");
        return Ok{};
    };
    const auto own_cluster = [&](Id id) -> Status {
        const Cluster* cl = cluster(id);
        if (!cl) return make_error(Errc::invalid_request, "No such theme.");
        if (cl->run != run->id) return make_error(Errc::other_group, "That theme is on another board.");
        return Ok{};
    };
    return std::visit(overloaded{
                          [&](const cmd::PlaceNote& c) { return own_note(c.note); },
                          [&](const cmd::MakeCluster& c) {
                              if (auto s = own_group(c.group); !s) return s;
                              for (Id n : c.notes)
                                  if (auto s = own_note(n); !s) return s;
                              return Status(Ok{});
                          },
                          [&](const cmd::RenameCluster& c) { return own_cluster(c.cluster); },
                          [&](const cmd::SetCluster& c) {
                              if (auto s = own_note(c.note); !s) return s;
                              return c.cluster == 0 ? Status(Ok{}) : own_cluster(c.cluster);
                          },
                          [&](const cmd::MergeNotes& c) {
                              if (auto s = own_note(c.keep); !s) return s;
                              return own_note(c.absorb);
                          },
                          [&](const cmd::SetConclusion& c) { return own_group(c.group); },
                          [&](const cmd::ConcludeRun& c) { return own_group(c.group); },
                          [](const auto&) -> Status {
                              return make_error(
                                  Errc::not_lead_command,
                                  "A table lead may send place_note, make_cluster, rename_cluster, set_cluster, "
                                  "merge_notes, set_conclusion or conclude_run.");
                          },
                      },
                      command);
}

Result<Decision> Workshop::decide_(const cmd::AsLead& c, Timestamp now) const {
    const Participant* p = participant(c.participant);
    if (!p || p->removed) return make_error(Errc::unauthorized, "No such participant.");
    if (!is_lead(c.participant)) return make_error(Errc::not_lead, "Only the group's table lead may do this.");
    if (c.command.size() != 1) return make_error(Errc::invalid_request, "A table lead sends one command at a time.");
    if (auto may = lead_may(c.participant, p->group, c.command.front()); !may) return may.error();
    return decide(c.command.front(), now);  // the projector's own rules, changes and way back
}

void Workshop::apply_(const change::LeadSet& c) {
    if (c.lead.lead == 0 && c.lead.asked == 0)
        leads_.erase(c.group);
    else
        leads_[c.group] = c.lead;
}

}  // namespace samling
