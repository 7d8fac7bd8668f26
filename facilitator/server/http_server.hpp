// cpp-httplib's Server with its connections taken in through the FrontDoor: the accept loop
// hands each socket over and goes back to accepting; workers answer whole requests only, and
// a connection kept alive goes back to the door between its requests.
#pragma once

#include <httplib.h>

#include <memory>

#include "server/front_door.hpp"

namespace samling {

class HttpServer : public httplib::Server {
public:
    // `answer_deadline`: the longest a worker writes one answer to a client that reads slowly.
    // A connection is kept alive for further requests; `limits` says how long it may stay idle
    // and how many it may carry, and the answers' Keep-Alive header says the same.
    HttpServer(FrontDoorLimits limits, std::chrono::milliseconds answer_deadline);
    ~HttpServer() override;

    // cpp-httplib keeps its listening socket protected; this gives it a room-sized backlog.
    bool widen_backlog(int backlog);
    // After stop_listener(): closes what waits at the door and joins the workers.
    void close_door();
    FrontDoor::Counts door_counts() const { return door_->counts(); }

private:
    bool process_and_close_socket(socket_t sock) override;
    // True: the connection stays open for its next request. `last`: it closes after this one,
    // and the answer says "Connection: close".
    bool answer(platform::Socket fd, bool last);

    std::chrono::milliseconds answer_deadline_;
    std::unique_ptr<FrontDoor> door_;
};

}  // namespace samling
