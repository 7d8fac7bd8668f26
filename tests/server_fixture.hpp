// A real participant server on 127.0.0.1 port 0 over a real SQLite file, driven by httplib's
// client, plus a raw socket for requests httplib's client refuses to send and, for the
// facilitator's side, the loopback control surface.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "platform/sockets.hpp"
#include "server/control_server.hpp"
#include "server/participant_server.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

namespace samling::testing {

using nlohmann::json;

struct TestServer {
    TempDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Hub> hub;
    std::unique_ptr<ParticipantServer> server;
    int port = 0;
    Id nord = 0, sor = 0;
    std::string code = "ABC234";

    std::shared_ptr<const ExerciseCatalog> catalog;
    ServerConfig config{"127.0.0.1", 0};  // what start() serves with: change it, then restart()

    // A room with two groups, both running `exercise` of `catalog` in its first step.
    explicit TestServer(std::shared_ptr<const ExerciseCatalog> c = test_catalog(), const std::string& exercise = "ex")
        : catalog(std::move(c)) {
        start();
        REQUIRE(hub->submit(cmd::OpenRoom{"Rom", code, Language::nb}).ok());
        nord = hub->submit(cmd::AddGroup{"Oppvekst Nordvik"})->subject;
        sor = hub->submit(cmd::AddGroup{"Barnevern og PPT"})->subject;
        REQUIRE(hub->submit(cmd::StartExercise{nord, exercise}).ok());
        REQUIRE(hub->submit(cmd::StartExercise{sor, exercise}).ok());
    }
    ~TestServer() { stop(); }

    void start() {
        auto s = Store::open(dir.path);
        REQUIRE(s.ok());
        store = std::move(s.value());
        auto w = store->load(catalog);
        REQUIRE(w.ok());
        hub = std::make_unique<Hub>(*store, std::move(w.value()));
        // The real page's files, with two small stand-ins whose bytes the tests know.
        auto real = WebAssets::load(std::filesystem::path(SAMLING_SOURCE_DIR) / "assets" / "web");
        REQUIRE(real.ok());
        WebAssets assets = std::move(real.value());
        assets.add("index.html", {"text/html; charset=utf-8", "<!doctype html><title>Samling</title>"});
        assets.add("app.js", {"text/javascript; charset=utf-8", "console.log('hei')"});
        server = std::make_unique<ParticipantServer>(std::move(assets), config);
        auto p = server->bind();
        REQUIRE(p.ok());
        port = p.value();
        server->start(*hub);
    }

    void stop() {
        server.reset();
        hub.reset();
        store.reset();
    }

    // As if the laptop was closed and Samling started again on the same data folder.
    void restart() {
        stop();
        start();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(10, 0);
        return c;
    }

    static httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

    std::string join(Id group, const std::string& name = "") {
        json body = {{"code", code}, {"group", group}};
        if (!name.empty()) body["name"] = name;
        auto res = client().Post("/api/join", body.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 201);
        return json::parse(res->body)["token"].get<std::string>();
    }

    httplib::Result post_note(const std::string& token, const std::string& client_id, const std::string& text) {
        return client().Post("/api/notes", bearer(token), json{{"client_id", client_id}, {"text", text}}.dump(),
                             "application/json");
    }

    void go_to_step(Id group, int step) { REQUIRE(hub->submit(cmd::GoToStep{group, step}).ok()); }

    // The facilitator's command, as the projector would post it; returns its subject.
    Id facilitate(Command c) {
        auto r = hub->submit(std::move(c));
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return r->subject;
    }

    json state_of(const std::string& token, const std::string& query = "") {
        auto res = client().Get("/api/state" + query, bearer(token));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return json::parse(res->body);
    }

    // Sends bytes as they are and returns the whole answer (the server closes after one).
    std::string raw(const std::string& request) const {
        const platform::Socket fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        (void)platform::send_some(fd, request.data(), request.size());
        std::string answer;
        char buf[4096];
        for (long n; platform::wait_socket(fd, false, 5000) && (n = platform::receive_some(fd, buf, sizeof buf)) > 0;)
            answer.append(buf, static_cast<size_t>(n));
        platform::close_socket(fd);
        return answer;
    }
};

// The same server with the facilitator's loopback control surface beside it.
struct ControlFixture : TestServer {
    ControlServer control{"s3cret-token-for-tests-0123456789"};
    int control_port = 0;
    explicit ControlFixture(std::shared_ptr<const ExerciseCatalog> c = test_catalog(),
                            const std::string& exercise = "ex")
        : TestServer(std::move(c), exercise) {
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

// The participant a phone's token belongs to: tokens are "ID.SECRET".
inline Id participant_of(const std::string& token) {
    return std::stoll(token.substr(0, token.find('.')));
}

// The note a POST answered with: 201 (created), or with `replay_ok` also 200 (a retry's replay).
inline Id note_id(const httplib::Result& res, bool replay_ok = false) {
    REQUIRE(res);
    REQUIRE_MESSAGE((res->status == 201 || (replay_ok && res->status == 200)), res->body);
    return json::parse(res->body)["note"]["id"].get<Id>();
}

inline std::string error_code(const httplib::Result& res) {
    REQUIRE(res);
    auto body = json::parse(res->body, nullptr, false);
    if (body.is_discarded() || !body.contains("error")) return "<no error body: " + res->body + ">";
    CHECK(body["error"]["message"].is_string());
    return body["error"]["code"].get<std::string>();
}

}  // namespace samling::testing
