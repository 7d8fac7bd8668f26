// Specification of tokens and room codes.
#include <doctest/doctest.h>

#include <set>

#include "core/secrets.hpp"
#include "core/sha256.hpp"
#include "core_fixture.hpp"

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

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors, across the one- and two-block tails") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(sha256_hex(std::string(64, 'x')).size() == 64);
}

TEST_CASE("a participant's token secret is kept only as its digest, and still authenticates") {
    testing::RoomFixture room;
    Workshop& w = room.w;
    const std::string secret(32, 'k');
    const Participant& p = *w.participant(testing::run(w, cmd::Join{"ABC234", room.nord, "Kari", secret}).subject);
    CHECK(p.secret_hash == sha256_hex(secret));
    CHECK(p.secret_hash.find(secret) == std::string::npos);
    CHECK(w.authenticate(std::to_string(p.id) + "." + secret) == p.id);
    // The digest itself is no token: a stolen store file does not let anyone act as the phone.
    CHECK_FALSE(w.authenticate(std::to_string(p.id) + "." + p.secret_hash));
}
