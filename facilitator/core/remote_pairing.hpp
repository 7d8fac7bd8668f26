// The pairing QR's token for a facilitator remote. Each token pairs one remote only, and none
// lives longer than pairing_lifetime_ms, so a photo of an old QR code cannot pair later.
// Kept in memory only (a restart starts a new one). Not thread-safe: the hub guards it.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"

namespace samling {

inline constexpr Timestamp pairing_lifetime_ms = 10 * 60 * 1000;

class RemotePairing {
public:
    // The token the QR shows now: the current one, or a fresh one when it was used or is too old.
    std::string offer(Timestamp now);
    // Spends `token` if it is the current one and still fresh; a second call with it fails.
    bool take(std::string_view token, Timestamp now);
    // Gives a just-spent token back when the pairing it was spent on failed (a bad name), unless
    // a newer one has been offered since.
    void give_back(std::string_view token);

private:
    std::string token_;
    Timestamp minted_at_ = 0;
    bool used_ = true;
};

}  // namespace samling
