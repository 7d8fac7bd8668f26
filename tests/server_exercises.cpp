// The shipped exercises run end to end over HTTP: several phones write, the facilitator
// steps, reveals, organises and concludes (through the hub, as the projector does), and
// nothing hidden ever reaches a phone before it should.
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

httplib::Result post_json(TestServer& s, const std::string& token, const std::string& path, const json& body) {
    return s.client().Post(path, TestServer::bearer(token), body.dump(), "application/json");
}

// Everything a phone can ask for, concatenated: a hidden text must be in none of it.
std::string everything_a_phone_sees(TestServer& s, const std::string& token, Id probe_note) {
    std::string all = s.client().Get("/api/state", TestServer::bearer(token))->body;
    all += s.client().Get("/api/room?code=" + s.code)->body;
    all += s.client()
               .Patch("/api/notes/" + std::to_string(probe_note), TestServer::bearer(token), json{{"text", "x"}}.dump(),
                      "application/json")
               ->body;
    all += s.client().Delete("/api/notes/" + std::to_string(probe_note), TestServer::bearer(token))->body;
    all += post_json(s, token, "/api/votes", {{"note", probe_note}})->body;
    all += s.client().Delete("/api/votes/" + std::to_string(probe_note), TestServer::bearer(token))->body;
    return all;
}

}  // namespace

TEST_CASE("before reveal no route gives a phone another participant's note; names and totals never") {
    TestServer s(shipped_catalog(), "problem_definition");
    const std::string kari = s.join(s.nord, "Kari Nordmann"), ola = s.join(s.nord, "Ola Hansen");
    const Id secret = note_id(s.post_note(kari, "k1", "Hemmelig observasjon fra Kari"));
    note_id(s.post_note(ola, "o1", "Olas egen observasjon"));

    const std::string seen = everything_a_phone_sees(s, ola, secret);
    CHECK(seen.find("Hemmelig observasjon") == std::string::npos);
    CHECK(seen.find("Kari") == std::string::npos);

    s.go_to_step(s.nord, 1);  // reveal
    std::string revealed = s.client().Get("/api/state", TestServer::bearer(ola))->body;
    CHECK(revealed.find("Hemmelig observasjon fra Kari") != std::string::npos);
    CHECK(revealed.find("Kari Nordmann") == std::string::npos);  // authors never reach phones

    s.go_to_step(s.nord, 3);  // vote, with totals hidden
    REQUIRE(post_json(s, kari, "/api/votes", {{"note", secret}})->status == 201);
    REQUIRE(post_json(s, kari, "/api/votes", {{"note", secret}})->status == 201);
    auto state = s.state_of(ola);
    for (const auto& n : state["notes"]) {
        CHECK(n["my_votes"] == 0);  // Kari's two dots are not Ola's to see
        CHECK_FALSE(n.contains("dots"));
    }
    CHECK(s.hub->snapshot()->dots_on(secret) == 2);
}

TEST_CASE("problem definition from observations to a stored problem statement, with three phones") {
    TestServer s(shipped_catalog(), "problem_definition");
    const std::string a = s.join(s.nord), b = s.join(s.nord), c = s.join(s.nord);
    const Id n1 = note_id(s.post_note(a, "a1", "Foreldre får ulike beskjeder fra skole og helsestasjon"));
    const Id n2 = note_id(s.post_note(b, "b1", "Beskjeder mellom tjenestene blir borte"));
    const Id n3 = note_id(s.post_note(c, "c1", "Vi bør lage en felles app"));  // a premature solution
    CHECK(s.state_of(a)["notes"].size() == 1);

    s.go_to_step(s.nord, 1);
    CHECK(s.state_of(a)["notes"].size() == 3);
    s.go_to_step(s.nord, 2);  // organise: a theme and the parking lot
    const Id theme = s.facilitate(cmd::MakeCluster{s.nord, "observations", "Informasjonsflyt", {n1, n2}});
    s.facilitate(cmd::PlaceNote{n3, "parking", unplaced, unplaced});
    auto board = s.state_of(b);
    CHECK(board["activity"]["accepts_notes"] == false);
    REQUIRE(board["activity"]["clusters"].size() == 1);
    CHECK(board["activity"]["clusters"][0]["name"] == "Informasjonsflyt");
    CHECK(s.post_note(b, "b2", "for sent")->status == 409);

    s.go_to_step(s.nord, 3);
    for (const auto& token : {a, b, c}) CHECK(post_json(s, token, "/api/votes", {{"note", n2}})->status == 201);
    CHECK(post_json(s, a, "/api/votes", {{"note", n1}})->status == 201);
    CHECK(s.hub->snapshot()->dots_on(n2) == 3);
    CHECK(s.hub->snapshot()->note(n1)->cluster == theme);

    s.go_to_step(s.nord, 4);  // conclude: a phone proposes, the facilitator picks
    auto conclude = s.state_of(a);
    CHECK(conclude["activity"]["step"]["kind"] == "conclude");
    CHECK(conclude["activity"]["accepts_notes"] == true);
    CHECK(conclude["activity"]["fields"].size() == 6);
    const Id proposal = note_id(s.post_note(a, "a-forslag", "For familier med sammensatte behov blir beskjeder borte"));
    CHECK(s.hub->snapshot()->note(proposal)->step == 4);
    s.facilitate(cmd::SetConclusion{s.nord, "statement", s.hub->snapshot()->note(proposal)->text});
    CHECK(s.state_of(c)["activity"]["fields"][5]["text"] == "For familier med sammensatte behov blir beskjeder borte");

    s.restart();
    const auto run = s.hub->snapshot()->current_run(s.nord);
    CHECK(s.hub->snapshot()->conclusion(run->id, "statement") ==
          "For familier med sammensatte behov blir beskjeder borte");
    CHECK(s.hub->snapshot()->note(n1)->cluster == theme);
}

TEST_CASE("root cause: the head comes from the problem statement, causes go on bones, 5 whys chain") {
    TestServer s(shipped_catalog(), "problem_definition");
    s.facilitate(cmd::SetConclusion{s.nord, "statement", "Barn faller mellom tjenestene"});
    s.facilitate(cmd::StartExercise{s.nord, "root_cause"});
    CHECK(s.hub->snapshot()->latest_conclusion(s.nord, "problem_definition", "statement") ==
          "Barn faller mellom tjenestene");

    const std::string a = s.join(s.nord), b = s.join(s.nord);
    const auto cause = [&](const std::string& token, const std::string& id, const std::string& text,
                           const std::string& bone) {
        return note_id(post_json(s, token, "/api/notes", {{"client_id", id}, {"text", text}, {"zone", bone}}));
    };
    const Id c1 = cause(a, "a1", "Ingen eier helheten", "structural");
    const Id c2 = cause(b, "b1", "Vi kjenner ikke hverandres tjenester", "relational");
    const Id dup = cause(b, "b2", "Ingen har ansvar for helheten", "structural");
    CHECK(post_json(s, a, "/api/notes", {{"client_id", "a9"}, {"text", "x"}, {"zone", "nope"}})->status == 422);
    CHECK(s.hub->snapshot()->note(c2)->zone == "relational");

    s.go_to_step(s.nord, 2);
    s.facilitate(cmd::MergeNotes{c1, dup});
    s.go_to_step(s.nord, 3);
    CHECK(post_json(s, a, "/api/votes", {{"note", c1}})->status == 201);
    CHECK(post_json(s, b, "/api/votes", {{"note", c1}})->status == 201);
    CHECK(post_json(s, b, "/api/votes", {{"note", dup}})->status == 404);  // merged away

    s.go_to_step(s.nord, 4);  // 5 whys
    auto state = s.state_of(a);
    CHECK(state["activity"]["step"]["chain"] == true);
    const Id why1 = note_id(post_json(
        s, a, "/api/notes", {{"client_id", "w1"}, {"text", "Fordi ansvar er delt på sektorer"}, {"parent", c1}}));
    const Id why2 = note_id(post_json(
        s, b, "/api/notes", {{"client_id", "w2"}, {"text", "Fordi budsjettene følger sektorene"}, {"parent", why1}}));
    const auto snap = s.hub->snapshot();
    CHECK(snap->note(why1)->parent == c1);
    CHECK(snap->note(why2)->parent == why1);
    CHECK(snap->note(why2)->zone == "structural");  // a why stays on its cause's bone
    CHECK(post_json(s, a, "/api/notes", {{"client_id", "w3"}, {"text", "x"}, {"parent", 999999}})->status == 404);

    s.go_to_step(s.nord, 5);
    s.facilitate(cmd::SetConclusion{s.nord, "root_causes", "Budsjettene følger sektorene (struktur)"});
    CHECK(s.hub->snapshot()->conclusion(snap->current_run(s.nord)->id, "root_causes") ==
          "Budsjettene følger sektorene (struktur)");
}

TEST_CASE("stakeholder mapping: rings by zone, a grid with continuous positions, involvement concluded") {
    TestServer s(shipped_catalog(), "stakeholder_system");
    const std::string a = s.join(s.nord), b = s.join(s.nord);
    const Id ring =
        note_id(post_json(s, a, "/api/notes", {{"client_id", "r1"}, {"text", "Helsesykepleier"}, {"zone", "daily"}}));
    CHECK(s.hub->snapshot()->note(ring)->zone == "daily");
    CHECK(s.state_of(a)["activity"]["layout"] == "rings");

    s.facilitate(cmd::StartExercise{s.nord, "stakeholder_grid"});
    const Id rektor = note_id(s.post_note(a, "g1", "Rektor"));
    const Id sjef = note_id(s.post_note(b, "g2", "Kommunalsjef oppvekst"));
    s.go_to_step(s.nord, 1);
    s.facilitate(cmd::PlaceNote{rektor, "manage_closely", 0.8, 0.75});
    s.facilitate(cmd::PlaceNote{sjef, "keep_satisfied", 0.2, 0.9});
    const auto snap = s.hub->snapshot();
    CHECK(snap->note(rektor)->x == doctest::Approx(0.8));
    CHECK(snap->note(sjef)->zone == "keep_satisfied");
    CHECK(s.hub->submit(cmd::PlaceNote{rektor, "manage_closely", 1.2, 0.5}).error().code == Errc::invalid_request);

    s.go_to_step(s.nord, 2);
    CHECK(post_json(s, a, "/api/votes", {{"note", rektor}})->status == 201);
    s.go_to_step(s.nord, 3);
    const Id proposal = note_id(s.post_note(b, "p1", "Rektor – Kari – fast punkt på ledermøtet"));
    s.facilitate(cmd::SetConclusion{s.nord, "involvement", s.hub->snapshot()->note(proposal)->text});
    CHECK(s.state_of(a)["activity"]["fields"][0]["text"] == "Rektor – Kari – fast punkt på ledermøtet");
}

TEST_CASE("POST /api/done counts who is done in the current step") {
    TestServer s;
    const std::string a = s.join(s.nord), b = s.join(s.nord);
    auto res = post_json(s, a, "/api/done", {{"done", true}});
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["done"] == json{{"me", true}, {"count", 1}, {"total", 2}});
    CHECK(s.state_of(b)["activity"]["done"]["count"] == 1);
    CHECK(post_json(s, a, "/api/done", {{"done", "ja"}})->status == 400);
    CHECK(json::parse(post_json(s, a, "/api/done", {{"done", false}})->body)["done"]["count"] == 0);
}

TEST_CASE("a phone follows the step: the write form closes and a late note gets 409 step_closed") {
    TestServer s;
    const std::string a = s.join(s.nord);
    CHECK(s.state_of(a)["activity"]["accepts_notes"] == true);
    s.facilitate(cmd::LockWriting{s.nord, true});
    auto state = s.state_of(a);
    CHECK(state["activity"]["accepts_notes"] == false);
    CHECK(state["activity"]["writing_locked"] == true);
    auto res = s.post_note(a, "late", "for sent");
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");
}

TEST_CASE("goals and measures: a measure carries its owner, start date and indicator from phone to store") {
    TestServer s(shipped_catalog(), "goals_measures");
    const std::string a = s.join(s.nord);
    s.go_to_step(s.nord, 2);
    auto state = s.state_of(a);
    const auto& fields = state["activity"]["step"]["note_fields"];
    REQUIRE(fields.size() == 3);
    CHECK(fields[0] == json{{"id", "owner"}, {"label", "Eier"}, {"kind", "text"}});
    CHECK(fields[1]["kind"] == "date");
    const json measure = {
        {"client_id", "m1"},
        {"text", "Felles oppstartsmøte for nye familier"},
        {"fields", {{"owner", "Kari"}, {"start", "2027-02-01"}, {"indicator", "Færre bekymringsmeldinger"}}}};
    auto res = s.client().Post("/api/notes", TestServer::bearer(a), measure.dump(), "application/json");
    REQUIRE(res->status == 201);
    const auto note = json::parse(res->body)["note"];
    CHECK(note["fields"]["owner"] == "Kari");
    CHECK(note["step"] == 2);
    json bad = measure;
    bad["client_id"] = "m2";
    bad["fields"]["start"] = "1. februar";
    CHECK(s.client().Post("/api/notes", TestServer::bearer(a), bad.dump(), "application/json")->status == 400);
    bad["fields"] = {{"budget", "1000"}};
    CHECK(s.client().Post("/api/notes", TestServer::bearer(a), bad.dump(), "application/json")->status == 400);
    bad["fields"] = {{"owner", 7}};
    CHECK(s.client().Post("/api/notes", TestServer::bearer(a), bad.dump(), "application/json")->status == 400);
    s.go_to_step(s.nord, 3);  // the board after writing still knows what "owner" is called
    CHECK(s.state_of(a)["activity"]["note_field_labels"]["owner"] == "Eier");
    s.restart();
    const Note* stored = s.hub->snapshot()->note(note["id"].get<Id>());
    REQUIRE(stored);
    CHECK(stored->fields.at("indicator") == "Færre bekymringsmeldinger");
}

TEST_CASE("evaluation: a phone's state lists the measures planned earlier, with owners and dates, after a restart") {
    TestServer s(shipped_catalog(), "goals_measures");
    const std::string a = s.join(s.nord);
    s.go_to_step(s.nord, 2);
    const json measure = {{"client_id", "m1"},
                          {"text", "Felles oppstartsmøte for nye familier"},
                          {"fields", {{"owner", "Kari"}, {"start", "2027-02-01"}}}};
    REQUIRE(s.client().Post("/api/notes", TestServer::bearer(a), measure.dump(), "application/json")->status == 201);
    s.facilitate(cmd::SetConclusion{s.nord, "experiment", "Oppstartsmøte i to barnehager"});
    s.facilitate(cmd::ConcludeRun{s.nord});
    s.facilitate(cmd::StartExercise{s.nord, "evaluation"});
    s.restart();

    const json context = s.state_of(a)["activity"]["context"];
    REQUIRE(context.size() == 2);
    CHECK(context[0]["label"] == "Tiltakene vi planla");
    CHECK(context[0]["text"] == "");
    REQUIRE(context[0]["notes"].size() == 1);
    CHECK(context[0]["notes"][0]["text"] == "Felles oppstartsmøte for nye familier");
    CHECK(context[0]["notes"][0]["fields"] ==
          json::array({{{"label", "Eier"}, {"value", "Kari"}, {"kind", "text"}},
                       {{"label", "Startdato"}, {"value", "2027-02-01"}, {"kind", "date"}}}));
    CHECK(context[1] == json{{"label", "Dette skulle vi prøve"},
                             {"text", "Oppstartsmøte i to barnehager"},
                             {"notes", json::array()}});
    // The other group planned nothing: its phones are told so by an empty list, not by absence.
    const std::string b = s.join(s.sor);
    s.facilitate(cmd::StartExercise{s.sor, "evaluation"});
    CHECK(s.state_of(b)["activity"]["context"] == json::array());
}
