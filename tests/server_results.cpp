// The vote's results on the phones and the table screen (issue 10): dots and the top notes
// only once the vote step is over; the table screen sees what a phone that wrote nothing sees.
#include "server_fixture.hpp"

#include <chrono>

using namespace samling;
using namespace samling::testing;

namespace {

httplib::Result vote(TestServer& s, const std::string& token, Id note) {
    return s.client().Post("/api/votes", TestServer::bearer(token), json{{"note", note}}.dump(), "application/json");
}

httplib::Result table_state(TestServer& s, Id group, const std::string& extra = "") {
    return s.client().Get("/api/table/state?room=" + s.code + "&group=" + std::to_string(group) + extra);
}

// No note of the state carries a total, and the activity names no winners.
void check_no_results(const json& state) {
    for (const auto& n : state["notes"]) CHECK_FALSE(n.contains("dots"));
    if (state["activity"].is_object()) CHECK_FALSE(state["activity"].contains("results"));
}

}  // namespace

TEST_CASE("dots and the top notes reach phones only after the vote, merged duplicates summed") {
    TestServer s;  // "ex": write (silent), vote (2 dots each), conclude
    const std::string anna = s.join(s.nord), bo = s.join(s.nord), cato = s.join(s.nord);
    const Id first = note_id(s.post_note(anna, "a1", "Beskjeder blir borte"));
    const Id second = note_id(s.post_note(bo, "b1", "Ingen eier helheten"));
    const Id third = note_id(s.post_note(cato, "c1", "Vi møtes for sjelden"));
    const Id twin = note_id(s.post_note(cato, "c2", "Beskjedene forsvinner"));
    check_no_results(s.state_of(anna));

    s.go_to_step(s.nord, 1);  // the vote
    REQUIRE(vote(s, bo, twin)->status == 201);
    REQUIRE(vote(s, bo, twin)->status == 201);
    REQUIRE(vote(s, anna, first)->status == 201);
    const auto answer = vote(s, anna, second);
    REQUIRE(answer->status == 201);
    CHECK_FALSE(json::parse(answer->body)["note"].contains("dots"));
    s.facilitate(cmd::MergeNotes{first, twin});  // the twin's two dots now count on `first`
    for (const auto& token : {anna, bo, cato}) check_no_results(s.state_of(token));

    s.go_to_step(s.nord, 2);  // conclude: the vote is over
    const json state = s.state_of(cato);
    std::map<Id, int> dots;
    for (const auto& n : state["notes"]) dots[n["id"].get<Id>()] = n["dots"].get<int>();
    CHECK(dots == std::map<Id, int>{{first, 3}, {second, 1}, {third, 0}});       // the twin is merged away
    CHECK(state["activity"]["results"]["top"] == json::array({first, second}));  // no dots: not top
    // Every phone of the group is told the same winners, as the projector marks them.
    CHECK(s.state_of(anna)["activity"]["results"] == state["activity"]["results"]);
}

TEST_CASE("the top notes follow the projector's rule: competition ranks 1 to 3, ties share a place") {
    TestServer s;
    std::vector<std::string> phones;
    for (int i = 0; i < 6; ++i) phones.push_back(s.join(s.nord));
    std::vector<Id> notes;
    for (int i = 0; i < 5; ++i) notes.push_back(note_id(s.post_note(phones[i], "n", "Lapp " + std::to_string(i))));
    s.go_to_step(s.nord, 1);
    // Totals 4, 3, 3, 0, 1: ranks 1, 2, 2, -, 4 — the fourth place is not marked.
    const std::vector<std::pair<int, int>> dots = {{0, 4}, {1, 3}, {2, 3}, {4, 1}};
    int phone = 0, spent = 0;
    for (const auto& [note, n] : dots)
        for (int k = 0; k < n; ++k) {
            REQUIRE(vote(s, phones[static_cast<std::size_t>(phone)], notes[static_cast<std::size_t>(note)])->status ==
                    201);
            if (++spent % 2 == 0) ++phone;
        }
    s.go_to_step(s.nord, 2);
    CHECK(s.state_of(phones[0])["activity"]["results"]["top"] == json::array({notes[0], notes[1], notes[2]}));
}

TEST_CASE("the table screen sees what a phone that wrote nothing sees: no hidden note, no running total") {
    TestServer s;
    const std::string anna = s.join(s.nord, "Anna Berg"), bo = s.join(s.nord);
    const Id hidden = note_id(s.post_note(anna, "a1", "Hemmelig til avsløring"));
    note_id(s.post_note(bo, "b1", "Bos egen lapp"));
    s.post_note(s.join(s.sor), "x1", "Fra den andre gruppen");

    auto res = table_state(s, s.nord);
    REQUIRE(res->status == 200);
    json table = json::parse(res->body);
    CHECK(table["participant"].is_null());
    CHECK(table["group"]["name"] == "Oppvekst Nordvik");
    CHECK(table["activity"]["step"]["index"] == 0);
    CHECK(table["notes"].empty());  // a silent write: nobody's notes show yet
    CHECK(res->body.find("Hemmelig") == std::string::npos);
    CHECK(res->body.find("Anna") == std::string::npos);
    CHECK(res->body.find("andre gruppen") == std::string::npos);
    const Revision before = table["revision"];
    CHECK(json::parse(table_state(s, s.nord, "&since=" + std::to_string(before))->body)["unchanged"] == true);

    s.go_to_step(s.nord, 1);  // the vote: the board shows, its totals never
    REQUIRE(vote(s, bo, hidden)->status == 201);
    REQUIRE(vote(s, bo, hidden)->status == 201);
    res = table_state(s, s.nord, "&since=" + std::to_string(before));
    table = json::parse(res->body);
    CHECK_FALSE(table.contains("unchanged"));  // it follows the step
    CHECK(table["activity"]["step"]["kind"] == "vote");
    CHECK(table["notes"].size() == 2);
    for (const auto& n : table["notes"]) {
        CHECK(n["my_votes"] == 0);
        CHECK(n["mine"] == false);
    }
    check_no_results(table);
    CHECK(res->body.find("Anna") == std::string::npos);

    s.go_to_step(s.nord, 2);
    table = json::parse(table_state(s, s.nord)->body);
    CHECK(table["activity"]["results"]["top"] == json::array({hidden}));
    for (const auto& n : table["notes"]) CHECK(n["dots"] == (n["id"] == hidden ? 2 : 0));
}

TEST_CASE("the table screen: a wrong code is 403, an unknown or archived group 404, the page at /table") {
    TestServer s;
    auto res = s.client().Get("/api/table/state?room=NOPE99&group=" + std::to_string(s.nord));
    CHECK(res->status == 403);
    CHECK(error_code(res) == "room_code_invalid");
    res = table_state(s, 9999);
    CHECK(res->status == 404);
    CHECK(error_code(res) == "group_not_found");
    CHECK(s.client().Get("/api/table/state?room=" + s.code + "&group=abc")->status == 404);
    s.facilitate(cmd::ArchiveGroup{s.sor, true});
    CHECK(table_state(s, s.sor)->status == 404);
    CHECK(s.client().Get("/api/table/state?room=abc234&group=" + std::to_string(s.nord))->status == 200);

    res = s.client().Get("/table?room=" + s.code + "&group=" + std::to_string(s.nord));
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(res->body.find("table.js") != std::string::npos);
    CHECK(res->has_header("Content-Security-Policy"));
}

TEST_CASE("guessing room codes on the table screen is slowed down with 429 like the look-up") {
    TestServer s;
    int wrong = 0;
    const auto started = std::chrono::steady_clock::now();
    for (; wrong < 150; ++wrong) {
        auto res = s.client().Get("/api/table/state?room=GUESS" + std::to_string(wrong % 10) + "&group=1");
        REQUIRE(res);
        if (res->status == 429) break;
        CHECK(res->status == 403);
    }
    // A room's typos, then one a second: a slow machine (Wine's loopback) earns one more for
    // each second the guesses took.
    const auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
    CHECK(wrong >= 100);
    CHECK(wrong <= 100 + static_cast<int>(took.count()) + 1);
    CHECK(table_state(s, s.nord)->status == 429);  // past its budget, even the right code
}
