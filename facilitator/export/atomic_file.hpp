// Writing one export file so that a reader only ever sees the old file or the new one:
// a temporary file in the same folder, fsync, rename over the target, fsync the folder.
// Refuses any target whose real parent folder is not the given folder. POSIX and
// std::filesystem only; errors as values, never exceptions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace samling {

// True when `name` is one plain file name: not empty, not "." or "..", no separator, no NUL.
bool is_plain_file_name(std::string_view name);

// Writes `contents` to dir/name, replacing an existing file whole. Checks with
// weakly_canonical that the target's parent is `dir` itself (so neither ".." nor a symlink
// can lead the write elsewhere). No temporary file is left behind, whatever happens.
Status write_file_atomically(const std::filesystem::path& dir, std::string_view name, std::string_view contents);

// A whole file's bytes, refusing files over max_bytes.
Result<std::string> read_whole_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

}  // namespace samling
