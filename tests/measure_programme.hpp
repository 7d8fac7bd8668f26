// A programme with measures for the core, export, recover and projector tests: three
// gatherings; at the first, "Oppvekst Nordvik" sets two measures in goals and measures, one with
// an indicator; a status round at the second reports the first under way with the indicator's
// figures (16 % at the start, 12 % now, 7 % the target) and leaves the second unreported; one at
// the third reports the first done (9 %) and the second stopped. Another group sets a measure of
// its own. Built through commands only: the core's (MeasureProgramme) or a hub's.
#pragma once

#include <string>
#include <vector>

#include "core_fixture.hpp"

namespace samling::testing {

struct MeasureIds {
    Id group = 0, other = 0, kari = 0, per = 0;
    std::vector<Id> gatherings, measures, rounds;
    Id other_measure = 0;
};

// `submit` decides and applies a command and returns its subject; `current_run` gives a group's
// current run's id.
template <typename Submit, typename CurrentRun>
MeasureIds play_measure_programme(Submit submit, CurrentRun current_run) {
    MeasureIds p;
    submit(cmd::OpenRoom{"HeLU", "ABC234", Language::nb});
    submit(cmd::NameProgramme{"HeLU 2026–2027"});
    p.group = submit(cmd::AddGroup{"Oppvekst Nordvik"});
    p.other = submit(cmd::AddGroup{"Helse Sør"});
    p.kari = submit(cmd::Join{"ABC234", p.group, "Kari", std::string(32, 'k')});
    p.per = submit(cmd::Join{"ABC234", p.other, "Per", std::string(32, 'p')});
    for (const char* title : {"Oppstart", "Underveis", "Avslutning"})
        p.gatherings.push_back(submit(cmd::SaveGathering{0, title, ""}));

    submit(cmd::OpenGathering{p.gatherings[0]});
    p.measures = plan_measures(submit, p.group, p.kari,
                               {{"Felles kartlegging av alle elever", "Kari", "Andel elever med vedtak"},
                                {"Ukentlig møte mellom skole og PPT", "Ola"}});
    p.other_measure = plan_measures(submit, p.other, p.per, {{"Felles rutine for overgang", "Per"}}).front();

    submit(cmd::OpenGathering{p.gatherings[1]});
    submit(cmd::StartExercise{p.group, "status_round"});
    p.rounds.push_back(current_run(p.group));
    submit(cmd::ReportMeasure{p.kari, p.measures[0], "started", std::string("Startet i to skoler")});
    submit(cmd::ReportIndicator{p.kari, p.measures[0], 12, std::string("%"), std::string("GSI, skoleåret 2025/26"),
                                16.0, 7.0});
    submit(cmd::ConcludeRun{p.group});

    submit(cmd::OpenGathering{p.gatherings[2]});
    submit(cmd::StartExercise{p.group, "status_round"});
    p.rounds.push_back(current_run(p.group));
    submit(cmd::ReportMeasure{p.kari, p.measures[0], "done", std::string("Alle skoler kartlagt")});
    submit(cmd::ReportMeasure{p.kari, p.measures[1], "stopped", {}});
    submit(cmd::ReportIndicator{p.kari, p.measures[0], 9, {}, {}, {}, {}});
    submit(cmd::ConcludeRun{p.group});
    return p;
}

// The programme in a workshop of its own, each command a minute after the one before. The
// catalog must hold goals and measures and the status round; it may hold more.
struct MeasureProgramme : MeasureIds {
    Workshop w;
    Timestamp now = 1'788'000'000'000;  // late August 2026

    explicit MeasureProgramme(std::shared_ptr<const ExerciseCatalog> catalog = measures_catalog())
        : w(std::move(catalog)) {
        static_cast<MeasureIds&>(*this) = play_measure_programme([&](const Command& c) { return step(c); },
                                                                 [&](Id g) { return w.current_run(g)->id; });
    }
    Id step(const Command& c) {
        now += 60'000;
        return run(w, c, now).subject;
    }
};

}  // namespace samling::testing
