// The table lead through a real loopback server: naming a lead, "first to ask takes it" with the
// facilitator's yes, the lead's board commands limited to its own group, and Ctrl+Z taking them back.
#include <doctest/doctest.h>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

httplib::Result lead(TestServer& s, const std::string& token, const json& command) {
    return s.client().Post("/api/lead/commands", TestServer::bearer(token), command.dump(), "application/json");
}

httplib::Result ask_to_lead(TestServer& s, const std::string& token) {
    return s.client().Post("/api/lead/request", TestServer::bearer(token), "{}", "application/json");
}

// Two phones in Nordvik and one in the other group, each with a note, on the revealed board of
// problem definition's organise step.
struct LeadRoom {
    TestServer s{shipped_catalog(), "problem_definition"};
    std::string kari = s.join(s.nord, "Kari"), ola = s.join(s.nord, "Ola"), per = s.join(s.sor, "Per");
    Id tid = note_id(s.post_note(kari, "k1", "Vi har ikke tid til samarbeid"));
    Id tid_igjen = note_id(s.post_note(ola, "o1", "Ikke tid til samarbeid"));
    Id losning = note_id(s.post_note(ola, "o2", "Vi burde ha et felles møte"));
    Id andre = note_id(s.post_note(per, "p1", "Barnevernet får beskjed for sent"));
    LeadRoom() {
        for (Id g : {s.nord, s.sor}) {
            s.go_to_step(g, 1);  // reveal
            s.go_to_step(g, 2);  // themes: organise
        }
    }
    const Note& note(Id id) const { return *s.hub->snapshot()->note(id); }
};

}  // namespace

TEST_CASE("the table lead arranges its own board through the hub, and Ctrl+Z on the projector takes it back") {
    LeadRoom r;
    TestServer& s = r.s;
    s.facilitate(cmd::SetLead{s.nord, participant_of(r.kari)});
    CHECK(s.state_of(r.kari)["participant"]["lead"] == true);
    CHECK(s.state_of(r.ola)["participant"]["lead"] == false);
    CHECK(s.state_of(r.ola)["group"]["has_lead"] == true);

    // A tema with Kari's note, Ola's duplicate folded into it, a new name, and a solution parked.
    auto made = lead(s, r.kari,
                     {{"command", "make_cluster"},
                      {"group", s.nord},
                      {"zone", "observations"},
                      {"name", "Tid"},
                      {"notes", {r.tid}}});
    REQUIRE(made);
    REQUIRE_MESSAGE(made->status == 200, made->body);
    const Id tema = json::parse(made->body)["subject"].get<Id>();
    CHECK(r.note(r.tid).cluster == tema);
    REQUIRE(lead(s, r.kari, {{"command", "rename_cluster"}, {"cluster", tema}, {"name", "Tid og rom"}})->status == 200);
    CHECK(s.hub->snapshot()->cluster(tema)->name == "Tid og rom");
    REQUIRE(lead(s, r.kari, {{"command", "set_cluster"}, {"note", r.tid_igjen}, {"cluster", tema}})->status == 200);
    CHECK(r.note(r.tid_igjen).cluster == tema);
    REQUIRE(lead(s, r.kari, {{"command", "merge_notes"}, {"keep", r.tid}, {"absorb", r.tid_igjen}})->status == 200);
    CHECK(r.note(r.tid_igjen).merged_into == r.tid);
    REQUIRE(lead(s, r.kari, {{"command", "place_note"}, {"note", r.losning}, {"zone", "parking"}})->status == 200);
    CHECK(r.note(r.losning).zone == "parking");

    // Ctrl+Z (the projector's UndoLast) takes the lead's actions back, newest first.
    s.facilitate(cmd::UndoLast{});
    CHECK(r.note(r.losning).zone == "observations");
    s.facilitate(cmd::UndoLast{});
    CHECK(r.note(r.tid_igjen).merged_into == 0);
    s.facilitate(cmd::UndoLast{});
    CHECK(r.note(r.tid_igjen).cluster == 0);
    s.facilitate(cmd::UndoLast{});
    CHECK(s.hub->snapshot()->cluster(tema)->name == "Tid");

    // The conclusion, typed by the lead, and the run saved in the log; undone likewise.
    s.go_to_step(s.nord, 4);
    REQUIRE(lead(s, r.kari,
                 {{"command", "set_conclusion"},
                  {"group", s.nord},
                  {"field", "statement"},
                  {"text", "Vi mangler tid til samarbeid"}})
                ->status == 200);
    const Id run = s.hub->snapshot()->current_run(s.nord)->id;
    CHECK(s.hub->snapshot()->conclusion(run, "statement") == "Vi mangler tid til samarbeid");
    REQUIRE(lead(s, r.kari, {{"command", "conclude_run"}, {"group", s.nord}})->status == 200);
    CHECK(s.hub->snapshot()->current_run(s.nord)->concluded_at != 0);
    s.facilitate(cmd::UndoLast{});
    CHECK(s.hub->snapshot()->current_run(s.nord)->concluded_at == 0);
}

TEST_CASE("a lead command from another phone, for another group or of another kind is refused with its code") {
    LeadRoom r;
    TestServer& s = r.s;
    s.facilitate(cmd::SetLead{s.nord, participant_of(r.kari)});
    const Revision before = s.hub->snapshot()->revision();

    auto plain = lead(s, r.ola, {{"command", "place_note"}, {"note", r.losning}, {"zone", "parking"}});
    CHECK(plain->status == 403);
    CHECK(error_code(plain) == "not_lead");
    auto elsewhere = lead(s, r.kari, {{"command", "place_note"}, {"note", r.andre}, {"zone", "parking"}});
    CHECK(elsewhere->status == 403);
    CHECK(error_code(elsewhere) == "other_group");
    auto other_board = lead(s, r.kari,
                            {{"command", "make_cluster"},
                             {"group", s.sor},
                             {"zone", "observations"},
                             {"name", "Sent"},
                             {"notes", {r.andre}}});
    CHECK(other_board->status == 403);
    CHECK(error_code(other_board) == "other_group");
    auto conclude_other = lead(s, r.kari, {{"command", "conclude_run"}, {"group", s.sor}});
    CHECK(conclude_other->status == 403);
    auto steps = lead(s, r.kari, {{"command", "go_to_step"}, {"group", s.nord}, {"step", 3}});
    CHECK(steps->status == 422);
    CHECK(error_code(steps) == "not_lead_command");
    auto everyone = lead(s, r.kari, {{"command", "conclude_run"}, {"group", "all"}});
    CHECK(everyone->status == 400);
    auto no_token = s.client().Post("/api/lead/commands", "{\"command\": \"undo\"}", "application/json");
    CHECK(no_token->status == 401);
    CHECK(s.hub->snapshot()->revision() == before);  // nothing refused changed anything
    CHECK(r.note(r.andre).zone == "observations");

    // The facilitator takes the lead away: Kari's phone is a plain phone again.
    s.facilitate(cmd::SetLead{s.nord, 0});
    CHECK(s.state_of(r.kari)["participant"]["lead"] == false);
    auto removed = lead(s, r.kari, {{"command", "place_note"}, {"note", r.losning}, {"zone", "parking"}});
    CHECK(removed->status == 403);
    CHECK(error_code(removed) == "not_lead");
    // A lead who moves to another table leads nothing there.
    s.facilitate(cmd::SetLead{s.nord, participant_of(r.ola)});
    s.facilitate(cmd::MoveParticipant{participant_of(r.ola), s.sor});
    CHECK(error_code(lead(s, r.ola, {{"command", "place_note"}, {"note", r.andre}, {"zone", "parking"}})) ==
          "not_lead");
    CHECK(s.state_of(r.kari)["group"]["has_lead"] == false);
}

TEST_CASE("first to ask takes it: a phone leads once the facilitator says yes, and stays lead after a restart") {
    LeadRoom r;
    TestServer& s = r.s;
    auto asked = ask_to_lead(s, r.kari);
    REQUIRE(asked);
    CHECK(asked->status == 201);
    CHECK(s.state_of(r.kari)["participant"]["lead_asked"] == true);
    CHECK(s.state_of(r.kari)["participant"]["lead"] == false);
    // Until confirmed the phone is not lead.
    CHECK(error_code(lead(s, r.kari, {{"command", "place_note"}, {"note", r.tid}, {"zone", "parking"}})) == "not_lead");
    CHECK(ask_to_lead(s, r.kari)->status == 200);  // asking again changes nothing
    auto second = ask_to_lead(s, r.ola);
    CHECK(second->status == 409);
    CHECK(error_code(second) == "lead_taken");
    CHECK(s.hub->snapshot()->lead_asked(s.nord) == participant_of(r.kari));

    // The projector's yes (A) is SetLead for the phone that asked.
    s.facilitate(cmd::SetLead{s.nord, participant_of(r.kari)});
    CHECK(s.state_of(r.kari)["participant"]["lead"] == true);
    CHECK(s.state_of(r.kari)["participant"]["lead_asked"] == false);
    CHECK(ask_to_lead(s, r.ola)->status == 409);

    // Shift+A says no: the phone that asked is a plain phone, and another may ask.
    CHECK(ask_to_lead(s, r.per)->status == 201);
    s.facilitate(cmd::DeclineLead{s.sor});
    CHECK(s.state_of(r.per)["participant"]["lead_asked"] == false);
    CHECK(s.hub->snapshot()->lead_of(s.sor) == 0);
    CHECK(ask_to_lead(s, r.per)->status == 201);

    s.restart();
    CHECK(s.state_of(r.kari)["participant"]["lead"] == true);
    CHECK(s.state_of(r.per)["participant"]["lead_asked"] == true);
    REQUIRE(lead(s, r.kari, {{"command", "place_note"}, {"note", r.losning}, {"zone", "parking"}})->status == 200);
}

TEST_CASE("set_lead on the control surface names and clears a group's lead, and undo brings it back") {
    ControlFixture s;
    const std::string kari = s.join(s.nord, "Kari");
    const Id id = participant_of(kari);
    const auto lead_in_state = [&] {
        httplib::Client c("127.0.0.1", s.control_port);
        auto res = c.Get("/control/state", TestServer::bearer("s3cret-token-for-tests-0123456789"));
        REQUIRE(res);
        const json state = json::parse(res->body);
        for (const auto& g : state["groups"])
            if (g["id"] == s.nord) return g["lead"];
        return json("no such group");
    };
    REQUIRE(s.command({{"command", "set_lead"}, {"group", s.nord}, {"participant", id}})->status == 200);
    CHECK(lead_in_state() == id);
    REQUIRE(s.command({{"command", "set_lead"}, {"group", s.nord}, {"participant", nullptr}})->status == 200);
    CHECK(lead_in_state().is_null());
    REQUIRE(s.command({{"command", "undo"}})->status == 200);
    CHECK(lead_in_state() == id);
    // Only a participant of that group may lead it.
    const std::string per = s.join(s.sor, "Per");
    auto wrong = s.command({{"command", "set_lead"}, {"group", s.nord}, {"participant", participant_of(per)}});
    CHECK(wrong->status == 400);
    CHECK(error_code(wrong) == "invalid_request");
}
