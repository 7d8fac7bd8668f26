// Escaping, base64 and date formatting for the exports. No dependencies beyond the standard
// library: gmtime is not used, so nothing here touches global state.
#include "export/encoding.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "core/dates.hpp"

namespace samling::encode {

std::string html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown(std::string_view s, std::string_view indent, bool starts_line) {
    constexpr std::string_view always = "\\`*_[]<>|~&";
    constexpr std::string_view at_line_start = "#+-=";
    std::string out;
    bool line_start = starts_line;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r') continue;
        if (c == '\n') {
            out += "  \n";  // two spaces: a hard line break inside the paragraph or list item
            out += indent;
            line_start = true;
            continue;
        }
        if (line_start && c == ' ') continue;  // leading spaces would start a code block
        if (always.find(c) != std::string_view::npos || (line_start && at_line_start.find(c) != std::string_view::npos))
            out += '\\';
        // "1. " at the start of a line would start a numbered list.
        if (line_start && c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            if (j < s.size() && (s[j] == '.' || s[j] == ')')) {
                out.append(s.substr(i, j - i));
                out += '\\';
                out += s[j];
                i = j;
                line_start = false;
                continue;
            }
        }
        out += c;
        line_start = false;
    }
    return out;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_text(std::string_view s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
        return csv_field("'" + std::string(s));
    return csv_field(s);
}

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = byte(i) << 16;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string url_path(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '/';
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

namespace {

struct Civil {
    int year;
    unsigned month, day;
    long long seconds_of_day;
};

Civil civil(Timestamp t) {
    using namespace std::chrono;
    const sys_time<milliseconds> tp{milliseconds{t}};
    const sys_days day = floor<days>(tp);
    const year_month_day ymd{day};
    const auto secs = duration_cast<seconds>(tp - day).count();
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), secs};
}

}  // namespace

std::string iso8601_utc(Timestamp t) {
    if (t == 0) return {};
    const Civil c = civil(t);
    std::array<char, 64> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", c.year, c.month, c.day,
                  c.seconds_of_day / 3600, c.seconds_of_day / 60 % 60, c.seconds_of_day % 60);
    return buf.data();
}

std::string iso_date(Timestamp t) {
    if (t == 0) return {};
    const Civil c = civil(t);
    std::array<char, 64> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", c.year, c.month, c.day);
    return buf.data();
}

std::string long_date(std::string_view iso, const ReportStrings& s) {
    const auto date = parse_iso_date(iso);
    if (!date) return std::string(iso);
    const int year = static_cast<int>(date->year());
    const auto month = static_cast<unsigned>(date->month()), day = static_cast<unsigned>(date->day());
    const std::string month_name(s.months[static_cast<std::size_t>(month - 1)]);
    if (s.lang_tag == "en") return std::to_string(day) + " " + month_name + " " + std::to_string(year);
    return std::to_string(day) + ". " + month_name + " " + std::to_string(year);
}

}  // namespace samling::encode
