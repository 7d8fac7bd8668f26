// The front door: one thread watches connections (platform::SocketWatch: epoll on Linux) until
// their whole request is in the kernel's buffer (peeked, never read), then workers answer them address by address in
// turn. A slow sender costs a file descriptor, not a worker; a slow reader holds at most its address's share of the
// workers, and only until the answer's deadline. A kept-alive connection waits here again after each answer.
#include "server/front_door.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

namespace samling {
namespace {

std::string address_of(platform::Socket fd) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
    char host[NI_MAXHOST] = {};
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
        return {};
    return host;
}

void close_fd(platform::Socket fd) {
    platform::close_socket(fd);
}

// The value of header `name` (lower case, with the colon) in `head`, or "" when absent.
std::string_view header_value(std::string_view head, std::string_view name) {
    for (std::size_t at = head.find("\r\n"); at != std::string_view::npos; at = head.find("\r\n", at + 2)) {
        const std::string_view line = head.substr(at + 2, head.find("\r\n", at + 2) - (at + 2));
        if (line.size() < name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(line[i])) == name[i];
        if (!same) continue;
        std::string_view v = line.substr(name.size());
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        return v;
    }
    return {};
}

}  // namespace

FrontDoor::FrontDoor(FrontDoorLimits limits, std::function<bool(platform::Socket, bool)> serve)
    : limits_(limits), serve_(std::move(serve)) {
    watcher_ = std::thread([this] { watch(); });
    for (int i = 0; i < std::max(1, limits_.workers); ++i) workers_.emplace_back([this] { work(); });
}

FrontDoor::~FrontDoor() {
    stop();
}

void FrontDoor::stop() {
    {
        std::lock_guard lock(mu_);
        if (stopping_) return;
        stopping_ = true;
    }
    watch_.wake();
    work_cv_.notify_all();
    if (watcher_.joinable()) watcher_.join();
    for (auto& w : workers_)
        if (w.joinable()) w.join();
    std::lock_guard lock(mu_);
    for (auto& [fd, w] : waiting_) close_fd(fd);
    waiting_.clear();
    for (auto& [address, a] : addresses_)
        for (const Ready& r : a.ready) close_fd(r.fd);
    addresses_.clear();
    turn_.clear();
}

void FrontDoor::admit(platform::Socket fd) {
    std::string address = address_of(fd);
    std::lock_guard lock(mu_);
    if (stopping_) return close_fd(fd);
    wait_for_request(fd, std::move(address), 0);
}

void FrontDoor::wait_for_request(platform::Socket fd, std::string address, int answered) {
    Address& a = addresses_[address];
    const int held = static_cast<int>(waiting_.size()) + ready_total_ + busy_total_;
    if (static_cast<int>(a.ready.size()) >= limits_.ready_per_address || held >= limits_.max_held) {
        ++closed_crowded_;
        return close_fd(fd);
    }
    if (static_cast<int>(a.waiting.size()) >= limits_.waiting_per_address) push_out_oldest(a.waiting);
    a.waiting.push_back(fd);
    const auto wait = answered > 0 ? limits_.keep_alive : limits_.request_deadline;
    waiting_[fd] = Waiting{std::move(address), Clock::now() + wait, answered};
    // Edge-triggered: peeking leaves the bytes in the buffer, so only new bytes wake us. A
    // request already there when the socket is added wakes us too.
    if (!watch_.add(fd)) drop_waiting(fd, true);
}

void FrontDoor::push_out_oldest(std::deque<platform::Socket>& waiting) {
    const auto idle =
        std::find_if(waiting.begin(), waiting.end(), [&](platform::Socket fd) { return waiting_[fd].answered > 0; });
    const platform::Socket fd = idle != waiting.end() ? *idle : waiting.front();
    // The watcher may not have seen its request yet: one that is whole goes on, not out.
    if (request_complete(fd) > 0) {
        const std::string address = waiting_[fd].address;
        const int answered = waiting_[fd].answered;
        drop_waiting(fd, false);
        return to_ready({fd, answered}, address);
    }
    ++(idle != waiting.end() ? closed_idle_ : closed_crowded_);
    drop_waiting(fd, true);
}

void FrontDoor::to_ready(Ready r, const std::string& address) {
    Address& a = addresses_[address];
    if (a.ready.empty()) turn_.push_back(address);
    a.ready.push_back(r);
    ++ready_total_;
    work_cv_.notify_one();
}

void FrontDoor::drop_waiting(platform::Socket fd, bool close_it) {
    auto it = waiting_.find(fd);
    if (it == waiting_.end()) return;
    watch_.remove(fd);
    auto& list = addresses_[it->second.address].waiting;
    list.erase(std::remove(list.begin(), list.end(), fd), list.end());
    waiting_.erase(it);
    if (close_it) close_fd(fd);
}

int FrontDoor::request_complete(platform::Socket fd) {
    thread_local std::vector<char> buf;
    buf.resize(limits_.max_request_bytes + 1);
    const long n = platform::peek_now(fd, buf.data(), buf.size());
    if (n == 0) return -1;  // closed before its request was whole
    if (n < 0) return n == -2 ? 0 : -1;
    const std::string_view seen(buf.data(), static_cast<std::size_t>(n));
    const auto end = seen.find("\r\n\r\n");
    if (end == std::string_view::npos) return seen.size() > limits_.max_request_bytes ? -1 : 0;
    const std::string_view head = seen.substr(0, end + 2);
    // Whatever the guards refuse unread (chunked, too long, 100-continue) goes on as it is.
    if (!header_value(head, "transfer-encoding:").empty() || !header_value(head, "expect:").empty()) return 1;
    const std::string_view length = header_value(head, "content-length:");
    std::size_t body = 0;
    for (char c : length) {
        if (c < '0' || c > '9' || body > limits_.max_request_bytes) return 1;  // the guards answer it
        body = body * 10 + static_cast<std::size_t>(c - '0');
    }
    if (body > limits_.max_request_bytes) return 1;
    return seen.size() >= end + 4 + body ? 1 : 0;
}

void FrontDoor::watch() {
    std::vector<platform::Socket> news;
    for (;;) {
        watch_.wait(100, news);
        std::lock_guard lock(mu_);
        if (stopping_) return;
        for (const platform::Socket fd : news) {
            if (!waiting_.count(fd)) continue;
            const int whole = request_complete(fd);
            if (whole < 0) {
                drop_waiting(fd, true);
            } else if (whole > 0) {
                const std::string address = waiting_[fd].address;
                const int answered = waiting_[fd].answered;
                drop_waiting(fd, false);
                to_ready({fd, answered}, address);
            }
        }
        // Slow senders: out when their deadline passes, whatever they were sending.
        const auto now = Clock::now();
        std::vector<platform::Socket> late;
        for (const auto& [fd, w] : waiting_)
            if (w.deadline <= now) late.push_back(fd);
        for (platform::Socket fd : late) {
            ++(waiting_[fd].answered > 0 ? closed_idle_ : closed_slow_);
            drop_waiting(fd, true);
        }
        // Addresses with nothing left are forgotten, so the map stays the size of the room.
        for (auto it = addresses_.begin(); it != addresses_.end();)
            it = it->second.waiting.empty() && it->second.ready.empty() && it->second.busy == 0 ? addresses_.erase(it)
                                                                                                : std::next(it);
    }
}

bool FrontDoor::next_ready(Ready& r, std::string& address) {
    // Round robin over the addresses with work, skipping those at their share of workers. An
    // address alone with work may take all but the spare ones: nobody else is kept waiting.
    const int share = turn_.size() == 1 ? std::max(limits_.workers_per_address, limits_.workers - limits_.spare_workers)
                                        : limits_.workers_per_address;
    for (std::size_t i = 0; i < turn_.size(); ++i) {
        Address& a = addresses_[turn_[i]];
        if (a.busy >= share) continue;
        address = turn_[i];
        r = a.ready.front();
        a.ready.pop_front();
        ++a.busy;
        --ready_total_;
        turn_.erase(turn_.begin() + static_cast<std::ptrdiff_t>(i));
        if (!a.ready.empty()) turn_.push_back(address);
        return true;
    }
    return false;
}

void FrontDoor::work() {
    std::unique_lock lock(mu_);
    for (;;) {
        bool got = false;
        Ready r{};
        std::string address;
        work_cv_.wait(lock, [&] { return stopping_ || (got = next_ready(r, address)); });
        if (stopping_ && !got) return;
        ++busy_total_;
        const platform::Socket fd = r.fd;
        const int answered = r.answered + 1;
        const bool last = stopping_ || answered >= limits_.requests_per_connection;
        lock.unlock();
        const bool open = serve_(fd, last);
        lock.lock();
        --busy_total_;
        Address& a = addresses_[address];
        --a.busy;
        if (open && stopping_) {
            close_fd(fd);
        } else if (open) {
            ++kept_alive_;
            wait_for_request(fd, address, answered);
        }
        // This address may now take another worker, and it may be the only one waiting.
        if (!a.ready.empty()) work_cv_.notify_one();
        if (stopping_) return;
    }
}

FrontDoor::Counts FrontDoor::counts() const {
    std::lock_guard lock(mu_);
    return {static_cast<int>(waiting_.size()),
            ready_total_,
            busy_total_,
            closed_slow_,
            closed_crowded_,
            closed_idle_,
            kept_alive_};
}

}  // namespace samling
