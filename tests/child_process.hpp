// A child process with its standard output (and error) piped to us: the one helper the
// command-line tests (app_process.hpp) and the benchmarks (tests/bench) share to start
// samling, read what it prints and stop it. No test framework here: callers check results.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace samling::testing {

class ChildProcess {
public:
    struct Spec {
        std::vector<std::string> argv;  // argv[0] is the path
        std::string stderr_file;        // appended to; empty: piped, read with err()
        std::optional<rlimit> open_files;
    };

    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (out_ >= 0) ::close(out_);
        if (err_ >= 0) ::close(err_);
    }

    // Forks and execs; false with `error` set when that failed before the exec.
    bool start(const Spec& spec, std::string& error) {
        int out[2], err[2] = {-1, -1};
        if (::pipe2(out, O_CLOEXEC) != 0 || (spec.stderr_file.empty() && ::pipe2(err, O_CLOEXEC) != 0)) {
            error = std::string("pipe: ") + std::strerror(errno);
            return false;
        }
        int log_fd = -1;
        if (!spec.stderr_file.empty()) {
            log_fd = ::open(spec.stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
            if (log_fd < 0) {
                error = "cannot open " + spec.stderr_file + ": " + std::strerror(errno);
                return false;
            }
        }
        std::vector<std::string> args = spec.argv;
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const pid_t parent = ::getpid();
        pid_ = ::fork();
        if (pid_ < 0) {
            error = std::string("fork: ") + std::strerror(errno);
            return false;
        }
        if (pid_ == 0) {  // the child: async-signal-safe calls only
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent) ::_exit(127);
            ::dup2(out[1], STDOUT_FILENO);
            ::dup2(log_fd >= 0 ? log_fd : err[1], STDERR_FILENO);
            struct sigaction dfl {};
            dfl.sa_handler = SIG_DFL;
            ::sigaction(SIGPIPE, &dfl, nullptr);  // ignored dispositions survive exec
            sigset_t none;
            ::sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            if (spec.open_files) ::setrlimit(RLIMIT_NOFILE, &*spec.open_files);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        out_ = out[0];
        if (err[1] >= 0) ::close(err[1]);
        err_ = err[0];
        if (log_fd >= 0) ::close(log_fd);
        return true;
    }

    pid_t pid() const { return exited_ ? -1 : pid_; }

    // The next line of standard output without its newline; nullopt after the timeout or at
    // the end of the output.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (auto nl = stdout_.find('\n'); nl != std::string::npos) {
                std::string line = stdout_.substr(0, nl);
                stdout_.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            pump(err_, stderr_, 0);
            const int got = pump(out_, stdout_, static_cast<int>(std::min<long>(left.count(), 100)));
            if (got < 0) return std::nullopt;  // the child closed its output
        }
    }

    void signal(int sig) {
        if (pid_ > 0 && !exited_) ::kill(pid_, sig);
    }

    // Waits for the exit, reading both streams meanwhile so the child never blocks on a full
    // pipe; SIGKILL after the timeout. Returns the raw waitpid status.
    int wait(std::chrono::milliseconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        int status = 0;
        while (!exited_ && ::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > end) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                break;
            }
            pump(out_, stdout_, 20);
            pump(err_, stderr_, 20);
        }
        exited_ = true;
        while (pump(out_, stdout_, 0) > 0) {
        }
        while (pump(err_, stderr_, 0) > 0) {
        }
        status_ = status;
        return status;
    }

    // SIGINT, then wait(); the way a facilitator's Ctrl-C stops samling.
    int interrupt_and_wait(std::chrono::milliseconds timeout) {
        signal(SIGINT);
        return wait(timeout);
    }

    // Reads whatever has arrived, so a long-running child never blocks on a full pipe.
    void drain() {
        while (pump(out_, stdout_, 0) > 0) {
        }
        while (pump(err_, stderr_, 0) > 0) {
        }
    }

    const std::string& out() const { return stdout_; }
    const std::string& err() const { return stderr_; }

    static int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }
    static std::string describe(int status) {
        if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status))
            return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
        return "status " + std::to_string(status);
    }

private:
    // 1 read something, 0 nothing yet, -1 end of stream.
    static int pump(int fd, std::string& into, int timeout_ms) {
        if (fd < 0) return -1;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) return 0;
        char buf[4096];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) return -1;
        if (n < 0) return errno == EINTR || errno == EAGAIN ? 0 : -1;
        into.append(buf, static_cast<size_t>(n));
        return 1;
    }

    pid_t pid_ = -1;
    int out_ = -1, err_ = -1;
    bool exited_ = false;
    int status_ = 0;
    std::string stdout_, stderr_;
};

// samling's line on standard output that says where phones join.
inline constexpr std::string_view join_line_prefix = "samling: participants join at ";

// Reads samling's standard output until the join line; returns its URL
// (http://HOST:PORT/?room=CODE), or nullopt when none came within `timeout`.
inline std::optional<std::string> wait_for_join_url(ChildProcess& samling, std::chrono::milliseconds timeout,
                                                    std::vector<std::string>* other_lines = nullptr) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
        auto line = samling.read_line(left);
        if (!line) return std::nullopt;
        if (line->rfind(join_line_prefix, 0) == 0) return line->substr(join_line_prefix.size());
        if (other_lines) other_lines->push_back(*line);
    }
    return std::nullopt;
}

}  // namespace samling::testing
