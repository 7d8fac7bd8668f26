// Specification of POST /api/indicators and activity.measures[i].indicator over HTTP: every
// rule with bad input of each kind, a value again replacing (200), and a 201 that survives a
// restart on the same data folder.
#include <doctest/doctest.h>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct IndicatorServer : TestServer {
    std::vector<Id> measures;
    std::string kari;
    IndicatorServer() : TestServer(measures_catalog(), "goals_measures") {
        const Id writer = facilitate(cmd::Join{code, nord, "Skriver", std::string(32, 'w')});
        measures = plan_measures([&](const Command& c) { return facilitate(c); }, nord, writer,
                                 {{"Felles kartlegging", "Kari", "Andel elever med vedtak"}, {"Ukentlig møte", "Ola"}});
        kari = join(nord, "Kari");
    }
    httplib::Result post(const std::string& token, const std::string& body) {
        return client().Post("/api/indicators", bearer(token), body, "application/json");
    }
    httplib::Result post(const std::string& token, const json& body) { return post(token, body.dump()); }
};

}  // namespace

TEST_CASE("POST /api/indicators outside a status round is 409 step_closed") {
    IndicatorServer s;
    auto res = s.post(s.kari, json{{"note", s.measures[0]}, {"value", 12}});
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");
}

TEST_CASE("a measure with an indicator carries it in activity.measures and takes a value, again replacing it") {
    IndicatorServer s;
    s.facilitate(cmd::StartExercise{s.nord, "status_round"});
    const json view = s.state_of(s.kari)["activity"]["measures"];
    REQUIRE(view.size() == 2);
    CHECK(view[0]["indicator"] == json{{"name", "Andel elever med vedtak"},
                                       {"unit", ""},
                                       {"source", ""},
                                       {"baseline", nullptr},
                                       {"target", nullptr},
                                       {"value", nullptr}});
    CHECK_FALSE(view[1].contains("indicator"));  // no indicator field

    auto first = s.post(s.kari, json{{"note", s.measures[0]},
                                     {"value", 14.5},
                                     {"unit", "%"},
                                     {"baseline", 16},
                                     {"target", 7},
                                     {"source", "GSI 2025/26"}});
    REQUIRE(first);
    CHECK(first->status == 201);
    CHECK(json::parse(first->body)["measure"]["indicator"] == json{{"name", "Andel elever med vedtak"},
                                                                   {"unit", "%"},
                                                                   {"source", "GSI 2025/26"},
                                                                   {"baseline", 16.0},
                                                                   {"target", 7.0},
                                                                   {"value", 14.5}});
    auto again = s.post(s.kari, json{{"note", s.measures[0]}, {"value", 13}, {"baseline", nullptr}});
    REQUIRE(again);
    CHECK(again->status == 200);
    const json replaced = json::parse(again->body)["measure"]["indicator"];
    CHECK(replaced["value"] == 13.0);
    CHECK(replaced["baseline"] == 16.0);  // left out (or null): it stays

    s.restart();
    const json after = s.state_of(s.kari)["activity"]["measures"][0]["indicator"];
    CHECK(after["value"] == 13.0);
    CHECK(after["unit"] == "%");
    CHECK(after["source"] == "GSI 2025/26");  // what the group typed comes back to its phones
    CHECK(after["target"] == 7.0);
}

TEST_CASE("POST /api/indicators refuses bad input of each kind and stores nothing") {
    IndicatorServer s;
    s.facilitate(cmd::StartExercise{s.nord, "status_round"});
    s.facilitate(cmd::StartExercise{s.sor, "status_round"});
    const std::string other = s.join(s.sor, "Per");
    const std::string m0 = std::to_string(s.measures[0]), m1 = std::to_string(s.measures[1]);
    struct Case {
        std::string body;
        int status;
        const char* code;
        std::string token;
    };
    const std::vector<Case> cases = {
        {R"({"note": 99999, "value": 1})", 404, "note_not_found", s.kari},
        {R"({"value": 1})", 404, "note_not_found", s.kari},
        {R"({"note": "x", "value": 1})", 404, "note_not_found", s.kari},
        {R"({"note": )" + m1 + R"(, "value": 1})", 404, "note_not_found", s.kari},  // no indicator field
        {R"({"note": )" + m0 + R"(, "value": 1})", 404, "note_not_found", other},   // another group's
        {R"({"note": )" + m0 + "}", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": null})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": "16,5"})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": "NaN"})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1e999})", 400, "bad_json", s.kari},
        {R"({"note": )" + m0 + R"(, "value": true})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": [1]})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1, "baseline": "16"})", 422, "value_invalid", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1, "target": -1e999})", 400, "bad_json", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1, "unit": 5})", 400, "bad_request", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1, "source": {}})", 400, "bad_request", s.kari},
        {R"({"note": )" + m0 + R"(, "value": 1, "unit": ")" + std::string(81, 'x') + R"("})", 422, "text_too_long",
         s.kari},
        {R"({"note": )" + m0 + R"(, "value": NaN})", 400, "bad_json", s.kari},  // not JSON at all
    };
    for (const Case& c : cases) {
        CAPTURE(c.body);
        auto res = s.post(c.token, c.body);
        REQUIRE(res);
        CHECK(res->status == c.status);
        CHECK(error_code(res) == c.code);
    }
    auto unauthenticated =
        s.client().Post("/api/indicators", json{{"note", s.measures[0]}, {"value", 1}}.dump(), "application/json");
    REQUIRE(unauthenticated);
    CHECK(unauthenticated->status == 401);
    CHECK(s.state_of(s.kari)["activity"]["measures"][0]["indicator"]["value"].is_null());
}
