// The seam on Linux: POSIX and a few Linux calls (getrandom, sigtimedwait, epoll, /proc).
// A macOS port replaces those few (README, "Platforms"); the rest is plain POSIX.
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "platform/platform.hpp"
#include "platform/sockets.hpp"

namespace samling::platform {
namespace {

std::error_code last_error() {
    return {errno, std::generic_category()};
}

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

std::atomic<bool> stop_seen{false};

}  // namespace

std::filesystem::path user_data_folder(const std::string& name) {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / name;
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / name;
    return {};
}

std::string user_data_folder_spelled(const std::string& name) {
    return "$XDG_DATA_HOME/" + name;
}

std::optional<std::filesystem::path> program_folder() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return exe.parent_path();
}

void keep_new_files_private() {
    ::umask(S_IRWXG | S_IRWXO);
}

void catch_stop_requests() {
    const sigset_t set = stop_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);  // inherited by every thread started after
}

bool wait_for_stop_request(std::chrono::milliseconds timeout) {
    if (stop_seen) return true;
    const sigset_t set = stop_signals();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(timeout).count();
    const timespec wait{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    if (sigtimedwait(&set, nullptr, &wait) > 0) stop_seen = true;
    return stop_seen;
}

FileLock::FileLock(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error_ = std::strerror(errno);
        return;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        state_ = errno == EWOULDBLOCK ? State::busy : State::failed;
        error_ = std::strerror(errno);
        ::close(fd);
        return;
    }
    handle_ = fd;
    state_ = State::held;
}

FileLock::~FileLock() {
    if (handle_ >= 0) ::close(static_cast<int>(handle_));  // closing releases the flock
}

FileLock::FileLock(FileLock&& other) noexcept
    : handle_(other.handle_), state_(other.state_), error_(std::move(other.error_)) {
    other.handle_ = -1;
}

std::error_code write_new_file_durably(const std::filesystem::path& file, std::string_view contents) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return last_error();
    std::error_code ec;
    while (!contents.empty() && !ec) {
        const ssize_t n = ::write(fd, contents.data(), contents.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ec = n < 0 ? last_error() : std::make_error_code(std::errc::no_space_on_device);
            break;
        }
        contents.remove_prefix(static_cast<std::size_t>(n));
    }
    if (!ec && ::fsync(fd) != 0) ec = last_error();
    if (::close(fd) != 0 && !ec) ec = last_error();
    if (ec) ::unlink(file.c_str());
    return ec;
}

std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    return ::rename(from.c_str(), to.c_str()) == 0 ? std::error_code{} : last_error();
}

bool sync_file(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void sync_folder(const std::filesystem::path& folder) {
    if (const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

int start_again(const std::vector<std::string>& args, std::error_code& error) {
    std::vector<std::string> words{"samling"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    ::execv("/proc/self/exe", argv.data());
    error = last_error();
    return 1;
}

void fill_random(void* buffer, std::size_t size) {
    auto* p = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        const ssize_t n = ::getrandom(p, size, 0);
        if (n < 0) continue;  // EINTR; getrandom never fails otherwise once the pool is ready
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::optional<std::tm> local_time(std::time_t t) {
    std::tm out{};
    if (!localtime_r(&t, &out)) return std::nullopt;
    return out;
}

std::optional<long long> raise_open_file_limit() {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return std::nullopt;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &files);
        (void)::getrlimit(RLIMIT_NOFILE, &files);
    }
    return static_cast<long long>(std::min<rlim_t>(files.rlim_cur, 1'000'000'000));
}

std::vector<std::uint32_t> interface_ipv4_addresses() {
    std::vector<std::uint32_t> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        if (!(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) continue;
        out.push_back(ntohl(reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr.s_addr));
    }
    freeifaddrs(list);
    return out;
}

// --- sockets ---------------------------------------------------------------------------------

void close_socket(Socket s) {
    ::shutdown(s, SHUT_RDWR);
    ::close(s);
}

bool wait_socket(Socket s, bool for_write, int timeout_ms) {
    const short what = for_write ? POLLOUT : POLLIN;
    pollfd p{s, what, 0};
    return ::poll(&p, 1, timeout_ms) > 0 && (p.revents & what);
}

long receive_some(Socket s, char* buffer, std::size_t size) {
    return static_cast<long>(::recv(s, buffer, size, 0));
}

long send_some(Socket s, const char* data, std::size_t size) {
    return static_cast<long>(::send(s, data, size, MSG_NOSIGNAL));
}

long peek_now(Socket s, char* buffer, std::size_t size) {
    const ssize_t n = ::recv(s, buffer, size, MSG_PEEK | MSG_DONTWAIT);
    if (n >= 0) return static_cast<long>(n);
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? -2 : -1;
}

// epoll, edge-triggered: peeking leaves the bytes in the buffer, so only new bytes wake it.
struct SocketWatch::State {
    int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    std::vector<epoll_event> events = std::vector<epoll_event>(256);
};

SocketWatch::SocketWatch() : state_(std::make_unique<State>()) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = state_->wake;
    ::epoll_ctl(state_->epoll, EPOLL_CTL_ADD, state_->wake, &ev);
}

SocketWatch::~SocketWatch() {
    ::close(state_->epoll);
    ::close(state_->wake);
}

bool SocketWatch::add(Socket s) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    ev.data.fd = s;
    return ::epoll_ctl(state_->epoll, EPOLL_CTL_ADD, s, &ev) == 0;
}

void SocketWatch::remove(Socket s) {
    ::epoll_ctl(state_->epoll, EPOLL_CTL_DEL, s, nullptr);
}

void SocketWatch::wait(int timeout_ms, std::vector<Socket>& news) {
    news.clear();
    auto& events = state_->events;
    const int n = ::epoll_wait(state_->epoll, events.data(), static_cast<int>(events.size()), timeout_ms);
    for (int i = 0; i < n; ++i) {
        const int fd = events[static_cast<std::size_t>(i)].data.fd;
        if (fd == state_->wake) {
            std::uint64_t count = 0;
            (void)::read(state_->wake, &count, sizeof count);
            continue;
        }
        news.push_back(fd);
    }
}

void SocketWatch::wake() {
    const std::uint64_t one = 1;
    (void)::write(state_->wake, &one, sizeof one);
}

}  // namespace samling::platform
