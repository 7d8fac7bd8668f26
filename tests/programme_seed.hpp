// A whole programme seeded in-process, the same every time (fixed clock, no randomness): groups
// with phones, gatherings of every shipped exercise per group, each run walked through its steps
// (notes with zones, fields and "why?" chains, a theme, a merged duplicate, a deleted note, dots,
// conclusions) and concluded. Used by the export guard test and the programme benchmarks.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/workshop.hpp"

namespace samling::seed {

struct Shape {
    int groups = 27, phones_per_group = 8, gatherings = 5, notes_per_run = 50;
    int exercises = 0;            // the first N shipped exercises (by id) per gathering; 0: all
    bool writing_at_end = false;  // every group then starts its first exercise again: phones may write
};

struct Programme {
    std::vector<Id> groups, phones, gatherings;
    std::vector<Change> changes;  // everything applied, in order: one store commit
    int notes = 0, votes = 0, clusters = 0, merges = 0, chained = 0, with_fields = 0;
};

// Decides and applies on a plain Workshop (fast: no hub, no disk), keeping every change.
struct Seeder {
    Workshop& w;
    Programme& p;
    Timestamp now;
    Result<Id> try_run(const Command& c) {
        auto d = w.decide(c, now += 1000);
        if (!d) return d.error();
        for (const Change& ch : d->changes) {
            w.apply(ch);
            p.changes.push_back(ch);
        }
        return d->subject;
    }
    Id run(const Command& c) {
        auto r = try_run(c);
        if (!r) {
            std::fprintf(stderr, "programme seed: refused: %s\n", r.error().message.c_str());
            std::abort();
        }
        return r.value();
    }
};

inline std::string field_value(const NoteFieldDefinition& f, int i) {
    if (f.kind == NoteFieldDefinition::Kind::date)
        return "2027-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    return "Ansvarlig " + std::to_string(i % 7 + 1);
}

// One run of `exercise` for `group`, from its first step to its conclusion.
inline void walk_run(Seeder& s, Id group, const std::vector<Id>& phones, const std::string& exercise, int notes,
                     int& counter) {
    Workshop& w = s.w;
    s.run(cmd::StartExercise{group, exercise});
    const ExerciseDefinition& def = *w.catalog().find(exercise);
    const Id run = w.current_run(group)->id;
    int write_steps = 0;
    for (const Step& st : def.steps) write_steps += st.takes_notes() ? 1 : 0;
    int written_steps = 0;
    for (std::size_t si = 0; si < def.steps.size(); ++si) {
        const Step& st = def.steps[si];
        if (si > 0) s.run(cmd::GoToStep{group, static_cast<int>(si)});
        if (st.takes_notes()) {
            // The run's notes spread over its write steps, the first taking what does not divide.
            const int here = notes / write_steps + (written_steps++ == 0 ? notes % write_steps : 0);
            const std::vector<std::string>& zones = st.zones;
            for (int i = 0; i < here; ++i, ++counter) {
                cmd::AddFacilitatorNote n{group, "Lapp " + std::to_string(counter) + " om samhandling på tvers, «æøå»",
                                          ""};
                if (!zones.empty())
                    n.zone = zones[static_cast<std::size_t>(i) % zones.size()];
                else if (!def.zones.empty())
                    n.zone = def.zones[static_cast<std::size_t>(i) % def.zones.size()].id;
                for (const NoteFieldDefinition& f : st.note_fields)
                    if ((i + counter) % 3 != 0) n.fields[f.id] = field_value(f, counter);
                if (st.chain && i % 4 == 3) {
                    const auto board = w.notes_of_run(run);
                    if (!board.empty()) n.parent = board[board.size() - 1]->id;
                }
                s.run(n);
                ++s.p.notes;
                s.p.chained += n.parent ? 1 : 0;
                s.p.with_fields += n.fields.empty() ? 0 : 1;
            }
        } else if (st.kind == StepKind::organise) {
            const auto board = w.notes_of_run(run);
            if (board.size() >= 7) {  // two to merge, one to remove, beside a theme of three
                const std::string zone = board[0]->zone;
                std::vector<Id> same;
                for (const Note* n : board)
                    if (n->zone == zone && n->parent == 0 && same.size() < 3) same.push_back(n->id);
                if (s.try_run(cmd::MakeCluster{group, zone, "Tema " + std::to_string(counter), same})) ++s.p.clusters;
                if (s.try_run(cmd::MergeNotes{board[4]->id, board[5]->id})) ++s.p.merges;
                s.run(cmd::RemoveNote{board.back()->id});
            }
        } else if (st.kind == StepKind::vote) {
            const auto board = w.notes_of_run(run);
            for (std::size_t pi = 0; pi < phones.size() && !board.empty(); ++pi)
                for (int v = 0; v < st.vote_budget; ++v) {
                    const Note* n = board[(pi * 7 + static_cast<std::size_t>(v) * 3) % board.size()];
                    if (s.try_run(cmd::CastVote{phones[pi], n->id})) ++s.p.votes;
                }
        }
        for (const FieldDefinition& f : st.fields)
            s.run(cmd::SetConclusion{group, f.id, f.label.nb + ": konklusjon " + std::to_string(counter)});
    }
    s.run(cmd::ConcludeRun{group});
}

// Seeds `w` (a fresh Workshop over the shipped exercises) with a programme of `shape`.
inline Programme programme(Workshop& w, Shape shape, Timestamp t0 = 1'800'000'000'000) {
    Programme p;
    Seeder s{w, p, t0};
    s.run(cmd::OpenRoom{"", "ABC234", Language::nb});
    s.run(cmd::NameProgramme{"LUP Bærum 2027"});
    std::vector<std::string> exercises;
    // Exercises whose boards hold notes: a pulse has none, a status round's board is other
    // runs' measures, and a new one must not change the programme the golden exports and the
    // benchmarks were measured on.
    for (const auto& [id, def] : w.catalog().all()) {
        const bool pulse = std::any_of(def.steps.begin(), def.steps.end(), [](const Step& st) {
            return st.kind == StepKind::pulse || st.kind == StepKind::status;
        });
        if (!pulse && (shape.exercises == 0 || static_cast<int>(exercises.size()) < shape.exercises))
            exercises.push_back(id);
    }
    for (int g = 0; g < shape.groups; ++g)
        p.groups.push_back(s.run(cmd::AddGroup{"Ledergruppe " + std::to_string(g + 1)}));
    std::vector<std::vector<Id>> phones(p.groups.size());
    for (std::size_t g = 0; g < p.groups.size(); ++g)
        for (int i = 0; i < shape.phones_per_group; ++i) {
            const Id id = s.run(cmd::Join{"ABC234", p.groups[g], "Deltaker " + std::to_string(i + 1),
                                          std::string(32, static_cast<char>('a' + i)) + std::to_string(1000 + g)});
            phones[g].push_back(id);
            p.phones.push_back(id);
        }
    int counter = 0;
    for (int gathering = 1; gathering <= shape.gatherings; ++gathering) {
        const std::string date = "2027-0" + std::to_string(gathering) + "-15";
        const Id gid = s.run(cmd::SaveGathering{0, "Samling " + std::to_string(gathering), date});
        p.gatherings.push_back(gid);
        s.run(cmd::OpenGathering{gid});
        for (const std::string& exercise : exercises)
            for (std::size_t g = 0; g < p.groups.size(); ++g)
                walk_run(s, p.groups[g], phones[g], exercise, shape.notes_per_run, counter);
    }
    if (shape.writing_at_end)
        for (Id g : p.groups) s.run(cmd::StartExercise{g, exercises.front()});
    return p;
}

}  // namespace samling::seed
