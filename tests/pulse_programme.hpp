// A programme with pulses for the export and projector tests: three gatherings, one group of
// six phones asked "Trygghet i ledergruppen" at gathering 1 (five answer: shown) and gathering 3
// (four answer: "for få svar" at the room's threshold of 5), with answers that differ between
// the two. Built through the core's commands only.
#pragma once

#include <string>
#include <vector>

#include "core_fixture.hpp"

namespace samling::testing {

struct PulseProgramme {
    Workshop w{pulse_catalog()};
    Id group = 0;
    std::vector<Id> gatherings;
    std::vector<Id> phones;
    std::vector<std::string> tokens;

    // `answers[g]` is each answering phone's base value at the g-th pulse; phone i answers
    // statement k with clamp(base + (k % 3) - 1).
    PulseProgramme(std::vector<std::vector<int>> answers = {{3, 4, 4, 5, 2}, {5, 6, 6, 7}}) {
        run(w, cmd::OpenRoom{"HeLU", "ABC234", Language::nb});
        run(w, cmd::NameProgramme{"HeLU 2026–2027"});
        group = run(w, cmd::AddGroup{"Oppvekst Nordvik"}).subject;
        for (int i = 0; i < 6; ++i) {
            const std::string secret(32, static_cast<char>('a' + i));
            phones.push_back(run(w, cmd::Join{"ABC234", group, "", secret}).subject);
            tokens.push_back(std::to_string(phones.back()) + "." + secret);
        }
        for (const char* title : {"Oppstart", "Underveis", "Avslutning"})
            gatherings.push_back(run(w, cmd::SaveGathering{0, title, ""}).subject);
        const std::size_t asked_at[] = {0, 2};
        for (std::size_t g = 0; g < answers.size(); ++g) ask(gatherings[asked_at[g]], answers[g]);
    }

    void ask(Id gathering, const std::vector<int>& bases) {
        run(w, cmd::OpenGathering{gathering});
        run(w, cmd::StartExercise{group, "pulse_safety"});
        const Instrument& ins = *w.catalog().instrument("trygghet_ledergruppe");
        for (std::size_t i = 0; i < bases.size(); ++i)
            for (std::size_t k = 0; k < ins.statements.size(); ++k)
                run(w, cmd::AnswerPulse{phones[i], tokens[i], ins.statements[k].id,
                                        std::clamp(bases[i] + static_cast<int>(k % 3) - 1, 1, 7)});
        run(w, cmd::GoToStep{group, 1});
        run(w, cmd::ConcludeRun{group});
    }
};

}  // namespace samling::testing
