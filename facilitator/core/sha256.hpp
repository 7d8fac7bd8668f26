// SHA-256 (FIPS 180-4), for storing token secrets as digests: a copied store file must not let
// anyone act as a phone. Secrets are 128 random bits, so a fast hash is enough (no stretching).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace samling {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);  // 64 lower-case hex digits

}  // namespace samling
