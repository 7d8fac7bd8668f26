// Routes of a facilitator remote: POST /api/remote/pair, POST /api/remote/commands,
// GET /api/remote/state. Each command is logged on standard error with the remote that sent it.
#include "server/remote_routes.hpp"

#include <chrono>
#include <iostream>

#include "core/secrets.hpp"
#include "core/text.hpp"
#include "hub/hub.hpp"
#include "server/control_commands.hpp"
#include "server/http_helpers.hpp"
#include "server/remote_views.hpp"

namespace samling {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

// A command as the log shows it: its JSON, cut short (on a whole character) so a long body
// cannot flood the terminal.
std::string logged(const json& body) {
    const std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
    const std::string_view head = text::first_characters(text, 200);
    return head.size() < text.size() ? std::string(head) + "…" : text;
}

}  // namespace

std::optional<Id> RemoteRoutes::authenticate(const Request& req, Response& res, RateLimiter& limiter) {
    const std::string token = http::bearer_token(req);
    const auto state = hub_().snapshot();
    const auto who = token.empty() ? std::nullopt : state->authenticate_remote(token);
    if (!who) {
        if (!token.empty() && state->authenticate(token))
            http::send_error(res, 403, "not_remote", "A participant's token has no facilitator powers.");
        else
            http::send_error(res, 401, "unauthorized", "Pair this remote from the pairing QR (no valid token).");
        return std::nullopt;
    }
    if (int wait = limiter.take("r" + std::to_string(*who)); wait > 0) {
        http::send_rate_limited(res, wait);
        return std::nullopt;
    }
    return who;
}

void RemoteRoutes::add_to(httplib::Server& http, std::function<Hub&()> hub) {
    hub_ = std::move(hub);

    // {"pairing": TOKEN, "name": "Kari"} -> 201 {"remote": {"id", "name"}, "token"}. The pairing
    // token is spent here, so the QR it came from pairs nothing more (core/remote_pairing.hpp).
    http.Post("/api/remote/pair", [this](const Request& req, Response& res) {
        if (int wait = pairings_.take(http::peer_address(req)); wait > 0) return http::send_rate_limited(res, wait);
        auto body = http::json_body(req, res);
        if (!body) return;
        const json& pairing = body->contains("pairing") ? (*body)["pairing"] : json();
        const json& name = body->contains("name") ? (*body)["name"] : json();
        if (!pairing.is_string() || !name.is_string())
            return http::send_error(res, 400, "bad_request", "Send \"pairing\" (from the QR) and \"name\".");
        const std::string token = pairing.get<std::string>();
        if (!hub_().take_remote_pairing(token, http::now_ms()))
            return http::send_error(res, 401, "pairing_expired",
                                    "This pairing code was used or is too old: show the pairing QR again.");
        const std::string secret = secrets::token_secret();
        auto r = hub_().submit(cmd::PairRemote{name.get<std::string>(), secret});
        if (!r) {
            hub_().give_back_remote_pairing(token);  // a bad name: the same QR may try again
            return http::send_error(res, r.error());
        }
        const Remote& remote = *r->state->remote(r->subject);
        std::cerr << "samling: remote " << remote.id << " (" << remote.name << ") paired from "
                  << http::peer_address(req) << std::endl;
        http::send_json(res, 201,
                        {{"remote", {{"id", remote.id}, {"name", remote.name}}},
                         {"token", "r" + std::to_string(remote.id) + "." + secret}});
    });

    http.Get("/api/remote/state", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, polls_);
        if (!who) return;
        const auto state = hub_().snapshot();
        http::send_json(res, 200, remote_overview(*state, hub_().presence(), http::now_ms(), *state->remote(*who)));
    });

    // One command of the control surface's form, its full set, as the facilitator's keys send it.
    http.Post("/api/remote/commands", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, commands_);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        const auto state = hub_().snapshot();
        const Remote& remote = *state->remote(*who);
        auto command = parse_control_command(*body, state.get());
        std::cerr << "samling: remote " << remote.id << " (" << remote.name << "): " << logged(*body)
                  << (command ? "" : " (refused: not a command)") << std::endl;
        if (!command) return http::send_error(res, command.error());
        auto r = hub_().submit(std::move(command.value()));
        if (!r) return http::send_error(res, r.error());
        json answer = {{"subject", r->subject}, {"created", r->created}, {"revision", r->state->revision()}};
        if (r->refused > 0) answer["refused"] = r->refused;
        http::send_json(res, 200, answer);
    });
}

}  // namespace samling
