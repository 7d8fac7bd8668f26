// Specification of tokens and room codes.
#include <doctest/doctest.h>

#include <set>

#include "core/secrets.hpp"

using namespace samling;

TEST_CASE("token secrets are 128 bits of hex and do not repeat") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string s = secrets::token_secret();
        CHECK(s.size() == 32);
        CHECK(s.find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(s);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("room codes avoid letters people confuse") {
    for (int i = 0; i < 200; ++i) {
        const std::string code = secrets::room_code();
        CHECK(code.size() == 6);
        CHECK(code.find_first_of("0O1IL") == std::string::npos);
    }
}

TEST_CASE("secret comparison is exact") {
    CHECK(secrets::equal("abc", "abc"));
    CHECK_FALSE(secrets::equal("abc", "abd"));
    CHECK_FALSE(secrets::equal("abc", "abcd"));
    CHECK(secrets::equal("", ""));
}
