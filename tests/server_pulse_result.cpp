// Specification of the pulse's result over HTTP: the room's threshold through the control
// surface (bad input of each kind refused, the setting kept), and a group's phones getting the
// result only after the pulse step, with figures only at or over the threshold.
#include <doctest/doctest.h>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct PulseRoom : TestServer {
    ControlServer control{"s3cret-token-for-tests-0123456789"};
    int control_port = 0;
    PulseRoom() : TestServer(pulse_catalog(), "pulse_safety") {
        auto p = control.bind(0);
        REQUIRE(p.ok());
        control_port = p.value();
        control.start(*hub);
    }
    ~PulseRoom() { control.stop(); }
    httplib::Result command(const json& body) {
        httplib::Client c("127.0.0.1", control_port);
        return c.Post("/control/commands", TestServer::bearer("s3cret-token-for-tests-0123456789"), body.dump(),
                      "application/json");
    }
    int threshold() {
        httplib::Client c("127.0.0.1", control_port);
        auto res = c.Get("/control/state", TestServer::bearer("s3cret-token-for-tests-0123456789"));
        REQUIRE(res);
        return json::parse(res->body)["pulse_threshold"].get<int>();
    }
    // A phone of `nord` that answers every statement with `value`.
    std::string answering_phone(int value) {
        const std::string token = join(nord);
        const json state = state_of(token);  // kept: a range-for over a temporary's member dangles
        REQUIRE(state["activity"]["step"]["statements"].size() == 7);
        for (const auto& s : state["activity"]["step"]["statements"]) {
            auto res = client().Post("/api/answers", bearer(token),
                                     json{{"statement", s["id"]}, {"value", value}}.dump(), "application/json");
            REQUIRE(res);
            REQUIRE(res->status == 201);
        }
        return token;
    }
};

}  // namespace

TEST_CASE("set_pulse_threshold refuses 2, 0, 51, a fraction, a string, null or nothing, and keeps the setting") {
    PulseRoom r;
    CHECK(r.threshold() == 5);
    for (const json& bad : {json(2), json(0), json(-3), json(51), json(3.5), json("5"), json(nullptr)}) {
        CAPTURE(bad.dump());
        auto res = r.command({{"command", "set_pulse_threshold"}, {"threshold", bad}});
        REQUIRE(res);
        CHECK(res->status == 400);
        const std::string code = error_code(res);
        CHECK((code == "invalid_request" || code == "bad_request"));
    }
    auto missing = r.command({{"command", "set_pulse_threshold"}});
    REQUIRE(missing);
    CHECK(missing->status == 400);
    CHECK(r.threshold() == 5);
    auto ok = r.command({{"command", "set_pulse_threshold"}, {"threshold", 3}});
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(r.threshold() == 3);
}

TEST_CASE("the phones get the group's result after the pulse step, never during it, and figures only from five") {
    PulseRoom r;
    std::vector<std::string> phones;
    for (int v : {1, 3, 5, 7}) phones.push_back(r.answering_phone(v));
    for (const std::string& t : phones) CHECK_FALSE(r.state_of(t)["activity"].contains("pulse_result"));

    REQUIRE(r.command({{"command", "go_to_step"}, {"group", r.nord}, {"step", 1}})->status == 200);
    json result = r.state_of(phones[0])["activity"]["pulse_result"];
    CHECK(result["suppressed"] == true);
    CHECK(result["respondents"] == 4);
    CHECK(result["threshold"] == 5);
    CHECK(result["statements"] == json::array());
    // The other group ran the same pulse with no answers: its phones see its own result only.
    const std::string other = r.join(r.sor);
    CHECK_FALSE(r.state_of(other)["activity"].contains("pulse_result"));  // still in its pulse step

    REQUIRE(r.command({{"command", "go_to_step"}, {"group", r.nord}, {"step", 0}})->status == 200);
    phones.push_back(r.answering_phone(4));
    for (const std::string& t : phones) CHECK_FALSE(r.state_of(t)["activity"].contains("pulse_result"));
    REQUIRE(r.command({{"command", "go_to_step"}, {"group", r.nord}, {"step", 1}})->status == 200);
    result = r.state_of(phones[4])["activity"]["pulse_result"];
    CHECK(result["suppressed"] == false);
    CHECK(result["respondents"] == 5);
    REQUIRE(result["statements"].size() == 7);
    const json& first = result["statements"][0];
    CHECK(first["n"] == 5);
    CHECK(first["mean"].get<double>() == doctest::Approx(4.0));
    CHECK(first["distribution"] == json{{"1", 1}, {"2", 0}, {"3", 1}, {"4", 1}, {"5", 1}, {"6", 0}, {"7", 1}});
    CHECK_FALSE(r.state_of(phones[0])["activity"].contains("my_answers"));
    for (const std::string& t : phones) CHECK(r.state_of(t)["activity"]["pulse_result"] == result);
}
