// Specification of a pulse step in the workshop: who may answer what, replacing an answer, and
// answers kept under respondent keys that name no participant.
#include <doctest/doctest.h>

#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::string token_of(Id participant, char c) {
    return std::to_string(participant) + "." + std::string(32, c);
}

struct PulseRoom {
    Workshop w{pulse_catalog()};
    Id group = 0;
    std::vector<Id> phones;

    PulseRoom() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        group = run(w, cmd::AddGroup{"Nord"}).subject;
        run(w, cmd::StartExercise{group, "pulse_safety"});
        for (char c = 'a'; c < 'a' + 6; ++c)
            phones.push_back(run(w, cmd::Join{"ABC234", group, "", std::string(32, c)}).subject);
    }
    std::string token(std::size_t i) const { return token_of(phones[i], static_cast<char>('a' + i)); }
    Id run_id() const { return w.current_run(group)->id; }
    cmd::AnswerPulse answer(std::size_t phone, const char* statement, int value) const {
        return cmd::AnswerPulse{phones[phone], token(phone), statement, value};
    }
};

}  // namespace

TEST_CASE("a pulse answer is kept under the phone's respondent key, and again replaces it") {
    PulseRoom r;
    const Decision first = run(r.w, r.answer(0, "be_om_hjelp", 6));
    CHECK(first.created);
    REQUIRE(first.changes.size() == 1);
    const auto& change = std::get<change::PulseAnswered>(first.changes[0]);
    CHECK(change.respondent == respondent_key(r.token(0), r.run_id()));
    CHECK(change.respondent.size() == 64);  // a SHA-256: the participant is not in it

    const Decision again = run(r.w, r.answer(0, "be_om_hjelp", 3));
    CHECK_FALSE(again.created);
    CHECK(again.changes.size() == 1);
    const Decision same = run(r.w, r.answer(0, "be_om_hjelp", 3));
    CHECK_FALSE(same.created);
    CHECK(same.changes.empty());  // nothing new to store

    const PulseSheet* mine = r.w.pulse_sheet(r.run_id(), respondent_key(r.token(0), r.run_id()));
    REQUIRE(mine);
    CHECK(*mine == PulseSheet{{"be_om_hjelp", 3}});
    CHECK_FALSE(r.w.pulse_sheet(r.run_id(), respondent_key(r.token(1), r.run_id())));
    CHECK(r.w.pulse_sheets(r.run_id()).size() == 1);
}

TEST_CASE("a pulse answer off the scale, to an unknown statement or outside the pulse is refused") {
    PulseRoom r;
    CHECK(refusal(r.w, r.answer(0, "be_om_hjelp", 0)) == Errc::value_out_of_range);
    CHECK(refusal(r.w, r.answer(0, "be_om_hjelp", 8)) == Errc::value_out_of_range);
    CHECK(refusal(r.w, r.answer(0, "finnes_ikke", 4)) == Errc::statement_unknown);
    CHECK(refusal(r.w, cmd::AnswerPulse{r.phones[0], "", "be_om_hjelp", 4}) == Errc::unauthorized);
    run(r.w, cmd::LockWriting{r.group, true});
    CHECK(refusal(r.w, r.answer(0, "be_om_hjelp", 4)) == Errc::step_closed);
    run(r.w, cmd::LockWriting{r.group, false});
    run(r.w, cmd::GoToStep{r.group, 1});
    CHECK(refusal(r.w, r.answer(0, "be_om_hjelp", 4)) == Errc::step_closed);
    CHECK(r.w.pulse_sheets(r.run_id()).empty());
}

TEST_CASE("the group's result: four phones suppressed, five shown, summed from sheets with no names") {
    PulseRoom r;
    const Instrument& instrument = *r.w.catalog().instrument("trygghet_ledergruppe");
    for (std::size_t i = 0; i < 4; ++i)
        for (const PulseStatement& s : instrument.statements) run(r.w, r.answer(i, s.id.c_str(), 5));
    CHECK(summarise_pulse(instrument, r.w.pulse_sheets(r.run_id()), default_pulse_threshold).suppressed);
    for (const PulseStatement& s : instrument.statements) run(r.w, r.answer(4, s.id.c_str(), 7));
    const PulseResult result = summarise_pulse(instrument, r.w.pulse_sheets(r.run_id()), default_pulse_threshold);
    CHECK_FALSE(result.suppressed);
    CHECK(result.respondents == 5);
    CHECK(result.statements[0].mean == doctest::Approx(5.4));
    CHECK(result.statements[0].distribution.at(7) == 1);
}

TEST_CASE("a group that answered a pulse holds work: it is archived, not deleted") {
    PulseRoom r;
    run(r.w, r.answer(0, "be_om_hjelp", 6));
    CHECK(r.w.group_has_content(r.group));
    CHECK(refusal(r.w, cmd::DeleteGroup{r.group}) == Errc::group_has_notes);
}
