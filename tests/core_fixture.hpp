// A small workshop for core tests: a room, two groups and an exercise with a write step on
// two zones and a vote step with two dots.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/instrument.hpp"
#include "core/workshop.hpp"

namespace samling::testing {

inline std::shared_ptr<const ExerciseCatalog> test_catalog() {
    auto catalog = std::make_shared<ExerciseCatalog>();
    auto def = parse_exercise(R"({
        "id": "ex", "title": {"nb": "Øvelse", "nn": "Øving", "en": "Exercise"},
        "purpose": {"nb": "p", "nn": "p", "en": "p"},
        "zones": [{"id": "obs", "label": {"nb": "Obs", "nn": "Obs", "en": "Obs"}},
                  {"id": "park", "label": {"nb": "Park", "nn": "Park", "en": "Park"}}],
        "steps": [
          {"kind": "write", "silent": true, "zones": ["obs"], "prompt": {"nb": "Skriv", "nn": "Skriv", "en": "Write"},
           "note_fields": [{"id": "owner", "label": {"nb": "Eier", "nn": "Eigar", "en": "Owner"}},
                           {"id": "start", "kind": "date", "label": {"nb": "Start", "nn": "Start", "en": "Start"}}]},
          {"kind": "vote", "votes": 2, "prompt": {"nb": "Stem", "nn": "Røyst", "en": "Vote"}},
          {"kind": "conclude", "proposals": true, "prompt": {"nb": "Slutt", "nn": "Slutt", "en": "End"},
           "fields": [{"id": "statement", "label": {"nb": "Utsagn", "nn": "Utsegn", "en": "Statement"}}]}
        ]})",
                              "test");
    REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().message));
    catalog->add(def.value());
    // A second exercise, for agendas of more than one item.
    auto second = parse_exercise(R"({
        "id": "ex2", "title": {"nb": "Øvelse 2", "nn": "Øving 2", "en": "Exercise 2"},
        "purpose": {"nb": "p", "nn": "p", "en": "p"},
        "zones": [{"id": "obs", "label": {"nb": "Obs", "nn": "Obs", "en": "Obs"}}],
        "steps": [{"kind": "write", "prompt": {"nb": "Skriv", "nn": "Skriv", "en": "Write"}}]})",
                                 "test2");
    REQUIRE_MESSAGE(second.ok(), (second.ok() ? "" : second.error().message));
    catalog->add(second.value());
    return catalog;
}

// Every exercise file shipped in exercises/, parsed by the core.
inline std::shared_ptr<const ExerciseCatalog> shipped_catalog() {
    auto catalog = std::make_shared<ExerciseCatalog>();
    for (const auto& e : std::filesystem::directory_iterator(std::string(SAMLING_SOURCE_DIR) + "/exercises")) {
        if (e.path().extension() != ".json") continue;
        std::ifstream in(e.path());
        std::stringstream text;
        text << in.rdbuf();
        auto def = parse_exercise(text.str(), e.path().string());
        REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().message));
        catalog->add(def.value());
    }
    return catalog;
}

// Shipped exercise files (exercises/NAME) and instrument files (exercises/instruments/NAME),
// parsed by the core, as one catalog.
inline std::string shipped_file(const std::string& path) {
    std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/exercises/" + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
inline std::shared_ptr<const ExerciseCatalog> catalog_of(const std::vector<std::string>& exercises,
                                                         const std::vector<std::string>& instruments = {}) {
    auto catalog = std::make_shared<ExerciseCatalog>();
    if (!instruments.empty()) {
        auto shelf = std::make_shared<InstrumentCatalog>();
        for (const std::string& file : instruments) {
            auto instrument = parse_instrument(shipped_file("instruments/" + file), file);
            REQUIRE_MESSAGE(instrument.ok(), (instrument.ok() ? "" : instrument.error().message));
            shelf->add(instrument.value());
        }
        catalog->set_instruments(shelf);
    }
    for (const std::string& file : exercises) {
        auto def = parse_exercise(shipped_file(file), file);
        REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().message));
        catalog->add(def.value());
    }
    return catalog;
}

// The shipped pulse on safety in the leader group, with its instrument.
inline std::shared_ptr<const ExerciseCatalog> pulse_catalog() {
    return catalog_of({"pulse_safety.json"}, {"trygghet_ledergruppe.json"});
}

// The shipped goals and measures and the status round that brings its measures back.
inline std::shared_ptr<const ExerciseCatalog> measures_catalog() {
    return catalog_of({"goals_measures.json", "status_round.json"});
}

// A group's goals and measures, concluded: `writer` writes one measure note per {text, owner}
// in the measures step (with a start date and, when given, an indicator). Returns the notes'
// ids. `submit` decides and applies a command and returns its subject (core or hub).
struct PlannedMeasure {
    std::string text, owner, indicator{};
};
template <typename Submit>
std::vector<Id> plan_measures(Submit submit, Id group, Id writer, const std::vector<PlannedMeasure>& measures) {
    submit(cmd::StartExercise{group, "goals_measures"});
    submit(cmd::GoToStep{group, 2});
    std::vector<Id> ids;
    for (const PlannedMeasure& m : measures) {
        NoteFields fields{{"owner", m.owner}, {"start", "2026-09-01"}};
        if (!m.indicator.empty()) fields["indicator"] = m.indicator;
        ids.push_back(
            submit(cmd::AddNote{writer, "m" + std::to_string(ids.size()) + m.text, m.text, "measures", 0, fields}));
    }
    submit(cmd::ConcludeRun{group});
    return ids;
}

// Decides and applies one command, as the hub would; fails the test if it is refused.
inline Decision run(Workshop& w, const Command& c, Timestamp now = 1000) {
    auto d = w.decide(c, now);
    REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message));
    for (const Change& ch : d->changes) w.apply(ch);
    return d.value();
}

inline Errc refusal(const Workshop& w, const Command& c) {
    auto d = w.decide(c, 1000);
    REQUIRE_FALSE(d.ok());
    return d.error().code;
}

struct RoomFixture {
    Workshop w{test_catalog()};
    Id nord = 0, sor = 0, anna = 0, bo = 0, cato = 0;  // cato is in the other group

    RoomFixture() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        nord = run(w, cmd::AddGroup{"Nord"}).subject;
        sor = run(w, cmd::AddGroup{"Sør"}).subject;
        run(w, cmd::StartExercise{nord, "ex"});
        run(w, cmd::StartExercise{sor, "ex"});
        anna = run(w, cmd::Join{"abc234", nord, "Anna", std::string(32, 'a')}).subject;
        bo = run(w, cmd::Join{"ABC234", nord, "", std::string(32, 'b')}).subject;
        cato = run(w, cmd::Join{"ABC234", sor, "", std::string(32, 'c')}).subject;
    }

    Id note(Id who, const std::string& client_id, const std::string& text = "En observasjon") {
        return run(w, cmd::AddNote{who, client_id, text, std::nullopt}).subject;
    }
};

}  // namespace samling::testing
