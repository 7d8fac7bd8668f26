// Specification of the loopback control surface: token, commands as JSON, the full state.
#include "server/control_commands.hpp"
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("the control surface needs its token") {
    ControlFixture f;
    CHECK(f.command({{"command", "reveal"}, {"group", f.nord}}, "wrong")->status == 401);
    CHECK(f.command({{"command", "reveal"}, {"group", f.nord}}, "")->status == 401);
    httplib::Client c("127.0.0.1", f.control_port);
    CHECK(c.Get("/control/state")->status == 401);
    // A phone's token is not the facilitator's.
    const std::string phone = f.join(f.nord);
    CHECK(f.command({{"command", "reveal"}, {"group", f.nord}}, phone)->status == 401);
}

TEST_CASE("control commands drive the same state the projector does, and the state shows it all") {
    ControlFixture f;
    const std::string phone = f.join(f.nord, "Kari");
    REQUIRE(f.post_note(phone, "c1", "Skjult til avsløring")->status == 201);
    auto res = f.command({{"command", "go_to_step"}, {"group", f.nord}, {"step", 1}});
    REQUIRE(res->status == 200);
    CHECK(f.hub->snapshot()->current_run(f.nord)->step == 1);
    httplib::Client c("127.0.0.1", f.control_port);
    auto state = json::parse(c.Get("/control/state", TestServer::bearer("s3cret-token-for-tests-0123456789"))->body);
    const auto& nord = state["groups"][0];
    CHECK(nord["run"]["step_kind"] == "vote");
    CHECK(nord["run"]["notes"][0]["author"] == "Kari");
    res = f.command({{"command", "add_note"}, {"group", f.nord}, {"text", "Fra tavla"}});
    REQUIRE(res->status == 200);
    CHECK(f.hub->snapshot()->note(json::parse(res->body)["subject"].get<Id>())->author == 0);
}

TEST_CASE("bad control commands are 400 with a message naming the problem") {
    ControlFixture f;
    auto res = f.command({{"command", "explode"}});
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("unknown command") != std::string::npos);
    res = f.command({{"command", "go_to_step"}, {"group", "nord"}, {"step", 1}});
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("\"group\"") != std::string::npos);
    res = f.command({{"command", "go_to_step"}, {"group", f.nord}, {"step", 99}});
    CHECK(res->status == 400);
    CHECK(f.command({{"command", "timer"}, {"group", f.nord}, {"action", "explode"}})->status == 400);
}

TEST_CASE("every control command name parses to its command") {
    const std::vector<json> bodies = {
        {{"command", "add_group"}, {"name", "Ny"}},
        {{"command", "start_exercise"}, {"group", 1}, {"exercise", "ex"}},
        {{"command", "lock_writing"}, {"group", 1}, {"locked", false}},
        {{"command", "timer"}, {"group", 1}, {"action", "pause"}},
        {{"command", "place_note"}, {"note", 1}, {"zone", "obs"}, {"x", 0.5}, {"y", 0.25}},
        {{"command", "set_note_text"}, {"note", 1}, {"text", "t"}},
        {{"command", "remove_note"}, {"note", 1}},
        {{"command", "highlight_note"}, {"note", 1}},
        {{"command", "make_cluster"}, {"group", 1}, {"zone", "obs"}, {"name", "n"}, {"notes", {1, 2}}},
        {{"command", "rename_cluster"}, {"cluster", 1}, {"name", "n"}},
        {{"command", "set_cluster"}, {"note", 1}, {"cluster", 2}},
        {{"command", "merge_notes"}, {"keep", 1}, {"absorb", 2}},
        {{"command", "set_conclusion"}, {"group", 1}, {"field", "statement"}, {"text", "t"}},
    };
    for (const auto& body : bodies) {
        INFO(body.dump());
        CHECK(parse_control_command(body).ok());
    }
    auto place = parse_control_command(bodies[4]);
    REQUIRE(std::holds_alternative<cmd::PlaceNote>(place.value()));
    CHECK(std::get<cmd::PlaceNote>(place.value()).y == doctest::Approx(0.25));
}

TEST_CASE("the housekeeping commands parse, and a bad language or id names the field") {
    const std::vector<json> bodies = {
        {{"command", "set_room"}, {"name", "Storsalen"}, {"language", "nn"}},
        {{"command", "set_room"}, {"language", "en"}},
        {{"command", "archive_group"}, {"group", 1}, {"archived", true}},
        {{"command", "delete_group"}, {"group", 1}},
        {{"command", "archive_gathering"}, {"gathering", 1}},
        {{"command", "delete_gathering"}, {"gathering", 1}},
        {{"command", "move_participant"}, {"participant", 1}, {"group", 2}},
        {{"command", "remove_participant"}, {"participant", 1}},
        {{"command", "reopen_run"}, {"run", 1}},
        {{"command", "undo"}},
        {{"command", "edit_group"}, {"group", 1}, {"name", "Nytt navn"}},
        {{"command", "together"}, {"commands", {{{"command", "reveal"}, {"group", 1}}, {{"command", "undo"}}}}},
    };
    for (const auto& body : bodies) {
        INFO(body.dump());
        CHECK(parse_control_command(body).ok());
    }
    CHECK_FALSE(parse_control_command({{"command", "set_room"}, {"language", "sv"}}).ok());
    CHECK_FALSE(parse_control_command({{"command", "reopen_run"}}).ok());
    CHECK_FALSE(parse_control_command({{"command", "together"}, {"commands", json::array()}}).ok());
    auto bad_part = parse_control_command({{"command", "together"}, {"commands", {{{"command", "explode"}}}}});
    REQUIRE_FALSE(bad_part.ok());
    CHECK(bad_part.error().message.find("explode") != std::string::npos);
}

TEST_CASE("edit_group renames a group and keeps what it was not told") {
    ControlFixture f;
    REQUIRE(f.command({{"command", "edit_group"}, {"group", f.nord}, {"services", "skole, PPT"}})->status == 200);
    REQUIRE(f.command({{"command", "edit_group"}, {"group", f.nord}, {"name", "Oppvekst Nord"}})->status == 200);
    const LeaderGroup* g = f.hub->snapshot()->group(f.nord);
    CHECK(g->name == "Oppvekst Nord");
    CHECK(g->services == "skole, PPT");
}

TEST_CASE("undo over the control surface takes back the last action; with nothing left it is 409 nothing_to_undo") {
    ControlFixture f;
    REQUIRE(f.command({{"command", "go_to_step"}, {"group", f.nord}, {"step", 1}})->status == 200);
    REQUIRE(f.command({{"command", "undo"}})->status == 200);
    CHECK(f.hub->snapshot()->current_run(f.nord)->step == 0);
    for (int i = 0; i < 10; ++i) (void)f.command({{"command", "undo"}});  // the fixture's setup, then the room
    auto res = f.command({{"command", "undo"}});
    CHECK(res->status == 409);
    CHECK(error_code(res) == "nothing_to_undo");
}

TEST_CASE("delete_group of a group with notes is 409 group_has_notes; an archived group leaves the phones' list") {
    ControlFixture f;
    const std::string phone = f.join(f.nord);
    REQUIRE(f.post_note(phone, "c1", "Ventetid")->status == 201);
    auto res = f.command({{"command", "delete_group"}, {"group", f.nord}});
    CHECK(res->status == 409);
    CHECK(error_code(res) == "group_has_notes");
    REQUIRE(f.command({{"command", "archive_group"}, {"group", f.sor}})->status == 200);
    auto room = json::parse(f.client().Get("/api/room?code=" + f.code)->body);
    REQUIRE(room["groups"].size() == 1);
    CHECK(room["groups"][0]["id"] == f.nord);
    auto join = f.client().Post("/api/join", json{{"code", f.code}, {"group", f.sor}}.dump(), "application/json");
    CHECK(join->status == 404);
}

TEST_CASE("the state lists participants with their group and last_seen, and each group's present count") {
    ControlFixture f;
    const std::string kari = f.join(f.nord, "Kari");
    const std::string ola = f.join(f.nord, "Ola");
    (void)f.state_of(kari);  // a poll: Kari is seen now
    httplib::Client c("127.0.0.1", f.control_port);
    const auto state =
        json::parse(c.Get("/control/state", TestServer::bearer("s3cret-token-for-tests-0123456789"))->body);
    REQUIRE(state["participants"].size() == 2);
    const auto& first = state["participants"][0];
    CHECK(first["name"] == "Kari");
    CHECK(first["group"] == f.nord);
    CHECK(first["last_seen"].get<Timestamp>() >= first["joined_at"].get<Timestamp>());
    CHECK(first["present"] == true);
    CHECK(state["groups"][0]["present"] == 2);
    CHECK(state["groups"][1]["present"] == 0);
    CHECK(state["groups"][0]["runs"].size() == 1);
    // Removed: gone from the list, and its token is refused.
    const Id ola_id = state["participants"][1]["id"].get<Id>();
    REQUIRE(f.command({{"command", "remove_participant"}, {"participant", ola_id}})->status == 200);
    CHECK(f.client().Get("/api/state", TestServer::bearer(ola))->status == 401);
    const auto after =
        json::parse(c.Get("/control/state", TestServer::bearer("s3cret-token-for-tests-0123456789"))->body);
    CHECK(after["participants"].size() == 1);
}

TEST_CASE("a phone that joins another group with its token moves: the same participant, no ghost left behind") {
    ControlFixture f;
    const std::string token = f.join(f.nord, "Kari");
    REQUIRE(f.post_note(token, "c1", "Skrevet i Nordvik")->status == 201);
    auto res = f.client().Post("/api/join", TestServer::bearer(token), json{{"code", f.code}, {"group", f.sor}}.dump(),
                               "application/json");
    REQUIRE(res->status == 200);
    const auto moved = json::parse(res->body);
    CHECK(moved["token"] == token);
    CHECK(moved["participant"]["group"] == f.sor);
    const auto w = f.hub->snapshot();
    CHECK(w->participants().size() == 1);
    CHECK(w->participants_in(f.nord) == 0);
    CHECK(w->participants_in(f.sor) == 1);
    // Its note stays with the old group's run; the phone now sees Sør's board.
    CHECK(w->notes_of_run(w->current_run(f.nord)->id).size() == 1);
    CHECK(f.state_of(token)["group"]["id"] == f.sor);
    // A stale or foreign token joins as a new phone, as before.
    auto fresh = f.client().Post("/api/join", TestServer::bearer("1.not-a-valid-token"),
                                 json{{"code", f.code}, {"group", f.sor}}.dump(), "application/json");
    CHECK(fresh->status == 201);
}

TEST_CASE("set_room names the room for the phones and sets their language") {
    ControlFixture f;
    REQUIRE(f.command({{"command", "set_room"}, {"name", "Storsalen"}, {"language", "en"}})->status == 200);
    const std::string phone = f.join(f.nord);
    const auto state = f.state_of(phone);
    CHECK(state["room"]["name"] == "Storsalen");
    CHECK(state["room"]["language"] == "en");
    REQUIRE(f.command({{"command", "set_room"}, {"name", ""}})->status == 200);
    REQUIRE(f.command({{"command", "name_programme"}, {"name", "LUP Bærum"}})->status == 200);
    CHECK(json::parse(f.client().Get("/api/room?code=" + f.code)->body)["room"]["name"] == "LUP Bærum");
}

TEST_CASE("timer and conclude_run take \"group\": \"all\": one action over every group, one undo") {
    ControlFixture f;
    const auto running = [&] {
        int n = 0;
        for (Id g : {f.nord, f.sor}) n += f.hub->snapshot()->current_run(g)->timer.running() ? 1 : 0;
        return n;
    };
    // One group's clock already runs: "start" for all starts the other and leaves it alone.
    REQUIRE(f.command({{"command", "timer"}, {"group", f.nord}, {"action", "start"}})->status == 200);
    REQUIRE(f.command({{"command", "timer"}, {"group", "all"}, {"action", "start"}})->status == 200);
    CHECK(running() == 2);
    REQUIRE(f.command({{"command", "timer"}, {"group", "all"}, {"action", "pause"}})->status == 200);
    CHECK(running() == 0);
    REQUIRE(f.command({{"command", "undo"}})->status == 200);  // the pause of both, as one step
    CHECK(running() == 2);
    // Nothing to pause or start is a clear 400, not a silent 200.
    auto res = f.command({{"command", "timer"}, {"group", "all"}, {"action", "start"}});
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("running already") != std::string::npos);

    REQUIRE(f.command({{"command", "conclude_run"}, {"group", "all"}})->status == 200);
    for (Id g : {f.nord, f.sor}) CHECK(f.hub->snapshot()->current_run(g)->concluded_at != 0);
    CHECK(f.command({{"command", "conclude_run"}, {"group", "all"}})->status == 400);  // saved already
    REQUIRE(f.command({{"command", "undo"}})->status == 200);
    for (Id g : {f.nord, f.sor}) CHECK(f.hub->snapshot()->current_run(g)->concluded_at == 0);
    // "all" is a word for a group only here; any other text is still a bad id.
    CHECK(f.command({{"command", "conclude_run"}, {"group", "alle"}})->status == 400);
    CHECK(f.command({{"command", "reveal"}, {"group", "all"}})->status == 400);
    // Without a state to read (a "together" parsed offline), "all" is refused, never guessed.
    CHECK_FALSE(parse_control_command({{"command", "conclude_run"}, {"group", "all"}}).ok());
}
