// The embedded HTTP server the phones talk to: the participant page and the participant API
// (API.md). Translates HTTP to hub commands and views to JSON; the rules live in the core.
#pragma once

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
    // One connection holds one worker for its whole life (cpp-httplib 0.11). Connections are
    // closed after each answer and phones poll, so workers are busy only while answering.
    int workers = 48;
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
