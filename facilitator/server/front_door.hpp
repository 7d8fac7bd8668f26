// Where an accepted connection waits for its request without holding a worker, and the fair
// hand-over to the workers: no address gets more than its share of them (issue 15 point 4).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "platform/sockets.hpp"

namespace samling {

struct FrontDoorLimits {
    int workers = 48;
    // Workers one address may hold at once; the rest stay free for every other address.
    int workers_per_address = 16;
    // Connections of one address still sending their request; a new one beyond this pushes
    // out that address's oldest (a slow client's, as a quick phone's waits a round trip).
    int waiting_per_address = 256;
    // Whole requests of one address waiting for a worker; beyond this a new one is closed.
    int ready_per_address = 512;
    // Connections held at the door in all, kept under the open-file limit so the accept loop
    // always has a descriptor for the next phone; beyond this a new one is closed.
    int max_held = 16'000;
    // The whole request (headers and body) must arrive within this, or the connection closes.
    std::chrono::milliseconds request_deadline{10'000};
    // Largest request kept whole: cpp-httplib's 8 KiB of headers plus our 16 KiB of body.
    std::size_t max_request_bytes = 32 * 1024;
};

class FrontDoor {
public:
    // `serve(fd)` answers the request waiting on `fd` and closes it, on a worker thread.
    FrontDoor(FrontDoorLimits limits, std::function<void(platform::Socket fd)> serve);
    ~FrontDoor();
    FrontDoor(const FrontDoor&) = delete;
    FrontDoor& operator=(const FrontDoor&) = delete;

    // From the accept loop: never blocks, never reads. Takes ownership of `fd`.
    void admit(platform::Socket fd);
    // Closes every connection not yet answered and joins the threads. Idempotent.
    void stop();

    struct Counts {
        int waiting = 0, ready = 0, busy = 0;
        long long closed_slow = 0, closed_crowded = 0;
    };
    Counts counts() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Waiting {
        std::string address;
        Clock::time_point deadline;
    };
    struct Address {
        std::deque<platform::Socket> waiting;  // oldest first
        std::deque<platform::Socket> ready;
        int busy = 0;
    };

    void watch();  // the one thread that waits for requests to arrive
    void work();   // a worker
    // Peeks at what has arrived on `fd`: 1 a whole request, 0 not yet, -1 never (closed,
    // too large, not HTTP). Reads nothing out of the socket: cpp-httplib reads it later.
    int request_complete(platform::Socket fd);
    void drop_waiting(platform::Socket fd, bool close_it);        // mu_ held
    bool next_ready(platform::Socket& fd, std::string& address);  // mu_ held

    FrontDoorLimits limits_;
    std::function<void(platform::Socket)> serve_;
    platform::SocketWatch watch_;
    mutable std::mutex mu_;
    std::condition_variable work_cv_;
    bool stopping_ = false;
    std::unordered_map<platform::Socket, Waiting> waiting_;
    std::map<std::string, Address> addresses_;
    std::deque<std::string> turn_;  // addresses with ready requests, in the order they are served
    int ready_total_ = 0, busy_total_ = 0;
    long long closed_slow_ = 0, closed_crowded_ = 0;
    std::thread watcher_;
    std::vector<std::thread> workers_;
};

}  // namespace samling
