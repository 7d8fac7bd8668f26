// Carry-over and recap: read-only queries over a Workshop snapshot.
#include "core/carry_over.hpp"

#include <algorithm>

namespace samling {
namespace {

// The group's runs of `exercise` older than `before`, newest first.
std::vector<const ExerciseRun*> earlier_runs(const Workshop& w, Id group, std::string_view exercise, Id before) {
    std::vector<const ExerciseRun*> out;
    for (auto it = w.runs().rbegin(); it != w.runs().rend(); ++it) {
        const ExerciseRun& r = it->second;
        if (r.id < before && r.group == group && r.exercise == exercise) out.push_back(&r);
    }
    return out;
}

std::vector<CarriedNote> notes_in_zone(const Workshop& w, const ExerciseRun& from, std::string_view zone) {
    const ExerciseDefinition* def = w.definition(from);
    std::vector<CarriedNote> out;
    for (const Note* n : w.notes_of_run(from.id)) {
        if (n->zone != zone || !n->revealed) continue;
        out.push_back({n, def ? note_field_values(*def, *n) : NoteFieldValues{}});
    }
    return out;
}

// The group's concluded runs of `exercise`, newest first.
std::vector<const ExerciseRun*> concluded_runs(const Workshop& w, Id group, std::string_view exercise) {
    std::vector<const ExerciseRun*> out;
    for (const ExerciseRun* r : w.project_log(group))
        if (r->exercise == exercise) out.push_back(r);
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace

NoteFieldValues note_field_values(const ExerciseDefinition& def, const Note& n) {
    NoteFieldValues out;
    for (const Step& step : def.steps)
        for (const NoteFieldDefinition& f : step.note_fields) {
            const auto v = n.fields.find(f.id);
            if (v == n.fields.end() || v->second.empty()) continue;
            if (std::any_of(out.begin(), out.end(), [&f](const auto& seen) { return seen.first->id == f.id; }))
                continue;
            out.emplace_back(&f, v->second);
        }
    return out;
}

std::vector<CarriedItem> carried_into(const Workshop& w, const ExerciseRun& run) {
    std::vector<CarriedItem> items;
    const ExerciseDefinition* def = w.definition(run);
    if (!def) return items;
    for (const ContextSource& source : def->context) {
        const std::vector<const ExerciseRun*> runs = earlier_runs(w, run.group, source.exercise, run.id);
        CarriedItem item{&source, 0, {}, {}};
        if (!source.field.empty()) {
            for (const ExerciseRun* r : runs)
                if (const std::string& text = w.conclusion(r->id, source.field); !text.empty()) {
                    item.run = r->id;
                    item.text = text;
                    break;
                }
        } else {
            for (bool concluded : {true, false}) {
                for (const ExerciseRun* r : runs) {
                    if ((r->concluded_at != 0) != concluded) continue;
                    item.notes = notes_in_zone(w, *r, source.zone);
                    if (!item.notes.empty()) {
                        item.run = r->id;
                        break;
                    }
                }
                if (item.run) break;
            }
        }
        if (item.run) items.push_back(std::move(item));
    }
    return items;
}

std::vector<RecapItem> recap_of(const Workshop& w, Id group) {
    // Each exercise once, where the group last concluded it.
    std::vector<const ExerciseRun*> latest;
    for (const ExerciseRun* r : w.project_log(group)) {
        latest.erase(std::remove_if(latest.begin(), latest.end(),
                                    [&](const ExerciseRun* seen) { return seen->exercise == r->exercise; }),
                     latest.end());
        latest.push_back(r);
    }
    std::stable_sort(latest.begin(), latest.end(),
                     [](const ExerciseRun* a, const ExerciseRun* b) { return a->concluded_at < b->concluded_at; });
    std::vector<RecapItem> items;
    for (const ExerciseRun* last : latest) {
        const ExerciseDefinition* def = w.definition(*last);
        if (!def) continue;
        const std::vector<const ExerciseRun*> runs = concluded_runs(w, group, def->id);
        for (const Step& step : def->steps)
            for (const FieldDefinition& f : step.fields) {
                if (!f.recap) continue;
                for (const ExerciseRun* r : runs)
                    if (const std::string& text = w.conclusion(r->id, f.id); !text.empty()) {
                        items.push_back({def, &f.label, r->id, text, {}});
                        break;
                    }
            }
        for (const Zone& z : def->zones) {
            if (!z.recap) continue;
            for (const ExerciseRun* r : runs)
                if (std::vector<CarriedNote> notes = notes_in_zone(w, *r, z.id); !notes.empty()) {
                    items.push_back({def, &z.label, r->id, {}, std::move(notes)});
                    break;
                }
        }
    }
    return items;
}

}  // namespace samling
