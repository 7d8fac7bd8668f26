// The routing table of the participant API. Each route parses and authenticates, turns the
// request into a command or a view, and leaves every rule to the core via the hub.
#include "server/participant_server.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/participant_view.hpp"
#include "core/personal_data.hpp"
#include "core/secrets.hpp"
#include "core/text.hpp"
#include "hub/hub.hpp"
#include "platform/platform.hpp"
#include "server/asset_route.hpp"
#include "server/http_helpers.hpp"
#include "server/http_server.hpp"
#include "server/json_views.hpp"
#include "server/lead_routes.hpp"
#include "server/listener.hpp"
#include "server/rate_limiter.hpp"
#include "server/remote_routes.hpp"
#include "server/remote_views.hpp"
#include "server/request_guards.hpp"

namespace samling {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

std::optional<Id> parse_id(std::string_view s) {
    Id id = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
    return id;
}

std::optional<Id> id_field(const json& body, const char* key) {
    if (!body.contains(key)) return std::nullopt;
    const json& v = body[key];
    if (v.is_number_integer() && v.get<Id>() > 0) return v.get<Id>();
    if (v.is_string()) return parse_id(v.get<std::string>());
    return std::nullopt;
}

// Reads an optional {"name": "text"} object of note fields; false (with a 400 answer) otherwise.
bool optional_fields(const json& body, std::optional<NoteFields>& out, Response& res) {
    if (!body.contains("fields") || body["fields"].is_null()) return true;
    const json& f = body["fields"];
    NoteFields fields;
    bool ok = f.is_object();
    if (ok)
        for (auto& [k, v] : f.items()) {
            if (!v.is_string())
                ok = false;
            else
                fields[k] = v.get<std::string>();
        }
    if (!ok) {
        http::send_error(res, 400, "bad_request", "\"fields\" must be an object of texts.");
        return false;
    }
    out = std::move(fields);
    return true;
}

// Reads an optional string field; false (with a 400 answer) when it has another type.
bool optional_string(const json& body, const char* key, std::optional<std::string>& out, Response& res) {
    if (!body.contains(key) || body[key].is_null()) return true;
    if (!body[key].is_string()) {
        http::send_error(res, 400, "bad_request", std::string("\"") + key + "\" must be a string.");
        return false;
    }
    out = body[key].get<std::string>();
    return true;
}

// What a phone may be told of an error: its code and an English message for a developer (the
// page shows its own words per code, i18n/strings.json). A store that failed says so plainly; the file's path and
// SQLite's text stay on the laptop (standard error), never on a phone on the venue's Wi-Fi.
void send_phone_error(Response& res, const Error& error) {
    if (error.code == Errc::storage_failed) {
        std::fprintf(stderr, "samling: a phone's write was not stored: %s\n", error.message.c_str());
        return http::send_error(res, 503, "storage_failed",
                                "The facilitator's machine could not store this; nothing was saved. Try again later.");
    }
    http::send_error(res, error);
}

// The guard against personal data on a text a phone sends (a note, an edit, a proposal): a valid
// fødselsnummer, D- or H-nummer is refused outright, 422 personal_number; a name with an age or a
// case word is 422 looks_personal with the rules found, unless the writer chose "Send likevel"
// (`"confirm_personal": true`). Answers and returns true when it refused; nothing is stored then.
bool refuse_personal(const json& body, const std::optional<std::string>& text, Response& res) {
    if (!text) return false;
    const std::vector<PersonalRule> found = find_personal_data(*text);
    if (found.empty()) return false;
    if (is_hard(found.front())) {
        http::send_error(res, 422, "personal_number",
                         "The text holds a national identity number (fødselsnummer, D- or H-nummer); not stored.");
        return true;
    }
    const auto confirm = body.find("confirm_personal");
    if (confirm != body.end() && confirm->is_boolean() && confirm->get<bool>()) return false;
    json rules = json::array();
    for (PersonalRule r : found) rules.push_back(std::string(to_string(r)));
    json answer = error_body("looks_personal",
                             "The text may name a person or a case; send again with \"confirm_personal\": true.");
    answer["error"]["rules"] = std::move(rules);
    http::send_json(res, 422, answer);
    return true;
}

}  // namespace

// Compared case-insensitively, as a person types it. The code is on the projector, so it is
// no secret; the wrong-code limit is what stops guessing.
bool is_right_code(const Workshop& state, std::string code) {
    code = text::trim(code);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto& room = state.room();
    return room && code == room->code;
}

struct ParticipantServer::Impl {
    Hub* hub_ = nullptr;  // set by start(), before the first request can arrive
    WebAssets assets;
    ServerConfig config;
    HttpServer http;
    std::thread thread;

    // Per address, a venue may put every phone behind one NAT address, so a right code is
    // budgeted apart from a wrong one (README, "Limits"). A room of 2,000 scanning the QR code
    // at once makes 2,000 look-ups and 2,000 joins: each burst holds a room and a half, then
    // refills at a pace no phone that behaves like the page reaches. A look-up reads the
    // snapshot; a join writes a participant, so joins refill slower. Wrong codes are what a
    // guesser sends: 100 (a room's typos), then 1 per second.
    RateLimiter room_lookups{3000, 100};
    RateLimiter joins{3000, 20};
    RateLimiter wrong_codes{100, 1};
    // Per participant: writes and polls.
    RateLimiter writes{20, 1};
    RateLimiter polls{10, 2};
    // Per address: table screens (a TV per table) poll about once a second each; a venue may
    // put all 27 tables' screens behind one address, and then some.
    RateLimiter table_polls{120, 60};

    Impl(WebAssets a, ServerConfig c)
        : assets(std::move(a)), config(std::move(c)), http(door_limits(config), config.answer_deadline) {}

    static FrontDoorLimits door_limits(const ServerConfig& c) {
        FrontDoorLimits limits;
        // Every phone is a socket: take the open-file limit up to what the system allows (a
        // shell's default soft limit is often 1024), and hold at the door at most all but a
        // margin of it, for the accept loop, the store and the window.
        if (const auto files = platform::raise_open_file_limit()) {
            const long long usable = *files > 256 ? *files - 128 : *files / 2;
            limits.max_held = static_cast<int>(std::min<long long>(usable, 1'000'000));
        }
        limits.workers = c.workers;
        limits.workers_per_address = c.workers_per_address;
        limits.request_deadline = c.request_deadline;
        limits.keep_alive = c.keep_alive;
        return limits;
    }

    Hub& hub() { return *hub_; }

    // The participant behind the request's token; on failure answers 401 (or 429).
    std::optional<Id> authenticate(const Request& req, Response& res, RateLimiter& limiter) {
        const std::string token = http::bearer_token(req);
        const auto who = token.empty() ? std::nullopt : hub().snapshot()->authenticate(token);
        if (!who) {
            http::send_error(res, 401, "unauthorized", "Join a leader group first (no valid token).");
            return std::nullopt;
        }
        if (int wait = limiter.take("p" + std::to_string(*who)); wait > 0) {
            http::send_rate_limited(res, wait);
            return std::nullopt;
        }
        hub().seen(*who, http::now_ms());  // still in the room: head counts leave closed phones out
        return who;
    }

    // Spends one of the address's right-code calls from `budget`; 429 when none is left.
    bool limit_address(const Request& req, Response& res, RateLimiter& budget) {
        if (int wait = budget.take(http::peer_address(req)); wait > 0) {
            http::send_rate_limited(res, wait);
            return false;
        }
        return true;
    }

    void refuse_code(const Request& req, Response& res, const Error& e) {
        (void)wrong_codes.take(http::peer_address(req));
        http::send_error(res, e);
    }

    // Checked before the code is: an address past its wrong-code budget learns nothing more,
    // not even whether its next code is right.
    bool too_many_wrong_codes(const Request& req, Response& res) {
        if (int wait = wrong_codes.peek(http::peer_address(req)); wait > 0) {
            http::send_rate_limited(res, wait);
            return true;
        }
        return false;
    }

    // Answers a write that concerns one note with that note as its author sees it.
    void send_note(Response& res, const Result<Receipt>& r, Id participant, int created_status) {
        if (!r) return send_phone_error(res, r.error());
        const Note* n = r->state->note(r->subject);
        if (!n) return http::send_error(res, 503, "storage_failed", "The store could not commit; try again.");
        http::send_json(res, r->created ? created_status : 200,
                        {{"note", to_json(note_view(*r->state, *n, participant))}});
    }

    RemoteRoutes remote;  // the facilitator remotes' calls, with their own limits

    void routes();
};

// A route whose JSON answer goes out gzip-compressed to a phone that accepts it: a changed
// poll resends the whole board (issue 16: 53 Mbit/s for a 60-phone plenary board).
template <class Route>
httplib::Server::Handler json_route(Route route) {
    return [route = std::move(route)](const Request& req, Response& res) {
        route(req, res);
        gzip_json_answer(req, res);
    };
}

void ParticipantServer::Impl::routes() {
    const auto api_get = [this](const char* path, auto route) { http.Get(path, json_route(std::move(route))); };
    const auto api_post = [this](const char* path, auto route) { http.Post(path, json_route(std::move(route))); };
    const auto api_patch = [this](const char* path, auto route) { http.Patch(path, json_route(std::move(route))); };
    const auto api_delete = [this](const char* path, auto route) { http.Delete(path, json_route(std::move(route))); };

    api_get("/api/room", [this](const Request& req, Response& res) {
        if (too_many_wrong_codes(req, res)) return;
        const auto state = hub().snapshot();
        const auto& room = state->room();
        if (!is_right_code(*state, req.get_param_value("code")))
            return refuse_code(req, res, make_error(Errc::room_code_invalid, "Wrong or closed room code."));
        if (!limit_address(req, res, room_lookups)) return;
        json groups = json::array();
        for (const auto& [id, g] : state->groups())
            if (!g.archived) groups.push_back({{"id", id}, {"name", g.name}});
        http::send_json(
            res, 200,
            {{"room", {{"name", state->room_title()}, {"language", to_string(room->language)}}}, {"groups", groups}});
    });

    api_post("/api/join", [this](const Request& req, Response& res) {
        if (too_many_wrong_codes(req, res)) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        std::optional<std::string> code, name;
        if (!optional_string(*body, "code", code, res) || !optional_string(*body, "name", name, res)) return;
        const auto group = id_field(*body, "group");
        if (!group) return http::send_error(res, 404, "group_not_found", "\"group\" must name a leader group.");
        // The code decides which budget the call spends: a wrong one the guesser's, before
        // anything is written; a right one (or a phone's own token) the room's.
        const std::string token = http::bearer_token(req);
        const auto state = hub().snapshot();
        const auto mover = token.empty() ? std::nullopt : state->authenticate(token);
        if (!mover && !is_right_code(*state, code.value_or("")))
            return refuse_code(req, res, make_error(Errc::room_code_invalid, "Wrong or closed room code."));
        if (!limit_address(req, res, joins)) return;
        // A phone that is already in the room and picks another group ("Bytt gruppe") moves:
        // the same participant and token, never a second one left behind in the old group.
        if (const auto who = mover) {
            auto moved = hub().submit(cmd::ChangeGroup{*who, *group});
            if (!moved) return send_phone_error(res, moved.error());
            const Participant& p = *moved->state->participant(*who);
            hub().seen(p.id, http::now_ms());
            return http::send_json(
                res, 200, {{"participant", {{"id", p.id}, {"group", p.group}, {"name", p.name}}}, {"token", token}});
        }
        const std::string secret = secrets::token_secret();
        auto r = hub().submit(cmd::Join{code.value_or(""), *group, name.value_or(""), secret});
        if (!r) {
            if (r.error().code == Errc::room_code_invalid) return refuse_code(req, res, r.error());
            return send_phone_error(res, r.error());
        }
        const Participant& p = *r->state->participant(r->subject);
        http::send_json(res, 201,
                        {{"participant", {{"id", p.id}, {"group", p.group}, {"name", p.name}}},
                         {"token", std::to_string(p.id) + "." + secret}});
    });

    api_get("/api/state", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, polls);
        if (!who) return;
        const auto state = hub().snapshot();
        const auto since = parse_id(req.get_param_value("since"));
        const Revision rev = state->revision_for(state->participant(*who)->group);
        if (since && *since == rev) return http::send_json(res, 200, {{"revision", rev}, {"unchanged", true}});
        const Presence presence = hub().presence();
        json out = to_json(view_for(*state, *who, http::now_ms(), &presence, http::bearer_token(req)));
        out["broadcast"] = phone_broadcast(*state, state->participant(*who)->group);
        http::send_json(res, 200, out);
    });

    api_post("/api/notes", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        std::optional<std::string> client_id, text, zone;
        if (!optional_string(*body, "client_id", client_id, res) || !optional_string(*body, "text", text, res) ||
            !optional_string(*body, "zone", zone, res))
            return;
        Id parent = 0;
        if (body->contains("parent") && !(*body)["parent"].is_null()) {
            const auto p = id_field(*body, "parent");
            if (!p) return http::send_error(res, 404, "note_not_found", "No such note to answer.");
            parent = *p;
        }
        std::optional<NoteFields> fields;
        if (!optional_fields(*body, fields, res)) return;
        if (refuse_personal(*body, text, res)) return;
        send_note(res,
                  hub().submit(cmd::AddNote{*who, client_id.value_or(""), text.value_or(""), zone, parent,
                                            fields.value_or(NoteFields{})}),
                  *who, 201);
    });

    api_patch(R"(/api/notes/(\d+))", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        const auto note = parse_id(req.matches[1].str());
        if (!note) return http::send_error(res, 404, "note_not_found", "No such note.");
        auto body = http::json_body(req, res);
        if (!body) return;
        std::optional<std::string> text, zone;
        std::optional<NoteFields> fields;
        if (!optional_string(*body, "text", text, res) || !optional_string(*body, "zone", zone, res) ||
            !optional_fields(*body, fields, res))
            return;
        if (!text && !zone && !fields)
            return http::send_error(res, 400, "bad_request", "Send \"text\", \"zone\" or \"fields\".");
        if (refuse_personal(*body, text, res)) return;
        send_note(res, hub().submit(cmd::EditNote{*who, *note, text, zone, fields}), *who, 200);
    });

    api_delete(R"(/api/notes/(\d+))", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        const auto note = parse_id(req.matches[1].str());
        if (!note) return http::send_error(res, 404, "note_not_found", "No such note.");
        auto r = hub().submit(cmd::DeleteNote{*who, *note});
        if (!r) return send_phone_error(res, r.error());
        res.status = 204;
    });

    api_post("/api/votes", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        const auto note = id_field(*body, "note");
        if (!note) return http::send_error(res, 404, "note_not_found", "No such note.");
        auto r = hub().submit(cmd::CastVote{*who, *note});
        if (!r) return send_phone_error(res, r.error());
        const auto view = view_for(*r->state, *who, http::now_ms());
        json votes = view.activity && view.activity->votes
                         ? json{{"budget", view.activity->votes->budget}, {"left", view.activity->votes->left}}
                         : json(nullptr);
        http::send_json(res, 201,
                        {{"note", to_json(note_view(*r->state, *r->state->note(*note), *who))}, {"votes", votes}});
    });

    api_delete(R"(/api/votes/(\d+))", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        const auto note = parse_id(req.matches[1].str());
        if (!note) return http::send_error(res, 404, "note_not_found", "No such note.");
        auto r = hub().submit(cmd::RetractVote{*who, *note});
        if (!r) return send_phone_error(res, r.error());
        res.status = 204;
    });

    // A pulse answer, kept under the phone's respondent key and never under the participant.
    api_post("/api/answers", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        if (!body->contains("statement") || !(*body)["statement"].is_string())
            return http::send_error(res, 422, "statement_unknown", "\"statement\" must be a statement's id.");
        if (!body->contains("value") || !(*body)["value"].is_number_integer())
            return http::send_error(res, 422, "value_out_of_range", "\"value\" must be a whole number on the scale.");
        const std::string token = http::bearer_token(req);
        const std::string statement = (*body)["statement"].get<std::string>();
        const std::int64_t value = (*body)["value"].get<std::int64_t>();
        if (value < INT32_MIN || value > INT32_MAX)
            return http::send_error(res, 422, "value_out_of_range", "The answer is not on the scale.");
        auto r = hub().submit(cmd::AnswerPulse{*who, token, statement, static_cast<int>(value)});
        if (!r) return send_phone_error(res, r.error());
        const auto view = view_for(*r->state, *who, http::now_ms(), nullptr, token);
        const json mine =
            view.activity && view.activity->pulse ? json(view.activity->pulse->my_answers) : json::object();
        http::send_json(res, r->created ? 201 : 200, {{"my_answers", mine}});
    });

    // The measure as the phone's activity has it, after a status or an indicator value.
    const auto measure_json = [this](const Workshop& state, Id who, Id note) {
        const auto view = view_for(state, who, http::now_ms());
        if (view.activity && view.activity->measures)
            for (const auto& m : *view.activity->measures)
                if (m.note == note) return to_json(m);
        return json(nullptr);
    };

    // A measure's status in a status round, and one line of what happened (core/measures.hpp).
    api_post("/api/status", [this, measure_json](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        const auto note = id_field(*body, "note");
        if (!note) return http::send_error(res, 404, "note_not_found", "No open measure of the group has this id.");
        if (!body->contains("status") || !(*body)["status"].is_string())
            return http::send_error(res, 422, "status_unknown",
                                    "\"status\" must be not_started, started, done or stopped.");
        std::optional<std::string> text;
        if (!optional_string(*body, "text", text, res)) return;
        if (refuse_personal(*body, text, res)) return;
        auto r = hub().submit(cmd::ReportMeasure{*who, *note, (*body)["status"].get<std::string>(), text});
        if (!r) return send_phone_error(res, r.error());
        http::send_json(res, r->created ? 201 : 200, {{"measure", measure_json(*r->state, *who, *note)}});
    });

    // A measure's indicator value in a status round, with its unit, baseline, target and
    // source when given. Numbers must be JSON numbers: "16,5" is the phone's to turn into 16.5.
    api_post("/api/indicators", [this, measure_json](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        const auto note = id_field(*body, "note");
        if (!note)
            return http::send_error(res, 404, "note_not_found",
                                    "No open measure of the group with an indicator has this id.");
        const auto number = [&](const char* key, bool required, std::optional<double>& out) {
            if (!body->contains(key) || (!required && (*body)[key].is_null())) return !required;
            if (!(*body)[key].is_number() || !std::isfinite((*body)[key].get<double>())) return false;
            out = (*body)[key].get<double>();
            return true;
        };
        std::optional<double> value, baseline, target;
        if (!number("value", true, value) || !number("baseline", false, baseline) || !number("target", false, target))
            return http::send_error(res, 422, "value_invalid",
                                    "\"value\" (and \"baseline\", \"target\" when given) must be finite JSON numbers.");
        std::optional<std::string> unit, source;
        if (!optional_string(*body, "unit", unit, res) || !optional_string(*body, "source", source, res)) return;
        auto r = hub().submit(cmd::ReportIndicator{*who, *note, *value, unit, source, baseline, target});
        if (!r) return send_phone_error(res, r.error());
        http::send_json(res, r->created ? 201 : 200, {{"measure", measure_json(*r->state, *who, *note)}});
    });

    api_post("/api/done", [this](const Request& req, Response& res) {
        const auto who = authenticate(req, res, writes);
        if (!who) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        const json& done = body->contains("done") ? (*body)["done"] : json(true);
        if (!done.is_boolean()) return http::send_error(res, 400, "bad_request", "\"done\" must be true or false.");
        auto r = hub().submit(cmd::MarkDone{*who, done.get<bool>()});
        if (!r) return send_phone_error(res, r.error());
        const Presence presence = hub().presence();
        const auto view = view_for(*r->state, *who, http::now_ms(), &presence);
        http::send_json(res, 200,
                        {{"done",
                          {{"me", view.activity->done.me},
                           {"count", view.activity->done.count},
                           {"total", view.activity->done.total}}}});
    });

    // The table screen's state: one group's board as a phone of that group that wrote nothing
    // sees it (preview_for: no hidden note, no running vote total). No token: the room code,
    // which is on the projector anyway, and the group are the key, guarded as the look-up is.
    api_get("/api/table/state", [this](const Request& req, Response& res) {
        if (too_many_wrong_codes(req, res)) return;
        const auto state = hub().snapshot();
        if (!is_right_code(*state, req.get_param_value("room")))
            return refuse_code(req, res, make_error(Errc::room_code_invalid, "Wrong or closed room code."));
        const auto group = parse_id(req.get_param_value("group"));
        const LeaderGroup* g = group ? state->group(*group) : nullptr;
        if (!g || g->archived) return http::send_error(res, 404, "group_not_found", "No such leader group.");
        if (!limit_address(req, res, table_polls)) return;
        const auto since = parse_id(req.get_param_value("since"));
        const Revision rev = state->revision_for(*group);
        if (since && *since == rev) return http::send_json(res, 200, {{"revision", rev}, {"unchanged", true}});
        const Presence presence = hub().presence();
        json view = to_json(preview_for(*state, *group, http::now_ms(), &presence));
        view["participant"] = nullptr;  // a screen, not a person
        http::send_json(res, 200, view);
    });

    // The table screen's page (table.html), at an address short enough to type on a TV.
    http.Get("/table", [this](const Request& req, Response& res) {
        const WebAsset* asset = assets.find("/table.html");
        if (!asset) return http::send_error(res, 404, "not_found", "No such page.");
        serve_asset(req, res, *asset);
    });

    // The table lead (lead_routes.cpp): rate-limited as every other write of a phone.
    api_post("/api/lead/request", [this](const Request& req, Response& res) {
        if (const auto who = authenticate(req, res, writes)) answer_lead_request(hub(), *who, res);
    });
    api_post("/api/lead/commands", [this](const Request& req, Response& res) {
        if (const auto who = authenticate(req, res, writes)) answer_lead_command(hub(), *who, req, res);
    });

    // The facilitator's remotes (remote_routes): pairing, commands, the overview.
    remote.add_to(http, [this]() -> Hub& { return hub(); });

    // The page: exact file names from memory, nothing else.
    http.Get(R"(/[^/]*)", [this](const Request& req, Response& res) {
        const WebAsset* asset = assets.find(req.path);
        if (!asset) return http::send_error(res, 404, "not_found", "No such page.");
        serve_asset(req, res, *asset);
    });
}

ParticipantServer::ParticipantServer(WebAssets assets, ServerConfig config)
    : impl_(std::make_unique<Impl>(std::move(assets), std::move(config))) {
    auto& http = impl_->http;
    // Keep-alive as the door sets it (HttpServer): an idle connection waits there, not in a worker.
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_payload_max_length(max_body_bytes);
    http.set_tcp_nodelay(true);
    http.set_pre_routing_handler(guard_request);
    http.set_post_routing_handler([](const Request& req, Response& res) {
        add_security_headers(res);
        if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
    });
    // Unhandled, though it fills the answer: cpp-httplib applies a request's byte ranges to any
    // error answer its error handler says it handled, so a small error became megabytes.
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
        if (res.body.empty()) {
            const bool missing = res.status == 404;
            http::send_error(res, res.status, missing ? "not_found" : "bad_request",
                             missing ? "No such page." : "The request could not be read.");
        }
        add_security_headers(res);
        return httplib::Server::HandlerResponse::Unhandled;
    }));
    http.set_exception_handler([](const Request&, Response& res, const std::exception_ptr&) {
        http::send_error(res, 500, "internal_error", "Something failed on the facilitator's machine.");
    });
    impl_->routes();
}

ParticipantServer::~ParticipantServer() {
    stop();
}

Result<int> ParticipantServer::bind() {
    const auto& c = impl_->config;
    auto port = bind_listener(impl_->http, c.host, c.port, "the participants");
    if (port) (void)impl_->http.widen_backlog(c.listen_backlog);  // best effort: 5 still works, slower
    return port;
}

void ParticipantServer::start(Hub& hub) {
    impl_->hub_ = &hub;
    start_listener(impl_->http, impl_->thread);
}

void ParticipantServer::stop() {
    stop_listener(impl_->http, impl_->thread);
    impl_->http.close_door();
}

}  // namespace samling
