// Small helpers shared by the server's routes and guards: error answers, JSON bodies and
// bearer tokens. Internal to facilitator/server.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling::http {

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message);
void send_error(httplib::Response& res, const Error& error);
void send_rate_limited(httplib::Response& res, int retry_after_seconds);

// Parses the body as one JSON object; on failure answers 400 and returns nullopt.
std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res);

// The token from "Authorization: Bearer T"; empty if none. (No cookie: a cookie would
// ride along on cross-site requests, a header never does.)
std::string bearer_token(const httplib::Request& req);

// Milliseconds since the epoch, as the hub's commands carry time.
Timestamp now_ms();

// A header value's part without HTTP's optional white space (spaces and tabs) at its ends.
std::string_view trim_ows(std::string_view s);

// The client's address as the socket says it: never a header (REMOTE_ADDR can be sent by anyone).
std::string peer_address(const httplib::Request& req);

}  // namespace samling::http
