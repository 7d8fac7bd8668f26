// Atomic replacement of export files with POSIX calls (mkstemp, fsync, rename). A crash or
// a full disk leaves the previous export as it was; the temporary file is removed on every
// failure path.
#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace samling {
namespace {

Error io_error(const std::string& what, const std::filesystem::path& p, int err) {
    return make_error(Errc::storage_failed, what + " " + p.string() + ": " + std::strerror(err));
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
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

    std::string tmpl = (folder / ".samling-export-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    const int fd = ::mkstemp(buf.data());
    if (fd < 0) return io_error("Cannot create a temporary file in", folder, errno);
    const fs::path tmp(buf.data());
    const auto fail = [&](const std::string& what, int err) -> Status {
        ::unlink(tmp.c_str());
        return io_error(what, target, err);
    };
    // mkstemp makes the file private (0600), and so it stays: an export holds notes about
    // children, for the facilitator to share on purpose, never for every user of the laptop.
    if (!write_all(fd, contents) || ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return fail("Cannot write", err);
    }
    if (::close(fd) != 0) return fail("Cannot write", errno);
    if (::rename(tmp.c_str(), target.c_str()) != 0) return fail("Cannot replace", errno);
    // The rename is durable only once the folder itself is synced.
    if (const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
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
