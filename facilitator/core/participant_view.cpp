// Visibility rules: a phone sees its own notes and the notes revealed to its group, never
// who wrote them; in a vote step only its own dots, never totals.
#include "core/participant_view.hpp"

#include "core/measures.hpp"

#include <algorithm>
#include <cassert>
#include <set>

#include "core/carry_over.hpp"
#include "core/pulse_history.hpp"
#include "core/vote_results.hpp"

namespace samling {

ParticipantView::NoteView note_view(const Workshop& w, const Note& n, Id viewer) {
    ParticipantView::NoteView v;
    v.id = n.id;
    v.text = n.text;
    v.zone = n.zone;
    v.mine = n.author == viewer;
    v.my_votes = w.dots_by(viewer, n.id);
    v.cluster = n.cluster;
    v.parent = n.parent;
    v.highlighted = n.highlighted;
    v.step = n.step;
    v.fields = n.fields;
    v.created_at = n.created_at;
    v.updated_at = n.updated_at;
    return v;
}

namespace {

// A viewer no participant is: not even the facilitator's own notes (author 0) count as its own.
constexpr Id nobody = -1;

// The view of `participant_id` in `group_id`; `nobody` is a phone with nothing of its own.
ParticipantView::PulseView pulse_view(const Workshop& w, const ExerciseRun& run, const Instrument& instrument,
                                      std::string_view token, Language lang) {
    ParticipantView::PulseView p;
    p.instrument = instrument.id;
    p.title = instrument.title.in(lang);
    for (const PulseStatement& s : instrument.statements) p.statements.push_back({s.id, s.text.in(lang)});
    p.min = instrument.scale.min;
    p.max = instrument.scale.max;
    for (const auto& [point, label] : instrument.scale.labels) p.labels[point] = label.in(lang);
    if (!token.empty())
        if (const PulseSheet* mine = w.pulse_sheet(run.id, respondent_key(token, run.id))) p.my_answers = *mine;
    p.answered = static_cast<int>(w.pulse_sheets(run.id).size());
    return p;
}

// The vote's results on the notes a phone sees, and the top ones ranked among the notes the
// whole group sees (never among one phone's own hidden ones), by the projector's rule.
void add_results(const Workshop& w, const ExerciseRun& run, std::vector<ParticipantView::NoteView>& notes,
                 ParticipantView::Activity& a) {
    for (auto& n : notes) n.dots = w.dots_on(n.id);
    std::vector<const Note*> shared;
    std::vector<int> dots;
    for (const Note* n : w.notes_of_run(run.id))
        if (w.visible_to(*n, nobody)) {
            shared.push_back(n);
            dots.push_back(w.dots_on(n->id));
        }
    const std::vector<int> ranks = vote_ranks(dots);
    std::vector<std::pair<int, Id>> top;
    for (std::size_t i = 0; i < shared.size(); ++i)
        if (ranks[i] > 0) top.emplace_back(ranks[i], shared[i]->id);
    std::stable_sort(top.begin(), top.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    a.top.emplace();
    for (const auto& [rank, id] : top) a.top->push_back(id);
}

ParticipantView::PulseResultView pulse_result_view(const Workshop& w, const Instrument& instrument,
                                                   const PulseResult& result, Language lang) {
    ParticipantView::PulseResultView v;
    v.instrument = instrument.id;
    v.title = instrument.title.in(lang);
    v.licence = instrument.licence;
    v.citation = instrument.citation;
    v.min = instrument.scale.min;
    v.max = instrument.scale.max;
    for (const auto& [point, label] : instrument.scale.labels) v.labels[point] = label.in(lang);
    v.respondents = result.respondents;
    v.threshold = effective_threshold(w.pulse_threshold());
    v.suppressed = result.suppressed;
    if (result.suppressed) return v;  // not even per-statement counts: nothing to compare
    for (std::size_t i = 0; i < result.statements.size(); ++i) {
        const StatementResult& r = result.statements[i];
        ParticipantView::PulseResultView::Statement s;
        s.id = r.statement;
        s.text = instrument.statements[i].text.in(lang);
        s.n = r.n;
        s.suppressed = r.suppressed;
        if (!r.suppressed) s.mean = r.mean, s.distribution = r.distribution;
        v.statements.push_back(std::move(s));
    }
    return v;
}

std::vector<ParticipantView::MeasureView> measures_view(const Workshop& w, const ExerciseRun& run, const Step& step,
                                                        const Participant* me, Language lang) {
    std::vector<ParticipantView::MeasureView> out;
    for (const OpenMeasure& m : open_measures(w, run, step)) {
        ParticipantView::MeasureView v;
        v.note = m.note->id;
        v.text = m.note->text;
        for (const auto& [field, value] : m.fields)
            v.fields.push_back(
                {field->label.in(lang), value, field->kind == NoteFieldDefinition::Kind::date ? "date" : "text"});
        if (m.report) v.status = to_string(m.report->status), v.report = m.report->text;
        if (m.last) v.last_status = to_string(m.last->status), v.last_report = m.last->text;
        v.mine = me && owned_by(m, me->name);
        if (!m.indicator.empty()) {
            ParticipantView::MeasureView::Indicator i{m.indicator, {}, {}, {}, {}, {}};
            if (m.figures)
                i.unit = m.figures->unit, i.source = m.figures->source, i.baseline = m.figures->baseline,
                i.target = m.figures->target;
            if (m.value) i.value = m.value->value;
            v.indicator = std::move(i);
        }
        out.push_back(std::move(v));
    }
    // The owner answers for their own measure first; otherwise the order they were planned in.
    std::stable_partition(out.begin(), out.end(), [](const auto& v) { return v.mine; });
    return out;
}

ParticipantView view_in_group(const Workshop& w, Id group_id, Id participant_id, Timestamp now,
                              const Presence* presence, std::string_view token = {}) {
    ParticipantView v;
    v.revision = w.revision_for(group_id);
    v.room = w.room().value_or(Room{});
    v.room.name = w.room_title();
    if (const Participant* p = w.participant(participant_id)) {
        v.participant = *p;
        v.participant.secret_hash.clear();
    } else {
        v.participant.group = group_id;
    }
    v.group = *w.group(group_id);
    const Id lead = w.lead_of(group_id);
    v.lead = lead == 0                                       ? ParticipantView::Lead::none
             : participant_id != 0 && lead == participant_id ? ParticipantView::Lead::me
                                                             : ParticipantView::Lead::other;
    if (participant_id != 0 && w.lead_asked(group_id) == participant_id) v.lead = ParticipantView::Lead::asked;

    const ExerciseRun* run = w.current_run(group_id);
    const ExerciseDefinition* def = run ? w.definition(*run) : nullptr;
    const Step* step = run ? w.current_step(*run) : nullptr;
    if (!run || !def || !step) return v;

    const Language lang = v.room.language;
    ParticipantView::Activity a;
    a.exercise = def->id;
    a.title = def->title.in(lang);
    a.layout = def->layout;
    a.step = {run->step,
              static_cast<int>(def->steps.size()),
              step->id,
              step->prompt.in(lang),
              step->instructions.in(lang),
              step->kind,
              step->timer_seconds,
              step->chain,
              step->proposals};
    for (const Step& any : def->steps)
        for (const NoteFieldDefinition& f : any.note_fields) a.note_field_labels[f.id] = f.label.in(lang);
    for (const NoteFieldDefinition& f : step->note_fields)
        a.step.note_fields.push_back(
            {f.id, f.label.in(lang), f.kind == NoteFieldDefinition::Kind::date ? "date" : "text"});
    a.writing_locked = run->writing_locked;
    a.accepts_notes = step->takes_notes() && !run->writing_locked;
    for (const Zone& z : def->zones) a.zones.push_back({z.id, z.label.in(lang), z.colour});
    if (a.accepts_notes && step->kind == StepKind::write) {
        if (!step->zones.empty())
            a.note_zones = step->zones;
        else
            for (const Zone& z : def->zones) a.note_zones.push_back(z.id);
    }
    if (step->kind == StepKind::pulse)
        if (const Instrument* instrument = w.catalog().instrument(step->instrument))
            a.pulse = pulse_view(w, *run, *instrument, token, lang);
    // The group's result on its own phones, in the steps after the pulse only.
    if (step->kind != StepKind::pulse)
        if (const auto result = pulse_result_of(w, *run))
            a.pulse_result = pulse_result_view(w, *w.catalog().instrument(result->instrument), *result, lang);
    if (step->kind == StepKind::status) a.measures = measures_view(w, *run, *step, w.participant(participant_id), lang);
    if (step->kind == StepKind::vote)
        a.votes = ParticipantView::Votes{step->vote_budget, step->vote_budget - w.dots_used(participant_id, run->id)};
    const auto seconds = [](std::int64_t ms) { return static_cast<int>((std::max<std::int64_t>(ms, 0) + 999) / 1000); };
    a.timer = {seconds(run->timer.duration_ms), seconds(run->timer.remaining_ms(now)), run->timer.running(),
               run->timer.running() || run->timer.elapsed_ms > 0};
    // Counted among the phones still in the room, so one that was closed never keeps the
    // group waiting for "3 av 4".
    a.done = presence ? ParticipantView::Done{w.is_done(participant_id, *run), presence->done_present(w, *run, now),
                                              presence->present_in(w, group_id, now)}
                      : ParticipantView::Done{w.is_done(participant_id, *run), w.done_count(*run),
                                              w.participants_in(group_id)};
    for (const FieldDefinition& f : step->fields)
        a.fields.push_back({f.id, f.label.in(lang), f.hint.in(lang), w.conclusion(run->id, f.id)});
    for (const CarriedItem& item : carried_into(w, *run)) {
        ParticipantView::ContextView c{item.source->label.in(lang), item.text, {}};
        for (const CarriedNote& n : item.notes) {
            ParticipantView::ContextView::Item note{n.note->text, {}};
            for (const auto& [field, value] : n.fields)
                note.fields.push_back(
                    {field->label.in(lang), value, field->kind == NoteFieldDefinition::Kind::date ? "date" : "text"});
            c.notes.push_back(std::move(note));
        }
        a.context.push_back(std::move(c));
    }

    std::set<Id> shown_clusters;
    for (const Note* n : w.notes_of_run(run->id)) {
        if (!w.visible_to(*n, participant_id)) continue;
        auto nv = note_view(w, *n, participant_id);
        if (n->cluster) shown_clusters.insert(n->cluster);
        if (n->parent && (!w.note(n->parent) || !w.visible_to(*w.note(n->parent), participant_id))) nv.parent = 0;
        v.notes.push_back(std::move(nv));
    }
    if (vote_is_over(*def, *run)) add_results(w, *run, v.notes, a);
    // A cluster's name shows only once one of its notes may be seen.
    for (const Cluster* c : w.clusters_of_run(run->id))
        if (shown_clusters.count(c->id)) a.clusters.push_back({c->id, c->name, c->zone});
    v.activity = std::move(a);
    return v;
}

}  // namespace

ParticipantView view_for(const Workshop& w, Id participant_id, Timestamp now, const Presence* presence,
                         std::string_view token) {
    const Participant* p = w.participant(participant_id);
    assert(p);
    return view_in_group(w, p->group, participant_id, now, presence, token);
}

ParticipantView preview_for(const Workshop& w, Id group_id, Timestamp now, const Presence* presence) {
    assert(w.group(group_id));
    return view_in_group(w, group_id, nobody, now, presence);
}

}  // namespace samling
