// Quoting a Windows command line: the one part of starting again that is the same everywhere,
// kept out of platform_windows.cpp so Linux's tests can hold it to the C runtime's rules.
#include "platform/platform.hpp"

namespace samling::platform {

std::string windows_command_line(const std::vector<std::string>& args) {
    std::string line;
    for (const auto& arg : args) {
        if (!line.empty()) line += ' ';
        if (!arg.empty() && arg.find_first_of(" \t\n\v\"") == std::string::npos) {
            line += arg;
            continue;
        }
        // Inside quotes, backslashes are literal unless a quote follows them: then each one is
        // doubled, and the quote escaped, so "C:\dir\" stays C:\dir\ and a\"b stays a\"b.
        line += '"';
        std::size_t backslashes = 0;
        for (const char c : arg) {
            if (c == '\\') {
                ++backslashes;
                continue;
            }
            if (c == '"') {
                line.append(2 * backslashes + 1, '\\');
            } else {
                line.append(backslashes, '\\');
            }
            backslashes = 0;
            line += c;
        }
        line.append(2 * backslashes, '\\');
        line += '"';
    }
    return line;
}

}  // namespace samling::platform
