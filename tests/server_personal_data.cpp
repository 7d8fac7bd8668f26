// The guard against personal data through a real loopback server: a fødselsnummer is refused
// outright (422 personal_number), a name with an age or a case word is 422 looks_personal until
// the writer confirms, and a refused text is never stored, not even in the database file.
#include <fstream>
#include <iterator>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

json error_of(const httplib::Result& res) {
    REQUIRE(res);
    return json::parse(res->body)["error"];
}

httplib::Result post(TestServer& s, const std::string& token, const json& body) {
    return s.client().Post("/api/notes", TestServer::bearer(token), body.dump(), "application/json");
}

// Every byte of the store: the database and its write-ahead log.
std::string store_bytes(const TestServer& s) {
    std::string all;
    for (const char* name : {"samling.sqlite3", "samling.sqlite3-wal"}) {
        std::ifstream in(s.dir.path / name, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
}

}  // namespace

TEST_CASE("a note with a valid fødselsnummer is 422 personal_number, even confirmed, and nothing is stored") {
    TestServer s;
    const std::string token = s.join(s.nord);
    for (const json& body : {json{{"client_id", "n1"}, {"text", "Eleven har nr 01019012480"}},
                             json{{"client_id", "n1"}, {"text", "010190 12480 i saken"}, {"confirm_personal", true}},
                             json{{"client_id", "n2"}, {"text", "D-nummer 41019012393"}}}) {
        auto res = post(s, token, body);
        CHECK(res->status == 422);
        CHECK(error_of(res)["code"] == "personal_number");
        CHECK(res->body.find("0101") == std::string::npos);  // the answer never repeats the number
    }
    CHECK(s.state_of(token)["notes"].empty());
    s.restart();
    CHECK(s.state_of(token)["notes"].empty());
    const std::string bytes = store_bytes(s);
    CHECK(bytes.size() > 0);
    CHECK(bytes.find("01019012480") == std::string::npos);
    CHECK(bytes.find("41019012393") == std::string::npos);
}

TEST_CASE("a name with an age is 422 looks_personal with its rule until the writer sends it anyway") {
    TestServer s;
    const std::string token = s.join(s.nord);
    const json note = {{"client_id", "k1"}, {"text", "Per (7) i 2B venter på PPT"}};
    auto res = post(s, token, note);
    CHECK(res->status == 422);
    CHECK(error_of(res)["code"] == "looks_personal");
    CHECK(error_of(res)["rules"] == json::array({"name_with_age"}));
    CHECK(s.state_of(token)["notes"].empty());
    CHECK(store_bytes(s).find("Per (7)") == std::string::npos);

    json anyway = note;
    anyway["confirm_personal"] = "yes";  // only true confirms
    CHECK(post(s, token, anyway)->status == 422);
    anyway["confirm_personal"] = true;
    res = post(s, token, anyway);
    REQUIRE(res->status == 201);
    CHECK(json::parse(res->body)["note"]["text"] == "Per (7) i 2B venter på PPT");
    CHECK(post(s, token, anyway)->status == 200);  // the same client_id: the same note, not a second
    s.restart();
    CHECK(s.state_of(token)["notes"].size() == 1);
}

TEST_CASE("an edit is checked like a new note; a name is not checked at all") {
    TestServer s;
    const std::string token = s.join(s.nord, "Per (7)");  // a participant's own name is theirs to give
    auto res = s.post_note(token, "e1", "Informasjonsflyten er treg");
    REQUIRE(res->status == 201);
    const Id id = json::parse(res->body)["note"]["id"];
    const auto patch = [&](const json& body) {
        return s.client().Patch("/api/notes/" + std::to_string(id), TestServer::bearer(token), body.dump(),
                                "application/json");
    };
    res = patch({{"text", "Se saksnummer 15080551212"}});
    CHECK(res->status == 422);
    CHECK(error_of(res)["code"] == "personal_number");
    res = patch({{"text", "Se saksnummeret hos NAV"}});
    CHECK(res->status == 422);
    CHECK(error_of(res)["rules"] == json::array({"case_word"}));
    CHECK(s.state_of(token)["notes"][0]["text"] == "Informasjonsflyten er treg");
    res = patch({{"text", "Se saksnummeret hos NAV"}, {"confirm_personal", true}});
    CHECK(res->status == 200);
    CHECK(s.state_of(token)["notes"][0]["text"] == "Se saksnummeret hos NAV");
    res = patch({{"zone", "nowhere"}});  // no text: nothing to check (the zone is refused for itself)
    CHECK(error_of(res)["code"] == "zone_unknown");
}

TEST_CASE("the server answers every shared vector as the fixture says") {
    TestServer s;
    std::ifstream in(std::string(SAMLING_SOURCE_DIR) + "/tests/fixtures/personal_data.json");
    const json cases = json::parse(in)["cases"];
    std::string token;
    int n = 0;
    for (const json& c : cases) {
        if (n % 15 == 0) token = s.join(s.nord);  // within one phone's burst of writes
        const std::string text = c["text"];
        INFO(text);
        auto res = post(s, token, {{"client_id", "v" + std::to_string(n++)}, {"text", text}});
        REQUIRE(res);
        const json rules = c["rules"];
        if (rules.empty()) {
            CHECK(res->status == 201);
        } else if (rules[0] == "personal_number") {
            CHECK(res->status == 422);
            CHECK(error_of(res)["code"] == "personal_number");
        } else {
            CHECK(res->status == 422);
            CHECK(error_of(res)["code"] == "looks_personal");
            CHECK(error_of(res)["rules"] == rules);
        }
    }
}
