// One-time, short-lived pairing tokens for facilitator remotes (remote_pairing.hpp).
#include "core/remote_pairing.hpp"

#include "core/secrets.hpp"

namespace samling {

std::string RemotePairing::offer(Timestamp now) {
    if (used_ || token_.empty() || now - minted_at_ >= pairing_lifetime_ms || now < minted_at_) {
        token_ = secrets::token_secret();
        minted_at_ = now;
        used_ = false;
    }
    return token_;
}

bool RemotePairing::take(std::string_view token, Timestamp now) {
    const bool fresh = !used_ && !token_.empty() && now >= minted_at_ && now - minted_at_ < pairing_lifetime_ms;
    if (!fresh || !secrets::equal(token, token_)) return false;
    used_ = true;
    return true;
}

void RemotePairing::give_back(std::string_view token) {
    if (used_ && !token_.empty() && secrets::equal(token, token_)) used_ = false;
}

}  // namespace samling
