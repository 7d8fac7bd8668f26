// Specification of the loopback control surface: token, commands as JSON, the full state.
#include "server/control_commands.hpp"
#include "server/control_server.hpp"
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct ControlFixture : TestServer {
    ControlServer control{"s3cret-token-for-tests-0123456789"};
    int control_port = 0;
    ControlFixture() {
        auto p = control.bind(0);
        REQUIRE(p.ok());
        control_port = p.value();
        control.start(*hub);
    }
    ~ControlFixture() { control.stop(); }
    httplib::Result command(const json& body, const std::string& token = "s3cret-token-for-tests-0123456789") {
        httplib::Client c("127.0.0.1", control_port);
        return c.Post("/control/commands", TestServer::bearer(token), body.dump(), "application/json");
    }
};

}  // namespace

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
