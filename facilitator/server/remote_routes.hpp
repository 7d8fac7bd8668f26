// The facilitator remote's calls on the participants' server (docs/API.md, "Facilitator
// remote"): pairing from the QR's one-time token, the control surface's commands, the overview.
// A participant's token is refused here with 403, a revoked remote's with 401.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>

#include "core/model.hpp"
#include "server/rate_limiter.hpp"

namespace samling {

class Hub;

class RemoteRoutes {
public:
    // Adds the routes; `hub` is asked for the hub at each request (it is set after the routes).
    void add_to(httplib::Server& http, std::function<Hub&()> hub);

private:
    std::optional<Id> authenticate(const httplib::Request& req, httplib::Response& res, RateLimiter& limiter);

    std::function<Hub&()> hub_;
    RateLimiter pairings_{10, 0.2};  // per address: a few tries, then one per 5 s
    RateLimiter commands_{30, 5};    // per remote: a facilitator tapping fast, not a script in a loop
    RateLimiter polls_{10, 2};       // per remote: the page polls as a phone's does
};

}  // namespace samling
