// Slugs for export file names. Byte-level UTF-8 handling of the six Norwegian letters; every
// other non-ASCII character is replaced. Standard library only.
#include "export/slug.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace samling {
namespace {

// The second byte of æ ø å (C3 A6, C3 B8, C3 A5) and of Æ Ø Å (C3 86, C3 98, C3 85).
char norwegian_lower(unsigned char second) {
    switch (second) {
        case 0xA6:
        case 0x86:
            return static_cast<char>(0xA6);
        case 0xB8:
        case 0x98:
            return static_cast<char>(0xB8);
        case 0xA5:
        case 0x85:
            return static_cast<char>(0xA5);
        default:
            return 0;
    }
}

bool is_device_name(const std::string& s) {
    static const std::array<std::string_view, 4> plain = {"con", "prn", "aux", "nul"};
    if (std::find(plain.begin(), plain.end(), s) != plain.end()) return true;
    return s.size() == 4 && (s.starts_with("com") || s.starts_with("lpt")) && s[3] >= '0' && s[3] <= '9';
}

// Cuts at most max bytes without splitting a two-byte letter, then drops a trailing "-".
void cap(std::string& s, std::size_t max) {
    if (s.size() > max) {
        std::size_t n = max;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        s.resize(n);
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
}

}  // namespace

std::string slug(std::string_view name) {
    std::string out;
    bool dash = false;  // a separator is owed before the next letter
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        char keep[2] = {0, 0};
        std::size_t width = 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            keep[0] = static_cast<char>(c), width = 1;
        } else if (c >= 'A' && c <= 'Z') {
            keep[0] = static_cast<char>(c - 'A' + 'a'), width = 1;
        } else if (c == 0xC3 && i + 1 < name.size()) {
            if (const char lower = norwegian_lower(static_cast<unsigned char>(name[i + 1]))) {
                keep[0] = static_cast<char>(0xC3), keep[1] = lower, width = 2;
                ++i;
            }
        }
        if (width == 0) {
            dash = !out.empty();
            continue;
        }
        if (dash) out += '-';
        dash = false;
        out.append(keep, width);
    }
    cap(out, max_slug_bytes);
    if (out.empty()) out = "gruppe";
    if (is_device_name(out)) out += "-gruppe";
    return out;
}

std::map<Id, std::string> unique_slugs(const std::vector<std::pair<Id, std::string>>& groups,
                                       const std::vector<std::string>& reserved) {
    std::set<std::string> taken(reserved.begin(), reserved.end());
    std::map<Id, std::string> out;
    for (const auto& [id, name] : groups) {
        const std::string base = slug(name);
        std::string candidate = base;
        for (int n = 2; taken.count(candidate); ++n) {
            std::string stem = base;
            const std::string suffix = "-" + std::to_string(n);
            cap(stem, max_slug_bytes - suffix.size());
            candidate = stem + suffix;
        }
        taken.insert(candidate);
        out[id] = candidate;
    }
    return out;
}

}  // namespace samling
