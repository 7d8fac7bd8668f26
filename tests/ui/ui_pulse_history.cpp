// "Since last time" and the project log's "Endring" read a group's pulses across gatherings:
// the index at each gathering with n, and "for få svar" where the threshold held it back.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "../pulse_programme.hpp"
#include "ui/programme/log_model.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("since last time has one line per instrument: its index at each gathering, n beside it") {
    PulseProgramme p;
    const std::vector<SinceGroup> groups = since_last_time(p.w, Language::nb);
    REQUIRE(groups.size() == 1);
    REQUIRE(groups[0].pulses.size() == 1);
    const auto history = pulse_history(p.w, p.group);
    REQUIRE(history[0].points[0].result.index);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", *history[0].points[0].result.index);
    std::string index = buf;
    std::replace(index.begin(), index.end(), '.', ',');
    CHECK(groups[0].pulses[0] ==
          "Trygghet i ledergruppen: Samling 1 " + index + " (n = 5) → Samling 3 for få svar (n = 4)");
    // Raised past five, the first gathering's figures go too.
    run(p.w, cmd::SetPulseThreshold{6});
    CHECK(since_last_time(p.w, Language::nb)[0].pulses[0] ==
          "Trygghet i ledergruppen: Samling 1 for få svar (n = 5) → Samling 3 for få svar (n = 4)");
}
