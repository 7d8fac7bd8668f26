// Error and JSON plumbing for routes.
#include "server/http_helpers.hpp"

#include <chrono>

#include "core/text.hpp"
#include "server/json_views.hpp"

namespace samling::http {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    // Replace invalid UTF-8 rather than throw: stored text is validated, this is belt and braces.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
    send_json(res, status, error_body(code, message));
}

void send_error(httplib::Response& res, const Error& error) {
    send_error(res, http_status(error.code), to_string(error.code), error.message);
}

void send_rate_limited(httplib::Response& res, int retry_after_seconds) {
    res.set_header("Retry-After", std::to_string(retry_after_seconds));
    send_error(res, 429, "rate_limited", "Too many requests: wait for Retry-After seconds.");
}

std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res) {
    if (!text::is_valid_utf8(req.body)) {
        send_error(res, 400, "invalid_utf8", "The request is not valid UTF-8.");
        return std::nullopt;
    }
    auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) {
        send_error(res, 400, "bad_json", "The body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

std::string bearer_token(const httplib::Request& req) {
    const std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (auth.size() > scheme.size() && auth.compare(0, scheme.size(), scheme) == 0) return auth.substr(scheme.size());
    return {};
}

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string peer_address(const httplib::Request& req) {
    return req.remote_addr;
}

Timestamp now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace samling::http
