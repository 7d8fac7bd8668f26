// Slow clients against a real server on loopback (issue 15 point 4): one address holding many
// connections, idle, sending slowly or reading slowly, while a phone at another address
// (127.0.0.2; all of 127/8 is loopback) saves a note.
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

int connect_from(const char* source, int port, int receive_buffer = 0) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    if (receive_buffer > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &from.sin_addr);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
    return fd;
}

// One request from `source`; returns the status and the body (the server closes after one).
std::pair<int, std::string> request_from(const char* source, int port, const std::string& method,
                                         const std::string& path, const std::string& body,
                                         const std::string& token = "") {
    const int fd = connect_from(source, port);
    timeval tv{15, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<size_t>(n));
    ::close(fd);
    if (answer.rfind("HTTP/1.1 ", 0) != 0) return {-1, answer};
    const auto end = answer.find("\r\n\r\n");
    return {std::stoi(answer.substr(9, 3)), end == std::string::npos ? "" : answer.substr(end + 4)};
}

}  // namespace

TEST_CASE("one address holding hundreds of slow connections cannot stop another address's note") {
    TestServer s;
    const auto [joined, join_body] =
        request_from("127.0.0.2", s.port, "POST", "/api/join", json{{"code", "ABC234"}, {"group", s.nord}}.dump());
    REQUIRE(joined == 201);
    const std::string token = json::parse(join_body)["token"];

    // From 127.0.0.1: 300 connections that send half a header and stop (slow headers), 100
    // that promise a body and send a byte of it (slow body), and 60 that ask for the largest
    // file with a tiny receive window and never read (slow read).
    std::vector<int> attack;
    for (int i = 0; i < 300; ++i) {
        const int fd = connect_from("127.0.0.1", s.port);
        const std::string part = "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        (void)::send(fd, part.data(), part.size(), MSG_NOSIGNAL);
        attack.push_back(fd);
    }
    for (int i = 0; i < 100; ++i) {
        const int fd = connect_from("127.0.0.1", s.port);
        const std::string part = "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9000\r\n\r\n{";
        (void)::send(fd, part.data(), part.size(), MSG_NOSIGNAL);
        attack.push_back(fd);
    }
    for (int i = 0; i < 60; ++i) {
        const int fd = connect_from("127.0.0.1", s.port, 1024);
        const std::string whole = "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        (void)::send(fd, whole.data(), whole.size(), MSG_NOSIGNAL);
        attack.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server has them all now

    const auto start = std::chrono::steady_clock::now();
    const auto [status, body] = request_from("127.0.0.2", s.port, "POST", "/api/notes",
                                             json{{"client_id", "c1"}, {"text", "Lagret under angrep"}}.dump(), token);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("a note from 127.0.0.2 while 127.0.0.1 holds 460 slow connections: " << ms << " ms");
    CHECK(status == 201);
    CHECK(ms < 1000);  // was a wait for workers held by the attack, 5 s per read timeout each

    // A second phone at the attacker's own address still gets its share of the workers.
    const auto own = request_from("127.0.0.1", s.port, "GET", "/api/room?code=ABC234", "");
    CHECK(own.first == 200);
    for (int fd : attack) ::close(fd);
    if (status == 201) CHECK(s.hub->snapshot()->note(json::parse(body)["note"]["id"].get<Id>()) != nullptr);
}
