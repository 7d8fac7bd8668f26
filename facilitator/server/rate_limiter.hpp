// Token buckets keyed by a participant or an address, so one flooding phone gets 429 while
// every other phone carries on. Thread-safe; no HTTP here.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace samling {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    // `burst` requests at once, then `per_second` on average.
    RateLimiter(double burst, double per_second) : burst_(burst), rate_(per_second) {}

    // Takes one token for `key`. Returns 0 when allowed, else the seconds to wait (>= 1).
    int take(const std::string& key, Clock::time_point now = Clock::now());

    // Like take(), but spends nothing: for limits on failures, checked before the attempt.
    int peek(const std::string& key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point last;
    };
    int refill_and_take(const std::string& key, Clock::time_point now, bool spend);

    double burst_, rate_;
    std::mutex mu_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace samling
