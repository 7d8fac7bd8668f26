// Specification of POST /api/status and activity.measures over HTTP: every rule with bad
// input of each kind, the owner's measure first, a report again replacing (200), and a 201
// that survives a restart on the same data folder.
#include <doctest/doctest.h>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct StatusServer : TestServer {
    std::vector<Id> measures;
    std::string kari, ola;
    StatusServer() : TestServer(measures_catalog(), "goals_measures") {
        const Id writer = facilitate(cmd::Join{code, nord, "Skriver", std::string(32, 'w')});
        measures = plan_measures([&](const Command& c) { return facilitate(c); }, nord, writer,
                                 {{"Felles kartlegging", "Kari Holm"}, {"Ukentlig møte", "ola"}});
        kari = join(nord, "kari holm");
        ola = join(nord, "Ola");
    }
    httplib::Result status(const std::string& token, const json& body) {
        return client().Post("/api/status", bearer(token), body.dump(), "application/json");
    }
};

}  // namespace

TEST_CASE("POST /api/status outside a status round is 409 step_closed") {
    StatusServer s;
    auto res = s.status(s.kari, {{"note", s.measures[0]}, {"status", "started"}});
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");  // goals and measures' write step, concluded
    s.facilitate(cmd::StartExercise{s.nord, "status_round"});
    s.go_to_step(s.nord, 1);
    res = s.status(s.kari, {{"note", s.measures[0]}, {"status", "started"}});
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");
}

TEST_CASE("a status round's phones get the group's open measures, the owner's first, and report each") {
    StatusServer s;
    s.facilitate(cmd::StartExercise{s.nord, "status_round"});
    const json ola_view = s.state_of(s.ola)["activity"];
    CHECK(ola_view["step"]["kind"] == "status");
    REQUIRE(ola_view["measures"].size() == 2);
    CHECK(ola_view["measures"][0]["note"] == s.measures[1]);  // Ola owns the second: it comes first
    CHECK(ola_view["measures"][0]["mine"] == true);
    CHECK(ola_view["measures"][0]["status"].is_null());
    CHECK(ola_view["measures"][0]["report"] == "");
    CHECK(ola_view["measures"][0]["fields"][0]["label"] == "Eier");
    CHECK(ola_view["measures"][0]["fields"][0]["value"] == "ola");
    CHECK(s.state_of(s.kari)["activity"]["measures"][0]["note"] == s.measures[0]);

    auto first = s.status(s.kari, {{"note", s.measures[0]}, {"status", "started"}, {"text", "I gang på to skoler"}});
    REQUIRE(first);
    CHECK(first->status == 201);
    const json body = json::parse(first->body);
    CHECK(body["measure"]["status"] == "started");
    CHECK(body["measure"]["report"] == "I gang på to skoler");
    auto again = s.status(s.ola, {{"note", s.measures[0]}, {"status", "done"}});
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json::parse(again->body)["measure"]["report"] == "I gang på to skoler");

    // Acknowledged means stored: the same folder opened again has it.
    s.restart();
    const json after = s.state_of(s.kari)["activity"]["measures"][0];
    CHECK(after["status"] == "done");
    CHECK(after["report"] == "I gang på to skoler");
}

TEST_CASE("POST /api/status refuses bad input of each kind and stores nothing") {
    StatusServer s;
    s.facilitate(cmd::StartExercise{s.nord, "status_round"});
    s.facilitate(cmd::StartExercise{s.sor, "status_round"});
    const std::string other = s.join(s.sor, "Per");
    struct Case {
        json body;
        int status;
        const char* code;
        std::string token;
    };
    const std::vector<Case> cases = {
        {{{"note", 99999}, {"status", "started"}}, 404, "note_not_found", s.kari},
        {{{"note", "1"}, {"status", "started"}}, 404, "note_not_found", s.kari},
        {{{"status", "started"}}, 404, "note_not_found", s.kari},
        {{{"note", s.measures[0]}, {"status", "started"}}, 404, "note_not_found", other},  // another group's
        {{{"note", s.measures[0]}, {"status", "finished"}}, 422, "status_unknown", s.kari},
        {{{"note", s.measures[0]}, {"status", 2}}, 422, "status_unknown", s.kari},
        {{{"note", s.measures[0]}}, 422, "status_unknown", s.kari},
        {{{"note", s.measures[0]}, {"status", "started"}, {"text", 5}}, 400, "bad_request", s.kari},
        {{{"note", s.measures[0]}, {"status", "started"}, {"text", std::string(281, 'x')}},
         422,
         "text_too_long",
         s.kari},
        {{{"note", s.measures[0]}, {"status", "started"}, {"text", "Eleven har nr 01019012480"}},
         422,
         "personal_number",
         s.kari},
    };
    for (const Case& c : cases) {
        CAPTURE(c.body.dump());
        auto res = s.status(c.token, c.body);
        REQUIRE(res);
        CHECK(res->status == c.status);
        CHECK(error_code(res) == c.code);
    }
    auto unauthenticated =
        s.client().Post("/api/status", json{{"note", s.measures[0]}, {"status", "done"}}.dump(), "application/json");
    REQUIRE(unauthenticated);
    CHECK(unauthenticated->status == 401);
    CHECK(s.state_of(s.kari)["activity"]["measures"][0]["status"].is_null());
}
