// Specification of a programme across gatherings: gatherings and agendas, group details,
// concluding runs into the project log, structured note fields.
#include "core_fixture.hpp"

#include "core/participant_view.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("gatherings are numbered in order, dated YYYY-MM-DD, and runs belong to the open one") {
    RoomFixture f;
    run(f.w, cmd::NameProgramme{"HeLU Austrheim 2026–27"});
    const Id first = run(f.w, cmd::SaveGathering{0, "Samling 1: Behov for endring", "2026-09-14"}).subject;
    const Id second = run(f.w, cmd::SaveGathering{0, "Samling 2", ""}).subject;
    CHECK(f.w.gathering(first)->number == 1);
    CHECK(f.w.gathering(second)->number == 2);
    CHECK(refusal(f.w, cmd::SaveGathering{0, "Feil dato", "14.09.2026"}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::SaveGathering{0, "Feil måned", "2026-13-01"}) == Errc::invalid_request);
    run(f.w, cmd::SaveGathering{second, "Samling 2: Mål og tiltak", "2027-01-20"});
    CHECK(f.w.gathering(second)->number == 2);
    CHECK(f.w.gathering(second)->date == "2027-01-20");

    run(f.w, cmd::OpenGathering{second});
    run(f.w, cmd::StartExercise{f.nord, "ex"});
    CHECK(f.w.current_run(f.nord)->gathering == second);
    CHECK(f.w.programme() == "HeLU Austrheim 2026–27");
}

TEST_CASE("starting the next exercise on the agenda is one command per group") {
    RoomFixture f;
    const Id g1 = run(f.w, cmd::SaveGathering{0, "Samling 1", "2026-09-14"}).subject;
    CHECK(refusal(f.w, cmd::StartNext{f.nord}) == Errc::invalid_request);  // no gathering open
    run(f.w, cmd::OpenGathering{g1});
    CHECK(refusal(f.w, cmd::SetAgenda{g1, {"ex", "missing"}}) == Errc::invalid_request);
    run(f.w, cmd::SetAgenda{g1, {"ex"}});
    const Id started = run(f.w, cmd::StartNext{f.nord}).subject;
    CHECK(f.w.current_run(f.nord)->id == started);
    CHECK(f.w.current_run(f.nord)->exercise == "ex");
    CHECK(refusal(f.w, cmd::StartNext{f.nord}) == Errc::invalid_request);  // the agenda is done
    CHECK(f.w.agenda(g1) == std::vector<std::string>{"ex"});
}

TEST_CASE("a leader group's services and project are edited; names stay unique") {
    RoomFixture f;
    run(f.w, cmd::EditGroup{f.nord, "Oppvekst Nord", "skole, barnehage, helsestasjon", "Tidlig inn i familiene"});
    CHECK(f.w.group(f.nord)->services == "skole, barnehage, helsestasjon");
    CHECK(f.w.group(f.nord)->project == "Tidlig inn i familiene");
    CHECK(refusal(f.w, cmd::EditGroup{f.nord, "sør", "", ""}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::EditGroup{999, "x", "", ""}) == Errc::group_not_found);
}

TEST_CASE("concluding a run writes it into the group's project log once") {
    RoomFixture f;
    CHECK(f.w.project_log(f.nord).empty());
    run(f.w, cmd::SetConclusion{f.nord, "statement", "Barn faller mellom tjenestene"});
    const Id concluded = run(f.w, cmd::ConcludeRun{f.nord}, 5000).subject;
    const Decision again = run(f.w, cmd::ConcludeRun{f.nord}, 6000);
    CHECK_FALSE(again.created);
    CHECK(again.changes.empty());
    run(f.w, cmd::StartExercise{f.nord, "ex"});
    run(f.w, cmd::ConcludeRun{f.nord}, 7000);
    const auto log = f.w.project_log(f.nord);
    REQUIRE(log.size() == 2);
    CHECK(log[0]->id == concluded);
    CHECK(log[0]->concluded_at == 5000);
    CHECK(f.w.project_log(f.sor).empty());
}

TEST_CASE("note fields: only the step's own, dates as YYYY-MM-DD, trimmed and kept with the note") {
    RoomFixture f;
    const Id n =
        run(f.w,
            cmd::AddNote{
                f.anna, "m1", "Felles oppstartsmøte", std::nullopt, 0, {{"owner", " Kari "}, {"start", "2027-02-01"}}})
            .subject;
    CHECK(f.w.note(n)->fields.at("owner") == "Kari");
    CHECK(f.w.note(n)->fields.at("start") == "2027-02-01");
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "m2", "x", std::nullopt, 0, {{"budget", "1000"}}}) ==
          Errc::invalid_request);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "m3", "x", std::nullopt, 0, {{"start", "neste uke"}}}) ==
          Errc::invalid_request);
    run(f.w, cmd::EditNote{f.anna, n, std::nullopt, std::nullopt, NoteFields{{"owner", "Ola"}}});
    CHECK(f.w.note(n)->fields.at("owner") == "Ola");
    CHECK(f.w.note(n)->fields.count("start") == 0);  // an edit sends the fields it keeps
    CHECK(view_for(f.w, f.anna, 0).notes[0].fields.at("owner") == "Ola");
}
