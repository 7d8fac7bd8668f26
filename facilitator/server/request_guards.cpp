// Pre-routing guards. Error answers here close the connection: the body was never read, so
// the socket cannot be trusted to start at the next request.
#include "server/request_guards.hpp"

#include <string>

#include "platform/sockets.hpp"
#include "server/http_helpers.hpp"

namespace samling {
namespace {

httplib::Server::HandlerResponse refuse(httplib::Response& res, int status, std::string_view code,
                                        std::string_view message) {
    http::send_error(res, status, code, message);
    res.set_header("Connection", "close");
    add_security_headers(res);
    return httplib::Server::HandlerResponse::Handled;
}

bool has_body_method(const std::string& m) {
    return m == "POST" || m == "PUT" || m == "PATCH";
}

}  // namespace

bool is_allowed_host(std::string_view host) {
    if (host.empty()) return true;  // HTTP/1.0 clients send none; nothing to rebind
    std::string name;
    if (host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos) return false;
        name = std::string(host.substr(1, close - 1));
        in6_addr a6{};
        return inet_pton(AF_INET6, name.c_str(), &a6) == 1;
    }
    name = std::string(host.substr(0, host.find(':')));
    if (name == "localhost") return true;
    in_addr a4{};
    return inet_pton(AF_INET, name.c_str(), &a4) == 1;
}

void add_security_headers(httplib::Response& res) {
    if (res.has_header("Content-Security-Policy")) return;  // error answers pass here twice
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
                   "frame-ancestors 'none'");
}

httplib::Server::HandlerResponse guard_request(const httplib::Request& req, httplib::Response& res) {
    if (req.headers.size() > max_header_count) return refuse(res, 431, "too_many_headers", "Too many request headers.");
    if (!is_allowed_host(req.get_header_value("Host")))
        return refuse(res, 403, "host_not_allowed", "Open Samling by the address shown on the projector.");
    // cpp-httplib answers "bytes=0-,0-,…" with a multipart body built in memory, every part the
    // whole file: 1.6 KB asked 29 MB. One range is never larger than the file; more are refused.
    if (req.has_header("Range") && req.get_header_value("Range").find(',') != std::string::npos) {
        // httplib applies the parsed ranges to every answer, this refusal's too, and offers no
        // hook to drop them; the Request it hands us is its own non-const object.
        const_cast<httplib::Request&>(req).ranges.clear();
        return refuse(res, 416, "range_not_satisfiable", "One byte range at most.");
    }
    // Byte ranges are for the page's files (asset_route.cpp); an API answer is always whole,
    // so a compressed JSON answer is never cut by httplib after it was made.
    if (req.path.rfind("/api/", 0) == 0) const_cast<httplib::Request&>(req).ranges.clear();
    if (req.has_header("Transfer-Encoding"))
        return refuse(res, 411, "length_required", "Send the body with a Content-Length, not chunked.");
    if (req.has_header("Content-Encoding"))
        return refuse(res, 415, "encoding_not_supported", "Compressed request bodies are not accepted.");
    if (has_body_method(req.method)) {
        if (!req.has_header("Content-Length"))
            return refuse(res, 411, "length_required", "A request with a body needs a Content-Length.");
        const std::string len = req.get_header_value("Content-Length");
        if (len.empty() || len.size() > 12 || len.find_first_not_of("0123456789") != std::string::npos)
            return refuse(res, 400, "bad_request", "Content-Length is not a number.");
        if (std::stoull(len) > max_body_bytes)
            return refuse(res, 413, "body_too_large", "The request body is over 16 KiB.");
    } else if (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0") {
        return refuse(res, 400, "bad_request", "This request takes no body.");
    }
    return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace samling
