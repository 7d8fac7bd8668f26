// Boards to test and look at: four small exercises (columns with a parking lot, a fishbone, rings,
// a grid) and a workshop built change by change, with believable Norwegian notes. Core only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/workshop.hpp"

namespace samling::board_test {

inline Step step_of(StepKind kind, const char* prompt, bool silent = false) {
    Step s;
    s.id = std::string(to_string(kind));
    s.kind = kind;
    s.prompt = {prompt, prompt, prompt};
    s.silent = silent;
    s.vote_budget = kind == StepKind::vote ? 3 : 0;
    return s;
}

inline Zone zone_of(const char* id, const char* nb, const char* colour) {
    return {id, {nb, nb, nb}, colour};
}

// Steps 0 write (silent), 1 reveal, 2 organise, 3 vote (totals hidden), 4 conclude.
inline ExerciseDefinition exercise(const char* id, const char* layout, std::vector<Zone> zones) {
    ExerciseDefinition d;
    d.id = id;
    d.title = {id, id, id};
    d.layout = layout;
    d.zones = std::move(zones);
    d.steps = {step_of(StepKind::write, "Skriv", true), step_of(StepKind::reveal, "Les"),
               step_of(StepKind::organise, "Ordne"), step_of(StepKind::vote, "Stem"),
               step_of(StepKind::conclude, "Konkluder")};
    return d;
}

// `anonymity` is the columns exercise's ("themes").
inline std::shared_ptr<ExerciseCatalog> catalog(Anonymity anonymity = Anonymity::hidden) {
    auto c = std::make_shared<ExerciseCatalog>();
    ExerciseDefinition themes =
        exercise("themes", "columns",
                 {zone_of("observations", "Observasjoner", "#FFE27A"), zone_of("themes", "Temaer", "#A7E3B5"),
                  zone_of("parking", "Parkert: løsninger", "#BFD7EA")});
    themes.anonymity = anonymity;
    c->add(themes);
    ExerciseDefinition fish =
        exercise("causes", "fishbone",
                 {zone_of("structural", "Strukturelt", "#F6B26B"), zone_of("relational", "Relasjonelt", "#9FC5E8"),
                  zone_of("cultural", "Kulturelt", "#B4A7D6"), zone_of("competence", "Kompetanse", "#A7E3B5"),
                  zone_of("resources", "Ressurser", "#FFE27A"), zone_of("context", "Barnets hverdag", "#EA9999")});
    fish.head = HeadSource{"themes", "statement"};
    fish.steps[0].chain = true;
    // A fishbone headed by a field of its own conclude step.
    ExerciseDefinition own_head = fish;
    own_head.id = "own_head";
    own_head.head = HeadSource{"", "problem"};
    own_head.steps[4].fields = {FieldDefinition{"problem", {"Problem", "Problem", "Problem"}, {}}};
    c->add(fish);
    c->add(own_head);
    c->add(exercise(
        "system", "rings",
        {zone_of("child", "Barnet", "#FFE27A"), zone_of("family", "Familien", "#F6B26B"),
         zone_of("daily", "Daglige tjenester", "#A7E3B5"), zone_of("specialist", "Spesialisttjenester", "#9FC5E8"),
         zone_of("leadership", "Ledelse og stat", "#B4A7D6")}));
    ExerciseDefinition grid =
        exercise("grid", "grid",
                 {zone_of("satisfy", "Hold fornøyd", "#F6B26B"), zone_of("manage", "Samarbeid tett", "#EA9999"),
                  zone_of("monitor", "Følg med", "#9FC5E8"), zone_of("inform", "Hold informert", "#A7E3B5")});
    grid.axes = Axes{{"Interesse", "Interesse", "Interest"}, {"Innflytelse", "Innverknad", "Influence"}};
    c->add(grid);
    return c;
}

struct World {
    Workshop w;
    Id group = 1;
    Id run = 0;
    Id next = 1000;
    Timestamp now = 1'700'000'000'000;

    explicit World(const std::string& exercise_id, int groups = 1, Anonymity anonymity = Anonymity::hidden)
        : w(catalog(anonymity)) {
        Room room;
        room.code = "K7M2QX";
        room.name = "Samling 2";
        w.apply(change::RoomOpened{room});
        for (Id g = 1; g <= groups; ++g) w.apply(change::GroupAdded{LeaderGroup{g, "Gruppe " + std::to_string(g)}});
        const char* names[] = {"Kari", "Ola", "", "Ingrid", "Per", "Aisha"};
        for (Id p = 1; p <= 6; ++p) w.apply(change::ParticipantJoined{Participant{p, 1, names[p - 1], "00", now}});
        run = start(exercise_id);
    }

    Id start(const std::string& exercise_id) {
        ExerciseRun r;
        r.id = next++;
        r.group = group;
        r.exercise = exercise_id;
        r.started_at = now;
        w.apply(change::ExerciseStarted{r});
        run = r.id;
        return r.id;
    }

    Id note(const std::string& text, const std::string& zone, bool revealed = true, Id parent = 0, double x = unplaced,
            double y = unplaced, Id author = 1) {
        Note n;
        n.id = next++;
        n.run = run;
        n.author = author;
        n.client_id = "c" + std::to_string(n.id);
        n.text = text;
        n.zone = zone;
        n.created_at = n.updated_at = now;
        n.revealed = revealed;
        n.parent = parent;
        n.x = x;
        n.y = y;
        w.apply(change::NoteAdded{n});
        return n.id;
    }

    Id cluster(const std::string& zone, const std::string& name, const std::vector<Id>& notes) {
        const Id id = next++;
        w.apply(change::ClusterMade{Cluster{id, run, zone, name}});
        for (Id n : notes) w.apply(change::NotePlaced{n, zone, unplaced, unplaced, id});
        return id;
    }

    void vote(Id note_id, int dots) {
        for (int i = 0; i < dots; ++i) w.apply(change::VoteCast{note_id, static_cast<Id>(1 + i % 6)});
    }

    void step(int s) { w.apply(change::StepChanged{run, s, Timer{}}); }
    void conclude(const std::string& field, const std::string& text) {
        w.apply(change::ConclusionSet{ConclusionField{run, field, text, now}});
    }
};

inline const char* const observations[] = {
    "Foreldre får ulike beskjeder fra skole og helsestasjon",
    "Ingen har oversikt over hele familien",
    "Vi oppdager utfordringene for sent",
    "Lærerne vet ikke hvem de skal ringe i barnevernet",
    "PPT har lang ventetid – opptil seks måneder",
    "Mange møter, lite handling",
    "Ulike journalsystemer som ikke snakker sammen",
    "Familien må fortelle historien sin på nytt til hver ny fagperson",
    "Barnehagen melder bekymring, men hører aldri noe tilbake",
    "Helsesykepleier er bare på skolen én dag i uka",
    "Ungdommene sier de ikke vet hvor de kan gå",
    "Tiltak avsluttes når barnet bytter skole",
    "Ledere møtes sjelden på tvers av tjenestene",
    "Samtykke stopper samarbeidet før det starter",
};

}  // namespace samling::board_test
