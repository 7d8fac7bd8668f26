// Randomness straight from the system (getrandom, BCryptGenRandom: platform::fill_random); no
// userspace generator to seed or get wrong.
#include "core/secrets.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

#include "platform/platform.hpp"

namespace samling::secrets {
using platform::fill_random;

std::string token_secret() {
    std::array<unsigned char, 16> bytes{};
    fill_random(bytes.data(), bytes.size());
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string room_code(std::size_t length) {
    static constexpr std::string_view alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::string out;
    while (out.size() < length) {
        unsigned char b = 0;
        fill_random(&b, 1);
        if (b >= 248) continue;  // 248 = 8 * 31: reject to keep every letter equally likely
        out += alphabet[b % alphabet.size()];
    }
    return out;
}

bool equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace samling::secrets
