// Sockets behind the seam: the system's socket headers (BSD sockets; Winsock 2), the handle
// type cpp-httplib calls socket_t, and the few calls whose names or flags differ.
#pragma once

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#endif

#include <cstddef>
#include <memory>
#include <vector>

namespace samling::platform {

#ifdef _WIN32
using Socket = SOCKET;
#else
using Socket = int;
#endif

// Shuts the connection down both ways and closes it.
void close_socket(Socket s);
// Waits at most `timeout_ms` for `s` to be readable (or writable); true when it is.
bool wait_socket(Socket s, bool for_write, int timeout_ms);
// recv(2) and send(2); send never raises SIGPIPE. Negative on error.
long receive_some(Socket s, char* buffer, std::size_t size);
long send_some(Socket s, const char* data, std::size_t size);
// Looks at what has arrived without taking it out and without waiting: the byte count, 0 when
// the peer closed, -1 on error, -2 when nothing is there yet.
long peek_now(Socket s, char* buffer, std::size_t size);

// Which sockets have news (new bytes; a hang-up with nothing unread) since they were last
// reported: a socket whose bytes are only peeked at is reported again only once more arrive.
class SocketWatch {
public:
    SocketWatch();
    ~SocketWatch();
    SocketWatch(const SocketWatch&) = delete;
    SocketWatch& operator=(const SocketWatch&) = delete;
    bool add(Socket s);
    void remove(Socket s);
    // Waits at most `timeout_ms`; fills `news` (cleared first).
    void wait(int timeout_ms, std::vector<Socket>& news);
    // From another thread: the wait under way returns soon.
    void wake();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace samling::platform
