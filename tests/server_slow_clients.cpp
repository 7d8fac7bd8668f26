// Connections against a real server on loopback: kept alive between a phone's requests, idle
// ones holding no worker (issue 16), and slow clients (issue 15 point 4): one address holding
// many connections, idle, sending slowly or reading slowly, while a phone at another address
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

// One request from `source`, asking the server to close after it; returns the status and the body.
std::pair<int, std::string> request_from(const char* source, int port, const std::string& method,
                                         const std::string& path, const std::string& body,
                                         const std::string& token = "") {
    const int fd = connect_from(source, port);
    timeval tv{15, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string req =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n";
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

struct Answer {
    int status = -1;  // -1: the connection closed (or went quiet) before a whole answer
    std::string head, body;
};

// One answer read off a connection that stays open: its head, then Content-Length bytes.
Answer read_answer(int fd, std::string& pending) {
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[4096];
    auto more = [&] {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n > 0) pending.append(buf, static_cast<size_t>(n));
        return n > 0;
    };
    Answer a;
    std::size_t end;
    while ((end = pending.find("\r\n\r\n")) == std::string::npos)
        if (!more()) return a;
    a.head = pending.substr(0, end + 2);
    const auto at = a.head.find("Content-Length: ");
    const std::size_t length = at == std::string::npos ? 0 : std::stoul(a.head.substr(at + 16));
    while (pending.size() < end + 4 + length)
        if (!more()) return a;
    a.body = pending.substr(end + 4, length);
    pending.erase(0, end + 4 + length);
    a.status = std::stoi(a.head.substr(9, 3));
    return a;
}

void send_all(int fd, const std::string& bytes) {
    REQUIRE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
}

// Whether the server closes `fd` within `wait` (recv sees the end, nothing more arrives).
bool closed_within(int fd, std::chrono::milliseconds wait) {
    timeval tv{0, static_cast<suseconds_t>(std::chrono::microseconds(wait).count())};
    if (wait >= std::chrono::seconds(1)) tv = {static_cast<time_t>(wait.count() / 1000), 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char c;
    return ::recv(fd, &c, 1, 0) == 0;
}

const std::string get_room = "GET /api/room?code=ABC234 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
const std::string get_app = "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

}  // namespace

TEST_CASE("a phone's connection carries its requests one after another, as a browser keeps it alive") {
    TestServer s;
    const int fd = connect_from("127.0.0.3", s.port);
    std::string pending;
    send_all(fd, get_room);
    const Answer room = read_answer(fd, pending);
    CHECK(room.status == 200);
    CHECK(room.head.find("Keep-Alive: timeout=5, max=100") != std::string::npos);
    CHECK(json::parse(room.body)["room"]["name"] == "Rom");
    send_all(fd, get_app);  // the same connection, a second request
    const Answer app = read_answer(fd, pending);
    CHECK(app.status == 200);
    CHECK(app.body == "console.log('hei')");
    // A client that says it is done gets its answer, then the end of the connection.
    send_all(fd, "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const Answer last = read_answer(fd, pending);
    CHECK(last.status == 200);
    CHECK(last.head.find("Connection: close") != std::string::npos);
    CHECK(closed_within(fd, std::chrono::seconds(2)));
    ::close(fd);
}

TEST_CASE("a connection's hundredth answer says Connection: close, and the connection ends") {
    TestServer s;
    const int fd = connect_from("127.0.0.3", s.port);
    std::string pending;
    for (int i = 1; i < 100; ++i) {
        send_all(fd, get_app);
        const Answer a = read_answer(fd, pending);
        REQUIRE(a.status == 200);
        REQUIRE(a.head.find("Connection: close") == std::string::npos);
    }
    send_all(fd, get_app);
    const Answer last = read_answer(fd, pending);
    CHECK(last.status == 200);
    CHECK(last.body == "console.log('hei')");
    CHECK(last.head.find("Connection: close") != std::string::npos);  // "max=100" said so before
    CHECK(closed_within(fd, std::chrono::seconds(2)));
    ::close(fd);
}

TEST_CASE("idle kept-alive connections hold no worker, and close once quiet for the keep-alive time") {
    TestServer s;
    s.config.keep_alive = std::chrono::milliseconds(400);
    s.restart();
    // 200 phones at one address, each answered once and now quiet: four times the workers.
    std::vector<int> idle;
    for (int i = 0; i < 200; ++i) {
        const int fd = connect_from("127.0.0.1", s.port);
        std::string pending;
        send_all(fd, get_app);
        REQUIRE(read_answer(fd, pending).status == 200);
        idle.push_back(fd);
    }
    const auto start = std::chrono::steady_clock::now();
    const auto [status, body] = request_from("127.0.0.2", s.port, "GET", "/api/room?code=ABC234", "");
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("a room lookup from 127.0.0.2 beside 200 idle kept-alive connections: " << ms << " ms");
    CHECK(status == 200);
    CHECK(ms < 1000);
    // Quiet for longer than the keep-alive time: the server closes each of them.
    int closed = 0;
    for (int fd : idle) closed += closed_within(fd, std::chrono::seconds(3)) ? 1 : 0;
    CHECK(closed == 200);
    for (int fd : idle) ::close(fd);
}

TEST_CASE("a refused request, or one sent before the last was answered, ends its connection") {
    TestServer s;
    // Refused before its body was read: the bytes after it cannot be trusted to be a request.
    const int chunked = connect_from("127.0.0.3", s.port);
    std::string pending;
    send_all(chunked,
             "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
             "5\r\nhallo\r\n0\r\n\r\n");
    CHECK(read_answer(chunked, pending).status == 411);
    CHECK(closed_within(chunked, std::chrono::seconds(2)));
    ::close(chunked);
    // Two requests in one go (pipelined): the first is answered whole, then the connection ends.
    const int pipelined = connect_from("127.0.0.3", s.port);
    pending.clear();
    send_all(pipelined, get_app + get_room);
    const Answer first = read_answer(pipelined, pending);
    CHECK(first.status == 200);
    CHECK(first.body == "console.log('hei')");
    CHECK(closed_within(pipelined, std::chrono::seconds(2)));
    ::close(pipelined);
}

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
