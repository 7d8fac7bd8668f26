// A fresh temporary folder per test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>

#include "platform/platform.hpp"

namespace samling::testing {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        // mkdtemp's promise, on every system: a new folder no one else picked.
        for (;;) {
            unsigned char bytes[6];
            platform::fill_random(bytes, sizeof bytes);
            std::string name = "samling-test-";
            for (unsigned char b : bytes) name += "0123456789abcdef"[b >> 4], name += "0123456789abcdef"[b & 15];
            path = std::filesystem::temp_directory_path() / name;
            if (std::filesystem::create_directory(path)) break;
        }
        std::filesystem::permissions(path, std::filesystem::perms::owner_all);  // 0700, as mkdtemp makes it
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace samling::testing
