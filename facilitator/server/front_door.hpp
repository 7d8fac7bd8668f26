// Where an accepted connection waits for its request without holding a worker, and the fair
// hand-over to the workers: no address gets more than its share of them (issue 15 point 4).
// A connection kept alive after its answer comes back here to wait for its next request, so an
// idle phone costs a file descriptor, never a worker (issue 16).
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
    // Workers one address may hold at once while others wait; the rest stay theirs.
    int workers_per_address = 16;
    // Workers kept from an address that is the only one waiting (a room behind one NAT address
    // may take the others), so that a newcomer is answered at once.
    int spare_workers = 8;
    // Connections of one address waiting for a request; a new one beyond this pushes out that
    // address's oldest idle kept-alive one, else its oldest (a slow client's, as a quick phone's
    // request arrives within a round trip). A room of 2,000 phones behind one NAT address keeps
    // about as many open between polls.
    int waiting_per_address = 4096;
    // Whole requests of one address waiting for a worker; beyond this a new one is closed.
    int ready_per_address = 4096;
    // Connections held at the door in all, kept under the open-file limit so the accept loop
    // always has a descriptor for the next phone; beyond this a new one is closed.
    int max_held = 16'000;
    // The whole request (headers and body) must arrive within this, or the connection closes.
    std::chrono::milliseconds request_deadline{10'000};
    // A kept-alive connection's next request must be whole within this of its last answer; answers
    // say so ("Keep-Alive: timeout=5"). A phone polls about once a second.
    std::chrono::milliseconds keep_alive{5'000};
    // Answers on one connection before it closes (httplib's "max=" in the same header).
    int requests_per_connection = 100;
    // Largest request kept whole: cpp-httplib's 8 KiB of headers plus our 16 KiB of body.
    std::size_t max_request_bytes = 32 * 1024;
};

class FrontDoor {
public:
    // `serve(fd, last)` answers the request waiting on `fd`, on a worker thread, and says whether
    // the connection may take another; if not, it has closed `fd`. `last`: the connection's last
    // answer (requests_per_connection, or stopping), which must say so and close it.
    FrontDoor(FrontDoorLimits limits, std::function<bool(platform::Socket fd, bool last)> serve);
    ~FrontDoor();
    FrontDoor(const FrontDoor&) = delete;
    FrontDoor& operator=(const FrontDoor&) = delete;

    // From the accept loop: never blocks, never reads. Takes ownership of `fd`.
    void admit(platform::Socket fd);
    // Closes every connection not yet answered and joins the threads. Idempotent.
    void stop();

    struct Counts {
        int waiting = 0, ready = 0, busy = 0;
        long long closed_slow = 0, closed_crowded = 0, closed_idle = 0, kept_alive = 0;
    };
    Counts counts() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Waiting {
        std::string address;
        Clock::time_point deadline;
        int answered = 0;  // requests this connection has had answered: > 0 is an idle kept-alive one
    };
    struct Ready {  // a connection whose request has arrived whole
        platform::Socket fd;
        int answered = 0;  // its requests answered before this one
    };
    struct Address {
        std::deque<platform::Socket> waiting;  // oldest first
        std::deque<Ready> ready;
        int busy = 0;
    };

    // A connection starts (or, answered, starts again) to wait for its request. mu_ held.
    void wait_for_request(platform::Socket fd, std::string address, int answered);
    void watch();  // the one thread that waits for requests to arrive
    void work();   // a worker
    // Peeks at what has arrived on `fd`: 1 a whole request, 0 not yet, -1 never (closed,
    // too large, not HTTP). Reads nothing out of the socket: cpp-httplib reads it later.
    int request_complete(platform::Socket fd);
    void drop_waiting(platform::Socket fd, bool close_it);  // mu_ held
    // Makes room at a crowded address: its oldest idle connection, else its oldest, goes to
    // the workers if its request is whole after all, else is closed. mu_ held.
    void push_out_oldest(std::deque<platform::Socket>& waiting);
    void to_ready(Ready r, const std::string& address);  // mu_ held
    bool next_ready(Ready& r, std::string& address);     // mu_ held

    FrontDoorLimits limits_;
    std::function<bool(platform::Socket, bool)> serve_;
    platform::SocketWatch watch_;
    mutable std::mutex mu_;
    std::condition_variable work_cv_;
    bool stopping_ = false;
    std::unordered_map<platform::Socket, Waiting> waiting_;
    std::map<std::string, Address> addresses_;
    std::deque<std::string> turn_;  // addresses with ready requests, in the order they are served
    int ready_total_ = 0, busy_total_ = 0;
    long long closed_slow_ = 0, closed_crowded_ = 0, closed_idle_ = 0, kept_alive_ = 0;
    std::thread watcher_;
    std::vector<std::thread> workers_;
};

}  // namespace samling
