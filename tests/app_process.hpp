// Runs the real samling binary as a child with piped stdout and stderr, for command-line
// tests: ChildProcess (shared with the benchmarks) with doctest's checks on top.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace samling::testing {

class Process {
public:
    explicit Process(std::vector<std::string> args) {
        args.insert(args.begin(), SAMLING_BIN);
        std::string error;
        REQUIRE_MESSAGE(child_.start({args, "", std::nullopt}, error), error);
    }

    // Reads stdout until a newline or the timeout; returns the line without its newline.
    std::string read_line(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        return child_.read_line(timeout).value_or("");
    }

    void signal(int sig) { child_.signal(sig); }

    // Waits for the exit and collects the rest of both streams. Returns the exit code (or 128+signal).
    int wait(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        return ChildProcess::exit_code(child_.wait(timeout));
    }

    const std::string& out() const { return child_.out(); }
    const std::string& err() const { return child_.err(); }

private:
    ChildProcess child_;
};

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace samling::testing
