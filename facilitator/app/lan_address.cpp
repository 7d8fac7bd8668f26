// getifaddrs: the first up, non-loopback IPv4 interface, preferring private ranges (a venue
// router or the laptop's own hotspot) over public ones.
#include "app/lan_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>

namespace samling {
namespace {

bool is_private(std::uint32_t host_order) {
    return (host_order >> 24) == 10 || (host_order >> 20) == (172u << 4 | 1) || (host_order >> 16) == (192u << 8 | 168);
}

}  // namespace

std::string reachable_address(const std::string& listen_host) {
    if (listen_host != "0.0.0.0" && listen_host != "::" && !listen_host.empty()) return listen_host;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return "127.0.0.1";
    std::string best, fallback;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        if (!(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) continue;
        const auto* sin = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        char buf[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf);
        if (is_private(ntohl(sin->sin_addr.s_addr))) {
            if (best.empty()) best = buf;
        } else if (fallback.empty()) {
            fallback = buf;
        }
    }
    freeifaddrs(list);
    if (!best.empty()) return best;
    return fallback.empty() ? "127.0.0.1" : fallback;
}

}  // namespace samling
