// Specification of the facilitator remote through a real loopback server: pairing from the QR's
// one-time token, the control surface's commands from the LAN, the overview, revoking, limits,
// and broadcast messages to the phones; and a room of 27 tables run from the remote and the
// table leads' phones alone.
#include <thread>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

Timestamp now() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const std::string control_token = "s3cret-token-for-tests-0123456789";

json control_get(ControlFixture& f, const std::string& path) {
    httplib::Client c("127.0.0.1", f.control_port);
    auto res = c.Get(path, TestServer::bearer(control_token));
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body);
}

httplib::Result pair(const TestServer& f, const std::string& pairing, const std::string& name) {
    return f.client().Post("/api/remote/pair", json{{"pairing", pairing}, {"name", name}}.dump(), "application/json");
}

// Pairs a remote from the pairing offer the control surface shows; returns its bearer token.
std::string pair_remote(ControlFixture& f, const std::string& name) {
    const json offer = control_get(f, "/control/remote");
    auto res = pair(f, offer["token"].get<std::string>(), name);
    REQUIRE(res);
    REQUIRE(res->status == 201);
    return json::parse(res->body)["token"].get<std::string>();
}

httplib::Result remote_command(const TestServer& f, const std::string& token, const json& body) {
    return f.client().Post("/api/remote/commands", TestServer::bearer(token), body.dump(), "application/json");
}

}  // namespace

TEST_CASE("a remote pairs once from the pairing QR's token, and a photo of that QR pairs nothing later") {
    ControlFixture f;
    const json offer = control_get(f, "/control/remote");
    const std::string pairing = offer["token"].get<std::string>();
    CHECK(pairing.size() >= 32);  // 128 bits of hex at least
    CHECK(offer["url"].get<std::string>().ends_with("/remote.html#pair=" + pairing));
    CHECK(control_get(f, "/control/remote")["token"] == pairing);  // the same QR until it is used

    auto res = pair(f, pairing, "Kari");
    REQUIRE(res->status == 201);
    const json paired = json::parse(res->body);
    CHECK(paired["remote"]["name"] == "Kari");
    const std::string token = paired["token"].get<std::string>();
    CHECK(token.starts_with("r" + std::to_string(paired["remote"]["id"].get<Id>()) + "."));
    CHECK(token.size() >= 1 + 1 + 32);

    // The token it was paired with is spent: the same QR again is refused, and a new one is shown.
    res = pair(f, pairing, "Ola");
    CHECK(res->status == 401);
    CHECK(error_code(res) == "pairing_expired");
    CHECK(control_get(f, "/control/remote")["token"] != pairing);

    const json state = control_get(f, "/control/state");
    REQUIRE(state["remotes"].size() == 1);
    CHECK(state["remotes"][0]["name"] == "Kari");
    CHECK(state["remotes"][0]["paired_at"].get<Timestamp>() > 0);
    CHECK_FALSE(state["remotes"][0].contains("secret_hash"));
}

TEST_CASE("a pairing with a bad name keeps the QR's token for the next try") {
    ControlFixture f;
    const std::string pairing = control_get(f, "/control/remote")["token"].get<std::string>();
    auto res = pair(f, pairing, "   ");
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_empty");
    CHECK(pair(f, pairing, "Kari")->status == 201);
}

TEST_CASE("a pairing token is good for ten minutes, then a new one is offered") {
    RemotePairing p;
    const std::string first = p.offer(1'000);
    CHECK(p.offer(1'000 + pairing_lifetime_ms - 1) == first);
    CHECK_FALSE(p.take(first, 1'000 + pairing_lifetime_ms));  // a photo taken then is no use now
    const std::string second = p.offer(1'000 + pairing_lifetime_ms);
    CHECK(second != first);
    CHECK(p.take(second, 1'000 + pairing_lifetime_ms + 5));
    CHECK_FALSE(p.take(second, 1'000 + pairing_lifetime_ms + 6));
}

TEST_CASE("a remote sends the control surface's commands and sees the overview with its own name") {
    ControlFixture f;
    const std::string phone = f.join(f.nord, "Per");
    REQUIRE(f.post_note(phone, "c1", "Hemmelig lapp")->status == 201);
    const std::string kari = pair_remote(f, "Kari");
    auto res = remote_command(f, kari, {{"command", "go_to_step"}, {"group", f.nord}, {"step", 1}});
    REQUIRE(res->status == 200);
    CHECK(f.hub->snapshot()->current_run(f.nord)->step == 1);
    // "all" as the control surface reads it: every group at once, one action.
    res = remote_command(f, kari, {{"command", "timer"}, {"group", "all"}, {"action", "start"}});
    REQUIRE(res->status == 200);
    CHECK(f.hub->snapshot()->current_run(f.nord)->timer.running());
    CHECK(f.hub->snapshot()->current_run(f.sor)->timer.running());

    res = f.client().Get("/api/remote/state", TestServer::bearer(kari));
    REQUIRE(res->status == 200);
    const json overview = json::parse(res->body);
    CHECK(overview["remote"]["name"] == "Kari");
    REQUIRE(overview["groups"].size() == 2);
    CHECK(overview["groups"][0]["name"] == "Oppvekst Nordvik");
    CHECK(overview["groups"][0]["run"]["step"] == 1);
    CHECK(overview["groups"][0]["run"]["steps"].get<int>() > 1);
    CHECK(overview["groups"][0]["run"]["timer"]["running"] == true);
    CHECK(overview["groups"][0]["participants"] == 1);
    CHECK(res->body.find("Hemmelig lapp") == std::string::npos);  // counts, never a note's text
    // The people at the table by name, to name a table lead from the remote; none is lead yet.
    CHECK(overview["groups"][0]["people"] == json::array({{{"id", participant_of(phone)}, {"name", "Per"}}}));
    CHECK(overview["groups"][0]["lead"].is_null());
    CHECK(overview["groups"][1]["people"] == json::array());

    // Refused commands are the control surface's answers, too.
    CHECK(remote_command(f, kari, {{"command", "explode"}})->status == 400);
}

TEST_CASE("a remote names a table lead, and answers a phone's ask to lead") {
    ControlFixture f;
    const std::string per = f.join(f.nord, "Per"), eva = f.join(f.nord, "Eva"), tor = f.join(f.sor, "Tor");
    const std::string kari = pair_remote(f, "Kari");
    const auto nord = [&] {
        auto res = f.client().Get("/api/remote/state", TestServer::bearer(kari));
        REQUIRE(res->status == 200);
        return json::parse(res->body)["groups"][0];
    };
    CHECK(nord()["people"].size() == 2);

    REQUIRE(remote_command(f, kari, {{"command", "set_lead"}, {"group", f.nord}, {"participant", participant_of(eva)}})
                ->status == 200);
    CHECK(nord()["lead"] == participant_of(eva));
    CHECK(f.hub->snapshot()->lead_of(f.nord) == participant_of(eva));
    // A phone of another group is no lead of this one.
    CHECK(remote_command(f, kari, {{"command", "set_lead"}, {"group", f.nord}, {"participant", participant_of(tor)}})
              ->status == 400);
    CHECK(nord()["lead"] == participant_of(eva));

    // No lead, then "first to ask": the remote sees the ask and says no.
    REQUIRE(remote_command(f, kari, {{"command", "set_lead"}, {"group", f.nord}, {"participant", nullptr}})->status ==
            200);
    REQUIRE(f.client().Post("/api/lead/request", TestServer::bearer(per), "{}", "application/json")->status == 201);
    CHECK(nord()["lead_asked"] == participant_of(per));
    REQUIRE(remote_command(f, kari, {{"command", "decline_lead"}, {"group", f.nord}})->status == 200);
    CHECK(nord()["lead_asked"].is_null());
    CHECK(nord()["lead"].is_null());
}

TEST_CASE("a participant's token on the remote's calls is 403, a made-up one 401") {
    ControlFixture f;
    const std::string phone = f.join(f.nord, "Per");
    auto res = remote_command(f, phone, {{"command", "reveal"}, {"group", f.nord}});
    CHECK(res->status == 403);
    CHECK(error_code(res) == "not_remote");
    CHECK(f.client().Get("/api/remote/state", TestServer::bearer(phone))->status == 403);
    CHECK(remote_command(f, "r1.00000000000000000000000000000000", {{"command", "undo"}})->status == 401);
    CHECK(remote_command(f, "", {{"command", "undo"}})->status == 401);
    // And a remote's token is no phone's.
    const std::string kari = pair_remote(f, "Kari");
    CHECK(f.client().Get("/api/state", TestServer::bearer(kari))->status == 401);
}

TEST_CASE("two remotes are paired at once; one revoked is 401 from then on, the other carries on") {
    ControlFixture f;
    const std::string kari = pair_remote(f, "Kari");
    const std::string ola = pair_remote(f, "Ola");
    json state = control_get(f, "/control/state");
    REQUIRE(state["remotes"].size() == 2);
    const Id kari_id = state["remotes"][0]["id"].get<Id>();
    CHECK(remote_command(f, kari, {{"command", "reveal"}, {"group", f.nord}})->status == 200);
    CHECK(remote_command(f, ola, {{"command", "reveal"}, {"group", f.sor}})->status == 200);

    auto res = f.command({{"command", "revoke_remote"}, {"remote", kari_id}});
    REQUIRE(res->status == 200);
    CHECK(remote_command(f, kari, {{"command", "reveal"}, {"group", f.nord}})->status == 401);
    CHECK(f.client().Get("/api/remote/state", TestServer::bearer(kari))->status == 401);
    CHECK(remote_command(f, ola, {{"command", "lock_writing"}, {"group", f.sor}})->status == 200);
    state = control_get(f, "/control/state");
    REQUIRE(state["remotes"].size() == 1);
    CHECK(state["remotes"][0]["name"] == "Ola");
    // Revoking is no step of undo: Ctrl+Z takes back the lock, never the revocation.
    REQUIRE(f.command({{"command", "undo"}})->status == 200);
    CHECK(remote_command(f, kari, {{"command", "reveal"}, {"group", f.nord}})->status == 401);
    CHECK_FALSE(f.hub->snapshot()->current_run(f.sor)->writing_locked);
}

TEST_CASE("remotes and their revocation survive a restart; only a digest of the token is stored") {
    TestServer f;
    auto res = pair(f, f.hub->remote_pairing_offer(now()), "Kari");
    REQUIRE(res->status == 201);
    const std::string kari = json::parse(res->body)["token"].get<std::string>();
    res = pair(f, f.hub->remote_pairing_offer(now()), "Ola");
    REQUIRE(res->status == 201);
    const std::string ola = json::parse(res->body)["token"].get<std::string>();
    f.facilitate(cmd::RevokeRemote{f.hub->snapshot()->authenticate_remote(ola).value()});
    f.restart();
    CHECK(f.client().Get("/api/remote/state", TestServer::bearer(kari))->status == 200);
    CHECK(f.client().Get("/api/remote/state", TestServer::bearer(ola))->status == 401);
    // The store file holds no token, only digests.
    std::ifstream file(f.dir.path / "samling.sqlite3", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK(bytes.find(kari.substr(kari.find('.') + 1)) == std::string::npos);
}

TEST_CASE("a remote's commands are rate-limited with 429 and Retry-After") {
    ControlFixture f;
    const std::string kari = pair_remote(f, "Kari");
    int limited = 0;
    std::string retry_after;
    for (int i = 0; i < 60 && limited == 0; ++i) {
        auto res = remote_command(f, kari, {{"command", "explode"}});
        if (res->status == 429) {
            ++limited;
            retry_after = res->get_header_value("Retry-After");
        }
    }
    CHECK(limited == 1);
    CHECK(std::stoi(retry_after) >= 1);
    // Another remote has its own budget.
    CHECK(remote_command(f, pair_remote(f, "Ola"), {{"command", "explode"}})->status == 400);
}

TEST_CASE("pairing tries are rate-limited per address") {
    ControlFixture f;
    int limited = 0;
    for (int i = 0; i < 20; ++i) limited += pair(f, "00000000000000000000000000000000", "Kari")->status == 429;
    CHECK(limited >= 5);
}

TEST_CASE("a broadcast reaches every phone, or only the chosen groups', and is at most 140 code points") {
    ControlFixture f;
    const std::string nord = f.join(f.nord);
    const std::string sor = f.join(f.sor);
    CHECK(f.state_of(nord)["broadcast"].is_null());
    const std::string kari = pair_remote(f, "Kari");

    // 140 letters of two bytes each is within the limit; 141 is not, and nothing is sent.
    std::string longest;
    for (int i = 0; i < 140; ++i) longest += "æ";
    auto res = remote_command(f, kari, {{"command", "broadcast"}, {"text", longest + "ø"}});
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_too_long");
    CHECK(f.state_of(nord)["broadcast"].is_null());
    CHECK(remote_command(f, kari, {{"command", "broadcast"}, {"text", longest}})->status == 200);
    CHECK(f.state_of(sor)["broadcast"]["text"] == longest);

    res = remote_command(f, kari, {{"command", "broadcast"}, {"text", "Kom tilbake til plenum om 2 minutter"}});
    REQUIRE(res->status == 200);
    const json seen = f.state_of(nord)["broadcast"];
    CHECK(seen["text"] == "Kom tilbake til plenum om 2 minutter");
    CHECK(seen["id"] == json::parse(res->body)["subject"]);
    CHECK(f.state_of(sor)["broadcast"]["id"] == seen["id"]);

    // Only Barnevern og PPT: Nordvik's phones show nothing now.
    REQUIRE(f.command({{"command", "broadcast"}, {"text", "Sør: ta pause"}, {"groups", {f.sor}}})->status == 200);
    CHECK(f.state_of(nord)["broadcast"].is_null());
    CHECK(f.state_of(sor)["broadcast"]["text"] == "Sør: ta pause");
    CHECK(f.command({{"command", "broadcast"}, {"text", "Hei"}, {"groups", {999}}})->status == 404);
    CHECK(f.command({{"command", "broadcast"}, {"text", "  "}})->status == 422);
    CHECK(control_get(f, "/control/state")["broadcast"]["text"] == "Sør: ta pause");
}

TEST_CASE("27 tables run problem definition to a logged statement from the remote and the leads' phones alone") {
    // The laptop is touched once: its pairing QR. Everything after goes over the room's network.
    ControlFixture f(shipped_catalog(), "problem_definition");
    std::vector<Id> groups = {f.nord, f.sor};
    for (int i = 3; i <= 27; ++i) groups.push_back(f.facilitate(cmd::AddGroup{"Ledergruppe " + std::to_string(i)}));
    const std::string remote = pair_remote(f, "Kari");
    const auto every_group = [&](const std::function<json(Id)>& one) {
        json commands = json::array();
        for (Id g : groups) commands.push_back(one(g));
        auto res = remote_command(f, remote, {{"command", "together"}, {"commands", commands}});
        REQUIRE(res);
        REQUIRE(res->status == 200);
    };
    every_group([](Id g) {
        return json{{"command", "start_exercise"}, {"group", g}, {"exercise", "problem_definition"}};
    });

    struct Table {
        Id group = 0;
        std::string lead, plain;
        std::vector<Id> notes;
    };
    std::vector<Table> tables;
    for (Id g : groups) {
        Table t{g, f.join(g, "Leder"), f.join(g, "Deltaker"), {}};
        for (const auto& [token, n] : {std::pair{t.lead, 0}, {t.plain, 1}, {t.plain, 2}}) {
            auto res = f.post_note(token, "n" + std::to_string(n),
                                   "Lapp " + std::to_string(n) + " ved bord " + std::to_string(g));
            REQUIRE(res->status == 201);
            t.notes.push_back(json::parse(res->body)["note"]["id"].get<Id>());
        }
        tables.push_back(std::move(t));
    }
    // One call names every table's lead (a remote calls at most 30 times in a burst, 5 a second).
    json leads = json::array();
    for (const Table& t : tables)
        leads.push_back({{"command", "set_lead"}, {"group", t.group}, {"participant", participant_of(t.lead)}});
    REQUIRE(remote_command(f, remote, {{"command", "together"}, {"commands", leads}})->status == 200);
    for (const Table& t : tables) CHECK(f.state_of(t.lead)["participant"]["lead"] == true);
    const auto lead = [&](const std::string& token, const json& command) {
        auto res = f.client().Post("/api/lead/commands", TestServer::bearer(token), command.dump(), "application/json");
        REQUIRE(res);
        return res->status;
    };

    every_group([](Id g) { return json{{"command", "go_to_step"}, {"group", g}, {"step", 1}}; });  // reveal
    every_group([](Id g) { return json{{"command", "go_to_step"}, {"group", g}, {"step", 2}}; });  // themes
    for (const Table& t : tables) {
        CHECK(lead(t.plain,
                   {{"command", "merge_notes"}, {"group", t.group}, {"keep", t.notes[1]}, {"absorb", t.notes[2]}}) ==
              403);
        CHECK(lead(t.lead, {{"command", "make_cluster"},
                            {"group", t.group},
                            {"zone", "observations"},
                            {"name", "Tid"},
                            {"notes", {t.notes[0], t.notes[1]}}}) == 200);
    }
    every_group([](Id g) { return json{{"command", "go_to_step"}, {"group", g}, {"step", 3}}; });  // vote
    for (const Table& t : tables) {
        auto res = f.client().Post("/api/votes", TestServer::bearer(t.plain), json{{"note", t.notes[0]}}.dump(),
                                   "application/json");
        REQUIRE(res);
        CHECK(res->status == 201);
    }
    every_group([](Id g) { return json{{"command", "go_to_step"}, {"group", g}, {"step", 4}}; });  // statement
    for (const Table& t : tables) {
        const std::string statement = "Bord " + std::to_string(t.group) + " mangler tid til samarbeid";
        CHECK(lead(t.lead,
                   {{"command", "set_conclusion"}, {"group", t.group}, {"field", "statement"}, {"text", statement}}) ==
              200);
        CHECK(lead(t.lead, {{"command", "conclude_run"}, {"group", t.group}}) == 200);
    }

    // Every table's statement is in its project log, and the remote's overview says each run is concluded.
    const auto w = f.hub->snapshot();
    for (const Table& t : tables) {
        CAPTURE(t.group);
        const auto log = w->project_log(t.group);
        REQUIRE(log.size() == 1);
        CHECK(w->conclusion(log[0]->id, "statement") ==
              "Bord " + std::to_string(t.group) + " mangler tid til samarbeid");
        CHECK(w->dots_on(t.notes[0]) == 1);
    }
    auto res = f.client().Get("/api/remote/state", TestServer::bearer(remote));
    REQUIRE(res->status == 200);
    const json overview = json::parse(res->body);
    REQUIRE(overview["groups"].size() == 27);
    for (const json& g : overview["groups"]) CHECK(g["run"]["concluded"] == true);
}
