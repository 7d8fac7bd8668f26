// Unguessable values: participant token secrets and room codes, from the kernel's CSPRNG.
#pragma once

#include <string>
#include <string_view>

namespace samling::secrets {

// 128 random bits as 32 lower-case hex digits.
std::string token_secret();

// A short room code people can read off a projector and type: no 0/O, 1/I/L.
std::string room_code(std::size_t length = 6);

// Compares in time that depends only on the lengths, so a secret cannot be guessed byte by byte.
bool equal(std::string_view a, std::string_view b);

}  // namespace samling::secrets
