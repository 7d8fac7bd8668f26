// The embedded HTTP server the phones talk to: the participant page and the participant API
// (API.md). Translates HTTP to hub commands and views to JSON; the rules live in the core.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "core/result.hpp"
#include "server/web_assets.hpp"

namespace samling {

class Hub;

struct ServerConfig {
    std::string host = "0.0.0.0";
    int port = 8765;  // 0: any free port
    // Workers answer whole requests only: a connection waits for its request at the front
    // door (front_door.hpp) without one, and between requests when it is kept alive.
    int workers = 48;
    // A third of the workers at most for one address while others wait, so one phone (or one
    // attacker) opening connections can never take the rest from the room. An address alone
    // with work (a room behind one NAT address) may take all but FrontDoorLimits::spare_workers.
    int workers_per_address = 16;
    // A request must arrive whole within this; an answer must be taken within this.
    std::chrono::milliseconds request_deadline{10'000};
    std::chrono::milliseconds answer_deadline{10'000};
    // A kept-alive connection closes when no whole request came within this of its last answer.
    std::chrono::milliseconds keep_alive{5'000};
    int listen_backlog = 1024;  // a room scanning the QR code at once; httplib hard-codes 5
};

class ParticipantServer {
public:
    ParticipantServer(WebAssets assets, ServerConfig config);
    ~ParticipantServer();
    ParticipantServer(const ParticipantServer&) = delete;
    ParticipantServer& operator=(const ParticipantServer&) = delete;

    // Binds on the caller's thread so "port in use" is known at once. Returns the bound port.
    Result<int> bind();
    // Serves `hub` on a thread of its own until stop(). Call bind() first.
    void start(Hub& hub);
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace samling
