// Checks run before a request's body is read, closing the holes cpp-httplib 0.11.4 leaves
// open (ENGINEERING.md): chunked and compressed bodies, missing Content-Length, oversized
// bodies, piles of headers, and DNS rebinding through a foreign Host name.
#pragma once

#include <httplib.h>

namespace samling {

inline constexpr std::size_t max_body_bytes = std::size_t{16} * 1024;
inline constexpr std::size_t max_header_count = 64;

// Returns Handled (with an error answer) when the request must not go further.
httplib::Server::HandlerResponse guard_request(const httplib::Request& req, httplib::Response& res);

// True for a Host header naming an IP literal or localhost (with or without a port): phones
// reach the laptop by the address on the projector, never by a DNS name an attacker controls.
bool is_allowed_host(std::string_view host);

// Headers every answer carries: no sniffing, no framing, no scripts but our own.
void add_security_headers(httplib::Response& res);

}  // namespace samling
