// The socket stream cpp-httplib reads a request from and writes its answer to, with one
// deadline for the whole answer (httplib's own timeouts restart at every write, so a client
// reading a byte at a time could hold a worker for hours).
#include "server/http_server.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "platform/sockets.hpp"

namespace samling {
namespace {

using Clock = std::chrono::steady_clock;

// Runs every task at once on the accept loop's thread: the task is FrontDoor::admit, which
// never blocks, so no queue of sockets builds up where nobody watches their deadlines.
class RunAtOnce : public httplib::TaskQueue {
public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

class DeadlineStream : public httplib::Stream {
public:
    DeadlineStream(platform::Socket fd, Clock::time_point deadline) : fd_(fd), deadline_(deadline) {}

    bool is_readable() const override { return pos_ < len_ || wait_for(false); }
    bool is_writable() const override { return wait_for(true); }

    ssize_t read(char* ptr, size_t size) override {
        // httplib reads the request line a byte at a time: serve those from a buffer.
        if (pos_ == len_) {
            if (!wait_for(false)) return -1;
            const long n = platform::receive_some(fd_, buf_.data(), buf_.size());
            if (n <= 0) return n;
            pos_ = 0;
            len_ = static_cast<size_t>(n);
        }
        const size_t n = std::min(size, len_ - pos_);
        std::memcpy(ptr, buf_.data() + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!wait_for(true)) return -1;
        // httplib writes the status line and headers in one piece, first.
        if (!head_seen_) {
            head_seen_ = true;
            const std::string_view head(ptr, size);
            if (head.rfind("HTTP/1.1 ", 0) == 0 && head.size() > 12)
                status_ = std::atoi(std::string(head.substr(9, 3)).c_str());
            closes_ = head.find("\r\nConnection: close\r\n") != std::string_view::npos;
        }
        return platform::send_some(fd_, ptr, size);
    }

    // Whether the connection may carry another request: the answer kept it open, the request
    // was one httplib could read (not a refusal whose body was left unread), and nothing came
    // after it (a pipelined request read into our buffer would be lost).
    bool may_stay_open() const {
        return head_seen_ && !closes_ && pos_ == len_ && status_ != 0 && status_ != 400 && status_ != 414 &&
               status_ != 500;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { name_of(true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { name_of(false, ip, port); }
    socket_t socket() const override { return fd_; }

private:
    bool wait_for(bool write) const {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
        return left > 0 && platform::wait_socket(fd_, write, static_cast<int>(left));
    }

    void name_of(bool peer, std::string& ip, int& port) const {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        const int rc = peer ? ::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len)
                            : ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        if (rc != 0) return;
        char host[NI_MAXHOST] = {}, serv[NI_MAXSERV] = {};
        if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                          NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
            ip = host;
            port = std::atoi(serv);
        }
    }

    platform::Socket fd_;
    Clock::time_point deadline_;
    std::array<char, 4096> buf_{};
    size_t pos_ = 0, len_ = 0;
    bool head_seen_ = false, closes_ = false;
    int status_ = 0;
};

}  // namespace

HttpServer::HttpServer(FrontDoorLimits limits, std::chrono::milliseconds answer_deadline)
    : answer_deadline_(answer_deadline),
      door_(std::make_unique<FrontDoor>(limits, [this](platform::Socket fd, bool last) { return answer(fd, last); })) {
    new_task_queue = [] { return new RunAtOnce; };
    set_keep_alive_max_count(static_cast<std::size_t>(limits.requests_per_connection));
    set_keep_alive_timeout(
        std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(limits.keep_alive).count()));
}

HttpServer::~HttpServer() {
    close_door();
}

bool HttpServer::widen_backlog(int backlog) {
    return ::listen(svr_sock_, backlog) == 0;
}

void HttpServer::close_door() {
    door_->stop();
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    door_->admit(sock);
    return true;
}

bool HttpServer::answer(platform::Socket fd, bool last) {
    // The request is whole in the kernel's buffer (FrontDoor peeked at it), so reading it is
    // quick; the deadline bounds the answer's writing.
    DeadlineStream stream(fd, Clock::now() + answer_deadline_);
    bool closed = false;
    const bool answered = process_request(stream, /*close_connection=*/last, closed, nullptr);
    if (answered && !closed && !last && stream.may_stay_open()) return true;
    platform::close_socket(fd);
    return false;
}

}  // namespace samling
