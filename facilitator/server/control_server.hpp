// The facilitator's control surface over HTTP, for scripts and tests: bound to loopback only,
// every call needs a secret that phones never see. Everything it does goes through the hub,
// exactly as the projector's keys do. Documented in the README ("Control surface").
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"

namespace samling {

class Hub;

class ControlServer {
public:
    // `participant_origin` ("http://192.168.1.20:8765"): where phones and table screens reach
    // Samling, for the per-group table screen links in /control/state and the remote's pairing
    // URL (GET /control/remote); empty: none given.
    explicit ControlServer(std::string token, std::string participant_origin = {});
    ~ControlServer();
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    // Binds 127.0.0.1:port (0: any free port) on the caller's thread; returns the port.
    Result<int> bind(int port);
    void start(Hub& hub);
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace samling
