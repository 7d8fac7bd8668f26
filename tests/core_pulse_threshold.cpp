// Specification of the room's pulse threshold: the setting and its floor, and that every place a
// result is read from — the run's result, the phones' view, the group's history — obeys it.
#include <doctest/doctest.h>

#include "core/participant_view.hpp"
#include "core/pulse_history.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// One group of `members` phones in a pulse_safety run.
struct PulseGroup {
    Workshop w{pulse_catalog()};
    Id group = 0;
    std::vector<Id> phones;
    std::vector<std::string> tokens;

    explicit PulseGroup(int members) {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        group = run(w, cmd::AddGroup{"Nord"}).subject;
        run(w, cmd::StartExercise{group, "pulse_safety"});
        for (int i = 0; i < members; ++i) {
            const std::string secret(32, static_cast<char>('a' + i));
            phones.push_back(run(w, cmd::Join{"ABC234", group, "", secret}).subject);
            tokens.push_back(std::to_string(phones.back()) + "." + secret);
        }
    }
    const Instrument& instrument() const { return *w.catalog().instrument("trygghet_ledergruppe"); }
    const ExerciseRun& current() const { return *w.current_run(group); }
    // Phones 0 … n-1 answer every statement; phone i gives the value `first + i` (capped at 7).
    void answer(int n, int first = 1) {
        for (int i = 0; i < n; ++i)
            for (const PulseStatement& s : instrument().statements)
                run(w, cmd::AnswerPulse{phones[static_cast<std::size_t>(i)], tokens[static_cast<std::size_t>(i)], s.id,
                                        std::min(7, first + i)});
    }
    void to_result_step() { run(w, cmd::GoToStep{group, 1}); }
    std::optional<ParticipantView::PulseResultView> phone_result(std::size_t phone) const {
        const ParticipantView v = view_for(w, phones[phone], 2000, nullptr, tokens[phone]);
        REQUIRE(v.activity);
        return v.activity->pulse_result;
    }
};

// Every output of the core at once: the run's result, a phone's view, the group's history.
void check_suppressed_everywhere(const PulseGroup& r, int answered) {
    const auto result = pulse_result_of(r.w, r.current());
    REQUIRE(result);
    CHECK(result->suppressed);
    CHECK(result->respondents == answered);
    CHECK_FALSE(result->index);
    for (const StatementResult& s : result->statements) {
        CHECK(s.suppressed);
        CHECK(s.distribution.empty());
        CHECK(s.mean == 0);
    }
    const auto phone = r.phone_result(0);
    REQUIRE(phone);
    CHECK(phone->suppressed);
    CHECK(phone->respondents == answered);
    CHECK(phone->statements.empty());
    const auto history = pulse_history(r.w, r.group);
    REQUIRE(history.size() == 1);
    REQUIRE(history[0].points.size() == 1);
    CHECK(history[0].points[0].result.suppressed);
    for (const StatementResult& s : history[0].points[0].result.statements) CHECK(s.distribution.empty());
}

void check_shown_everywhere(const PulseGroup& r, int answered) {
    const auto result = pulse_result_of(r.w, r.current());
    REQUIRE(result);
    CHECK_FALSE(result->suppressed);
    CHECK(result->respondents == answered);
    int total = 0;
    for (const auto& [point, k] : result->statements[0].distribution) total += k;
    CHECK(total == answered);
    const auto phone = r.phone_result(0);
    REQUIRE(phone);
    CHECK_FALSE(phone->suppressed);
    REQUIRE(phone->statements.size() == r.instrument().statements.size());
    CHECK(phone->statements[0].n == answered);
    CHECK(phone->statements[0].mean == doctest::Approx(result->statements[0].mean));
    CHECK(phone->statements[0].distribution == result->statements[0].distribution);
    const auto history = pulse_history(r.w, r.group);
    REQUIRE(history.size() == 1);
    CHECK_FALSE(history[0].points.at(0).result.suppressed);
}

}  // namespace

TEST_CASE("the pulse threshold is the room's setting: 5 unless set, 3 at the least, 2 refused") {
    PulseGroup r(1);
    CHECK(r.w.pulse_threshold() == default_pulse_threshold);
    CHECK(refusal(r.w, cmd::SetPulseThreshold{2}) == Errc::invalid_request);
    CHECK(refusal(r.w, cmd::SetPulseThreshold{0}) == Errc::invalid_request);
    CHECK(refusal(r.w, cmd::SetPulseThreshold{-5}) == Errc::invalid_request);
    CHECK(refusal(r.w, cmd::SetPulseThreshold{max_pulse_threshold + 1}) == Errc::invalid_request);
    CHECK(r.w.pulse_threshold() == default_pulse_threshold);
    run(r.w, cmd::SetPulseThreshold{3});
    CHECK(r.w.pulse_threshold() == 3);
    run(r.w, cmd::SetPulseThreshold{max_pulse_threshold});
    CHECK(r.w.pulse_threshold() == max_pulse_threshold);
}

TEST_CASE("four answers are suppressed in every output of the core; five are shown") {
    PulseGroup r(6);
    r.answer(4);
    r.to_result_step();
    check_suppressed_everywhere(r, 4);
    run(r.w, cmd::GoToStep{r.group, 0});  // back to the pulse: one more answers
    r.answer(5);
    r.to_result_step();
    check_shown_everywhere(r, 5);
}

TEST_CASE("with the threshold at 3, three answers are shown; raised to 6, five are suppressed again") {
    PulseGroup r(6);
    run(r.w, cmd::SetPulseThreshold{3});
    r.answer(3);
    r.to_result_step();
    check_shown_everywhere(r, 3);
    run(r.w, cmd::GoToStep{r.group, 0});
    r.answer(5);
    r.to_result_step();
    run(r.w, cmd::SetPulseThreshold{6});
    check_suppressed_everywhere(r, 5);
}

TEST_CASE("a group of twelve where four answered is suppressed in every output") {
    PulseGroup r(12);
    r.answer(4);
    r.to_result_step();
    check_suppressed_everywhere(r, 4);
}

TEST_CASE("no output holds a result while the pulse still takes answers, nor a single answer after it") {
    PulseGroup r(6);
    r.answer(5);
    // During the pulse: a result that moves as people answer tells who answered what.
    CHECK_FALSE(pulse_result_of(r.w, r.current()));
    CHECK_FALSE(r.phone_result(0));
    CHECK(pulse_history(r.w, r.group).empty());
    r.to_result_step();
    // One phone's answer for one statement alone is never shown: a statement fewer answered
    // than the threshold is suppressed by itself even when the whole pulse is shown.
    const std::string lone = r.instrument().statements[1].id;
    PulseGroup one(6);
    for (int i = 0; i < 5; ++i)
        run(one.w, cmd::AnswerPulse{one.phones[static_cast<std::size_t>(i)], one.tokens[static_cast<std::size_t>(i)],
                                    r.instrument().statements[0].id, 4});
    run(one.w, cmd::AnswerPulse{one.phones[5], one.tokens[5], lone, 7});
    one.to_result_step();
    const auto phone = one.phone_result(5);
    REQUIRE(phone);
    CHECK_FALSE(phone->suppressed);
    CHECK(phone->statements[1].n == 1);
    CHECK(phone->statements[1].suppressed);
    CHECK(phone->statements[1].distribution.empty());
    CHECK(phone->statements[1].mean == 0);
}

TEST_CASE("the history holds each instrument across gatherings in the gatherings' order, n beside each") {
    PulseGroup r(6);
    std::vector<Id> gatherings;
    for (const char* title : {"Oppstart", "Samling 2", "Samling 3"})
        gatherings.push_back(run(r.w, cmd::SaveGathering{0, title, ""}).subject);
    // Asked at gathering 3 first in the store's order of runs, then at gathering 1: the
    // history is in the gatherings' order all the same.
    for (const std::size_t g : {std::size_t(2), std::size_t(0)}) {
        run(r.w, cmd::OpenGathering{gatherings[g]});
        run(r.w, cmd::StartExercise{r.group, "pulse_safety"});
        r.answer(g == 0 ? 5 : 6, g == 0 ? 1 : 2);
        r.to_result_step();
        run(r.w, cmd::ConcludeRun{r.group});
    }
    const auto history = pulse_history(r.w, r.group);
    REQUIRE(history.size() == 1);
    CHECK(history[0].instrument.id == "trygghet_ledergruppe");
    REQUIRE(history[0].points.size() == 2);
    CHECK(history[0].points[0].gathering_number == 1);
    CHECK(history[0].points[0].result.respondents == 5);
    CHECK(history[0].points[0].result.statements[0].mean == doctest::Approx(3.0));  // 1..5
    CHECK(history[0].points[1].gathering_number == 3);
    CHECK(history[0].points[1].result.respondents == 6);
    CHECK(history[0].points[1].result.statements[0].mean == doctest::Approx(4.5));  // 2..7
}
