// Specification of the participant API (API.md), row by row, against a real server.
#include <chrono>
#include <thread>
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("GET /api/room answers the room and its groups for the right code, in any case") {
    TestServer s;
    auto res = s.client().Get("/api/room?code=abc234");
    REQUIRE(res);
    CHECK(res->status == 200);
    auto body = json::parse(res->body);
    CHECK(body["room"]["name"] == "Rom");
    CHECK(body["room"]["language"] == "nb");
    REQUIRE(body["groups"].size() == 2);
    CHECK(body["groups"][0]["name"] == "Oppvekst Nordvik");
    CHECK(body["groups"][0]["id"] == s.nord);
}

TEST_CASE("a wrong room code is 403 room_code_invalid, for look-up and join") {
    TestServer s;
    auto res = s.client().Get("/api/room?code=NOPE99");
    CHECK(res->status == 403);
    CHECK(error_code(res) == "room_code_invalid");
    res = s.client().Post("/api/join", json{{"code", "NOPE99"}, {"group", s.nord}}.dump(), "application/json");
    CHECK(res->status == 403);
    CHECK(error_code(res) == "room_code_invalid");
}

TEST_CASE("guessing room codes is slowed down with 429 and Retry-After") {
    TestServer s;
    int limited = 0;
    for (int i = 0; i < 150 && limited == 0; ++i) {
        auto res = s.client().Get("/api/room?code=GUESS" + std::to_string(i % 10));
        REQUIRE(res);
        if (res->status == 429) {
            ++limited;
            CHECK(res->has_header("Retry-After"));
        }
    }
    CHECK(limited == 1);
    // Past its budget an address learns nothing, not even that its next code is right.
    CHECK(s.client().Get("/api/room?code=ABC234")->status == 429);
}

TEST_CASE("POST /api/join answers 201 with the participant and a token; unknown group 404") {
    TestServer s;
    auto res = s.client().Post("/api/join", json{{"code", "ABC234"}, {"group", s.sor}, {"name", " Kari "}}.dump(),
                               "application/json");
    REQUIRE(res);
    CHECK(res->status == 201);
    auto body = json::parse(res->body);
    CHECK(body["participant"]["group"] == s.sor);
    CHECK(body["participant"]["name"] == "Kari");
    CHECK(body["token"].get<std::string>().size() > 32);
    res = s.client().Post("/api/join", json{{"code", "ABC234"}, {"group", 9999}}.dump(), "application/json");
    CHECK(res->status == 404);
    CHECK(error_code(res) == "group_not_found");
}

TEST_CASE("malformed JSON is 400 bad_json; invalid UTF-8 is 400") {
    TestServer s;
    auto res = s.client().Post("/api/join", "{\"code\": ", "application/json");
    CHECK(res->status == 400);
    CHECK(error_code(res) == "bad_json");
    res = s.client().Post("/api/join", "[1, 2]", "application/json");
    CHECK(res->status == 400);
    CHECK(error_code(res) == "bad_json");
    const std::string token = s.join(s.nord);
    res = s.client().Post("/api/notes", TestServer::bearer(token),
                          "{\"client_id\": \"c1\", \"text\": \"bad \xC3\x28\"}", "application/json");
    CHECK(res->status == 400);
    CHECK(error_code(res) == "invalid_utf8");
}

TEST_CASE("calls without a valid token are 401") {
    TestServer s;
    const std::string token = s.join(s.nord);
    auto res = s.client().Get("/api/state");
    CHECK(res->status == 401);
    CHECK(error_code(res) == "unauthorized");
    res = s.client().Get("/api/state", TestServer::bearer(token + "x"));
    CHECK(res->status == 401);
    res = s.client().Get("/api/state", TestServer::bearer("1." + std::string(32, '0')));
    CHECK(res->status == 401);
    res = s.post_note("", "c1", "tekst");
    CHECK(res->status == 401);
    res = s.client().Delete("/api/notes/1");
    CHECK(res->status == 401);
}

TEST_CASE("GET /api/state shows the activity and own notes, then 'unchanged' for the same revision") {
    TestServer s;
    const std::string token = s.join(s.nord);
    REQUIRE(s.post_note(token, "c1", "Foreldre får ulike beskjeder")->status == 201);
    auto res = s.client().Get("/api/state", TestServer::bearer(token));
    REQUIRE(res->status == 200);
    auto body = json::parse(res->body);
    CHECK(body["group"]["name"] == "Oppvekst Nordvik");
    CHECK(body["activity"]["step"]["kind"] == "write");
    CHECK(body["activity"]["accepts_notes"] == true);
    REQUIRE(body["notes"].size() == 1);
    CHECK(body["notes"][0]["text"] == "Foreldre får ulike beskjeder");
    CHECK(body["notes"][0]["mine"] == true);
    CHECK_FALSE(body["participant"].contains("secret"));
    CHECK(res->body.find(token.substr(token.find('.') + 1)) == std::string::npos);

    const auto rev = body["revision"].get<Revision>();
    res = s.client().Get("/api/state?since=" + std::to_string(rev), TestServer::bearer(token));
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body) == json{{"revision", rev}, {"unchanged", true}});
    REQUIRE(s.post_note(token, "c2", "Ny lapp")->status == 201);
    res = s.client().Get("/api/state?since=" + std::to_string(rev), TestServer::bearer(token));
    CHECK(json::parse(res->body)["notes"].size() == 2);
}

TEST_CASE("a phone never sees another participant's note while writing, nor another group's") {
    TestServer s;
    const std::string anna = s.join(s.nord), bo = s.join(s.nord), cato = s.join(s.sor);
    REQUIRE(s.post_note(anna, "a", "Hemmelig fra Anna")->status == 201);
    REQUIRE(s.post_note(cato, "c", "Hemmelig fra Cato")->status == 201);
    auto res = s.client().Get("/api/state", TestServer::bearer(bo));
    CHECK(res->body.find("Hemmelig") == std::string::npos);
    s.go_to_step(s.nord, 1);
    res = s.client().Get("/api/state", TestServer::bearer(bo));
    CHECK(res->body.find("Hemmelig fra Anna") != std::string::npos);
    CHECK(res->body.find("Hemmelig fra Cato") == std::string::npos);
}

TEST_CASE("POST /api/notes stores a trimmed note; the same client_id again is 200 with the same note") {
    TestServer s;
    const std::string token = s.join(s.nord);
    auto res = s.post_note(token, "uuid-1", "  Vi oppdager utfordringene for sent \n");
    REQUIRE(res->status == 201);
    auto note = json::parse(res->body)["note"];
    CHECK(note["text"] == "Vi oppdager utfordringene for sent");
    CHECK(note["zone"] == "obs");
    res = s.post_note(token, "uuid-1", "Vi oppdager utfordringene for sent");
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["note"]["id"] == note["id"]);
    auto state = json::parse(s.client().Get("/api/state", TestServer::bearer(token))->body);
    CHECK(state["notes"].size() == 1);
}

TEST_CASE("note text limits: empty 422 text_empty, 281 code points 422 text_too_long, 280 accepted") {
    TestServer s;
    const std::string token = s.join(s.nord);
    auto res = s.post_note(token, "c0", " \t\n ");
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_empty");
    std::string text;
    for (int i = 0; i < 280; ++i) text += "å";
    CHECK(s.post_note(token, "c1", text)->status == 201);
    res = s.post_note(token, "c2", text + "å");
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_too_long");
    res =
        s.client().Post("/api/notes", TestServer::bearer(token), json{{"text", "uten id"}}.dump(), "application/json");
    CHECK(res->status == 422);
    CHECK(error_code(res) == "client_id_invalid");
    res = s.client().Post("/api/notes", TestServer::bearer(token), json{{"client_id", "c3"}, {"text", 42}}.dump(),
                          "application/json");
    CHECK(res->status == 400);
}

TEST_CASE("markup in a note is stored and answered as plain text, byte for byte") {
    TestServer s;
    const std::string token = s.join(s.nord);
    const std::string markup = "<img src=x onerror=alert(1)> & <script>alert('x')</script>";
    auto res = s.post_note(token, "c1", markup);
    REQUIRE(res->status == 201);
    CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    CHECK(json::parse(res->body)["note"]["text"] == markup);
}

TEST_CASE("PATCH and DELETE work on own notes only: another's is 403, a hidden or another group's 404") {
    TestServer s;
    const std::string anna = s.join(s.nord), bo = s.join(s.nord), cato = s.join(s.sor);
    auto res = s.post_note(anna, "c1", "Annas lapp");
    const Id id = json::parse(res->body)["note"]["id"];
    const std::string path = "/api/notes/" + std::to_string(id);

    // Silent writing: Bo cannot tell Anna's note from a note that does not exist.
    res = s.client().Patch(path, TestServer::bearer(bo), json{{"text", "kapret"}}.dump(), "application/json");
    CHECK(res->status == 404);
    REQUIRE(s.hub->submit(cmd::Reveal{s.nord}).ok());

    res = s.client().Patch(path, TestServer::bearer(bo), json{{"text", "kapret"}}.dump(), "application/json");
    CHECK(res->status == 403);
    CHECK(error_code(res) == "not_your_note");
    res = s.client().Delete(path, TestServer::bearer(bo));
    CHECK(res->status == 403);
    res = s.client().Delete(path, TestServer::bearer(cato));
    CHECK(res->status == 404);

    res = s.client().Patch(path, TestServer::bearer(anna), json{{"text", "Annas nye lapp"}}.dump(), "application/json");
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["note"]["text"] == "Annas nye lapp");
    res = s.client().Patch(path, TestServer::bearer(anna), json{{"text", ""}}.dump(), "application/json");
    CHECK(res->status == 422);
    res = s.client().Delete(path, TestServer::bearer(anna));
    CHECK(res->status == 204);
    res = s.client().Delete(path, TestServer::bearer(anna));
    CHECK(res->status == 404);
    res =
        s.client().Patch("/api/notes/999999", TestServer::bearer(anna), json{{"text", "x"}}.dump(), "application/json");
    CHECK(res->status == 404);
}

TEST_CASE("a write when the step does not take it is 409 step_closed") {
    TestServer s;
    const std::string token = s.join(s.nord);
    auto res = s.post_note(token, "c1", "i tide");
    const Id id = json::parse(res->body)["note"]["id"];
    s.go_to_step(s.nord, 1);
    res = s.post_note(token, "c2", "for sent");
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");
    res = s.client().Patch("/api/notes/" + std::to_string(id), TestServer::bearer(token), json{{"text", "x"}}.dump(),
                           "application/json");
    CHECK(res->status == 409);
    // A retry of a note stored before the step closed still gets its note back.
    CHECK(s.post_note(token, "c1", "i tide")->status == 200);
}

TEST_CASE("votes: a dot per call within the budget, 409 no_votes_left after, and taken back with DELETE") {
    TestServer s;
    const std::string anna = s.join(s.nord), bo = s.join(s.nord);
    const Id id = json::parse(s.post_note(anna, "c1", "Tema")->body)["note"]["id"];
    auto vote = [&](const std::string& token) {
        return s.client().Post("/api/votes", TestServer::bearer(token), json{{"note", id}}.dump(), "application/json");
    };
    auto res = vote(bo);
    CHECK(res->status == 409);
    CHECK(error_code(res) == "step_closed");
    s.go_to_step(s.nord, 1);
    res = vote(bo);
    REQUIRE(res->status == 201);
    CHECK(json::parse(res->body)["votes"]["left"] == 1);
    CHECK(vote(bo)->status == 201);
    res = vote(bo);
    CHECK(res->status == 409);
    CHECK(error_code(res) == "no_votes_left");
    CHECK(s.client().Delete("/api/votes/" + std::to_string(id), TestServer::bearer(bo))->status == 204);
    auto state = json::parse(s.client().Get("/api/state", TestServer::bearer(bo))->body);
    CHECK(state["activity"]["votes"]["left"] == 1);
    CHECK(state["notes"][0]["my_votes"] == 1);
    // Anna sees her own dots only, never the total.
    state = json::parse(s.client().Get("/api/state", TestServer::bearer(anna))->body);
    CHECK(state["notes"][0]["my_votes"] == 0);
    CHECK(s.client().Delete("/api/votes/" + std::to_string(id), TestServer::bearer(anna))->status == 404);
}

TEST_CASE("a body over 16 KiB is 413 and nothing is stored") {
    TestServer s;
    const std::string token = s.join(s.nord);
    auto res = s.post_note(token, "big", std::string(std::size_t{17} * 1024, 'x'));
    REQUIRE(res);
    CHECK(res->status == 413);
    auto state = json::parse(s.client().Get("/api/state", TestServer::bearer(token))->body);
    CHECK(state["notes"].empty());
}

TEST_CASE("chunked, compressed and length-less request bodies are refused before they are read") {
    TestServer s;
    const std::string token = s.join(s.nord);
    const std::string head = "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                             "\r\nContent-Type: application/json\r\n";
    std::string answer = s.raw(head + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nxx");
    CHECK(answer.rfind("HTTP/1.1 411", 0) == 0);
    answer = s.raw(head + "Content-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd");
    CHECK(answer.rfind("HTTP/1.1 415", 0) == 0);
    answer = s.raw(head + "\r\n{\"client_id\":\"c\",\"text\":\"t\"}");
    CHECK(answer.rfind("HTTP/1.1 411", 0) == 0);
    answer = s.raw(head + "Content-Length: 99999999\r\n\r\n{");
    CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
    auto state = json::parse(s.client().Get("/api/state", TestServer::bearer(token))->body);
    CHECK(state["notes"].empty());
}

TEST_CASE("many byte ranges in one request are refused: the answer is never larger than the file") {
    TestServer s;
    std::string ranges = "bytes=0-";
    for (int i = 1; i < 500; ++i) ranges += ",0-";
    const std::string hostile = "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: " + ranges + "\r\n\r\n";
    const std::string answer = s.raw(hostile);
    CHECK(answer.rfind("HTTP/1.1 416", 0) == 0);
    CHECK(answer.size() < 2048);  // was 500 copies of the file in one multipart body
    CHECK(answer.find("range_not_satisfiable") != std::string::npos);
    // One range is served as HTTP says, and is at most the file.
    auto one = s.client().Get("/app.js", {{"Range", "bytes=0-"}});
    REQUIRE(one);
    CHECK(one->status == 206);
    CHECK(one->body == "console.log('hei')");

    // A phone's note goes through while 20 such requests arrive at once.
    const std::string token = s.join(s.nord);
    std::vector<std::thread> attackers;
    attackers.reserve(20);
    for (int i = 0; i < 20; ++i) attackers.emplace_back([&] { (void)s.raw(hostile); });
    const auto start = std::chrono::steady_clock::now();
    auto res = s.post_note(token, "during", "Lagret mens noen angrep");
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    for (auto& t : attackers) t.join();
    REQUIRE(res);
    CHECK(res->status == 201);
    MESSAGE("a note during 20 multi-range requests: " << ms << " ms");
}

TEST_CASE("a foreign Host name is refused (DNS rebinding); IP addresses and localhost are fine") {
    TestServer s;
    auto c = s.client();
    auto res = c.Get("/api/room?code=ABC234", {{"Host", "evil.example.com"}});
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(error_code(res) == "host_not_allowed");
    CHECK(s.client().Get("/api/room?code=ABC234", {{"Host", "localhost:8765"}})->status == 200);
    CHECK(s.client().Get("/api/room?code=ABC234", {{"Host", "192.168.1.20:8765"}})->status == 200);
}

TEST_CASE("a flooding phone gets 429 with Retry-After while another phone carries on") {
    TestServer s;
    const std::string flood = s.join(s.nord), calm = s.join(s.nord);
    int limited = 0, created = 0;
    for (int i = 0; i < 40; ++i) {
        auto res = s.post_note(flood, "f" + std::to_string(i), "flom");
        if (res->status == 429) {
            ++limited;
            CHECK(std::stoi(res->get_header_value("Retry-After")) >= 1);
        } else if (res->status == 201) {
            ++created;
        }
    }
    CHECK(limited > 0);
    CHECK(created >= 20);
    CHECK(s.post_note(calm, "c1", "rolig")->status == 201);
    CHECK(s.client().Get("/api/state", TestServer::bearer(calm))->status == 200);
}

TEST_CASE("the page is served from memory with a strict policy; nothing else is") {
    TestServer s;
    auto res = s.client().Get("/");
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    CHECK(s.client().Get("/app.js")->status == 200);
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd",
                             "/assets/web/index.html", "/index.html/", "/etc/passwd", "/.git/config"}) {
        const std::string answer = s.raw(std::string("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        INFO(path);
        CHECK(answer.find("root:") == std::string::npos);
        CHECK(answer.rfind("HTTP/1.1 404", 0) == 0);
    }
    auto api = s.client().Get("/api/room?code=ABC234");
    CHECK(api->get_header_value("Cache-Control") == "no-store");
    CHECK(api->get_header_value("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("after a restart on the same data folder, codes, tokens and notes still work") {
    TestServer s;
    const std::string token = s.join(s.nord, "Anna");
    const Id id = json::parse(s.post_note(token, "c1", "Før omstart")->body)["note"]["id"];
    const int old_port = s.port;
    s.restart();
    INFO("old port ", old_port, ", new port ", s.port);
    CHECK(s.client().Get("/api/room?code=ABC234")->status == 200);
    auto res = s.client().Get("/api/state", TestServer::bearer(token));
    REQUIRE(res->status == 200);
    auto state = json::parse(res->body);
    REQUIRE(state["notes"].size() == 1);
    CHECK(state["notes"][0]["id"] == id);
    CHECK(state["participant"]["name"] == "Anna");
    // The retry a phone sends after the laptop restarted is still recognised.
    CHECK(s.post_note(token, "c1", "Før omstart")->status == 200);
    CHECK(s.post_note(token, "c2", "Etter omstart")->status == 201);
}

TEST_CASE("a note in another group leaves a phone's state 'unchanged'") {
    TestServer s;
    const std::string anna = s.join(s.nord), cato = s.join(s.sor);
    const auto rev =
        json::parse(s.client().Get("/api/state", TestServer::bearer(anna))->body)["revision"].get<Revision>();
    REQUIRE(s.post_note(cato, "c1", "Sør skriver")->status == 201);
    auto body = json::parse(s.client().Get("/api/state?since=" + std::to_string(rev), TestServer::bearer(anna))->body);
    CHECK(body["unchanged"] == true);
    REQUIRE(s.post_note(anna, "a1", "Nord skriver")->status == 201);
    body = json::parse(s.client().Get("/api/state?since=" + std::to_string(rev), TestServer::bearer(anna))->body);
    CHECK_FALSE(body.contains("unchanged"));
}
