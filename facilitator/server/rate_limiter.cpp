// Token-bucket arithmetic; buckets refill continuously, so no timer thread is needed.
#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace samling {

int RateLimiter::take(const std::string& key, Clock::time_point now) {
    return refill_and_take(key, now, true);
}

int RateLimiter::peek(const std::string& key, Clock::time_point now) {
    return refill_and_take(key, now, false);
}

int RateLimiter::refill_and_take(const std::string& key, Clock::time_point now, bool spend) {
    std::lock_guard lock(mu_);
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
        const double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
        b.last = now;
    }
    if (b.tokens >= 1.0) {
        if (spend) b.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_)));
}

}  // namespace samling
