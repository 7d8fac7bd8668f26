// Atomic replacement of export files: a new private file, flushed, renamed over the old one
// (platform::write_new_file_durably, replace_file). A crash or a full disk leaves the previous
// export as it was; the temporary file is removed on every failure path.
#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

#include "platform/platform.hpp"

namespace samling {
namespace {

Error io_error(const std::string& what, const std::filesystem::path& p, int err) {
    return make_error(Errc::storage_failed, what + " " + p.string() + ": " + std::strerror(err));
}

Error io_error(const std::string& what, const std::filesystem::path& p, const std::error_code& ec) {
    return make_error(Errc::storage_failed, what + " " + p.string() + ": " + ec.message());
}

// A name no other writer picks: 48 random bits, as mkstemp's six letters would be.
std::string temporary_name() {
    unsigned char bytes[6];
    platform::fill_random(bytes, sizeof bytes);
    std::string name = ".samling-export-";
    for (unsigned char b : bytes) name += "0123456789abcdef"[b >> 4], name += "0123456789abcdef"[b & 15];
    return name;
}

}  // namespace

bool is_plain_file_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
           name.find('\\') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

Status write_file_atomically(const std::filesystem::path& dir, std::string_view name, std::string_view contents) {
    namespace fs = std::filesystem;
    if (!is_plain_file_name(name))
        return make_error(Errc::invalid_request, "Not a plain file name: " + std::string(name));
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(dir, ec);
    if (ec) return io_error("Cannot resolve", dir, ec.value());
    const fs::path target = folder / fs::path(std::string(name));
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) return io_error("Cannot resolve", target, ec.value());
    if (resolved.parent_path() != folder)
        return make_error(Errc::invalid_request, "Refusing to write outside the export folder: " + target.string());

    // The file is private (0600) from its first byte, and so it stays: an export holds notes
    // about children, for the facilitator to share on purpose, never for every user of the laptop.
    fs::path tmp;
    std::error_code written;
    for (int attempt = 0; attempt < 8; ++attempt) {
        tmp = folder / temporary_name();
        written = platform::write_new_file_durably(tmp, contents);
        if (written != std::errc::file_exists) break;
    }
    if (written)
        return io_error(written == std::errc::file_exists ? "Cannot create a temporary file in" : "Cannot write",
                        written == std::errc::file_exists ? folder : target, written);
    if (const auto replaced = platform::replace_file(tmp, target)) {
        fs::remove(tmp, ec);
        return io_error("Cannot replace", target, replaced);
    }
    // The rename is durable only once the folder itself is synced.
    platform::sync_folder(folder);
    return Ok{};
}

Result<std::string> read_whole_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) return io_error("Cannot read", file, ec.value());
    if (size > max_bytes) return make_error(Errc::invalid_request, "Too large to export: " + file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return io_error("Cannot open", file, errno);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return io_error("Cannot read", file, errno);
    return bytes;
}

}  // namespace samling
