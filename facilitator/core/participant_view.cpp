// Visibility rules: while writing, a phone sees only its own notes; from reveal on, the
// group's notes, never their authors; in a vote step, only its own dots, never totals.
#include "core/participant_view.hpp"

#include <cassert>

namespace samling {

ParticipantView::NoteView note_view(const Workshop& w, const Note& n, Id viewer) {
    return {n.id, n.text, n.zone, n.author == viewer, w.dots_by(viewer, n.id), n.created_at,
            n.updated_at};
}

ParticipantView view_for(const Workshop& w, Id participant_id) {
    const Participant* p = w.participant(participant_id);
    assert(p);
    ParticipantView v;
    v.revision = w.revision_for(p->group);
    v.room = w.room().value_or(Room{});
    v.participant = *p;
    v.participant.secret.clear();
    v.group = *w.group(p->group);

    const ExerciseRun* run = w.current_run(p->group);
    const ExerciseDefinition* def = run ? w.definition(*run) : nullptr;
    const Step* step = run ? w.current_step(*run) : nullptr;
    if (!run || !def || !step) return v;

    const Language lang = v.room.language;
    ParticipantView::Activity a;
    a.exercise = def->id;
    a.title = def->title.in(lang);
    a.step = {run->step, static_cast<int>(def->steps.size()), step->id, step->prompt.in(lang),
              step->instructions.in(lang), step->kind, step->timer_seconds};
    a.accepts_notes = step->kind == StepKind::write;
    for (const Zone& z : def->zones) a.zones.push_back({z.id, z.label.in(lang), z.colour});
    if (a.accepts_notes) {
        if (!step->zones.empty())
            a.note_zones = step->zones;
        else
            for (const Zone& z : def->zones) a.note_zones.push_back(z.id);
    }
    if (step->kind == StepKind::vote)
        a.votes = ParticipantView::Votes{step->vote_budget,
                                         step->vote_budget - w.dots_used(participant_id, run->id)};
    v.activity = std::move(a);

    const bool own_only = step->kind == StepKind::write;
    for (const Note* n : w.notes_of_run(run->id))
        if (!own_only || n->author == participant_id) v.notes.push_back(note_view(w, *n, participant_id));
    return v;
}

}  // namespace samling
