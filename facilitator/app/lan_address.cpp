// The first up, non-loopback IPv4 interface (platform::interface_ipv4_addresses), preferring
// private ranges (a venue router or the laptop's own hotspot) over public ones.
#include "app/lan_address.hpp"

#include "platform/platform.hpp"

namespace samling {
namespace {

bool is_private(std::uint32_t host_order) {
    return (host_order >> 24) == 10 || (host_order >> 20) == (172u << 4 | 1) || (host_order >> 16) == (192u << 8 | 168);
}

}  // namespace

std::string reachable_address(const std::string& listen_host) {
    if (listen_host != "0.0.0.0" && listen_host != "::" && !listen_host.empty()) return listen_host;
    std::string best, fallback;
    for (const std::uint32_t a : platform::interface_ipv4_addresses()) {
        const std::string text = std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
                                 std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
        if (is_private(a)) {
            if (best.empty()) best = text;
        } else if (fallback.empty()) {
            fallback = text;
        }
    }
    if (!best.empty()) return best;
    return fallback.empty() ? "127.0.0.1" : fallback;
}

}  // namespace samling
