// The operating system behind one small seam: folders, stop requests, the single writer's lock,
// durable files, starting again, randomness, time of day, LAN addresses. platform_posix.cpp
// (Linux, macOS) or platform_windows.cpp implements it, chosen by CMake; nothing above it
// needs an #ifdef.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace samling::platform {

// --- folders ---------------------------------------------------------------------------------
// The folder `name` among a user's program data: $XDG_DATA_HOME/name, else
// ~/.local/share/name; on Windows %LOCALAPPDATA%\Name, capitalised as programs are there.
// Empty when the environment names no such place.
std::filesystem::path user_data_folder(const std::string& name);
// The same folder as a person would write it, for --help: "$XDG_DATA_HOME/name" or
// "%LOCALAPPDATA%\Name".
std::string user_data_folder_spelled(const std::string& name);
// The folder the running program's file is in (the unpacked zip on Windows).
std::optional<std::filesystem::path> program_folder();
// Files and folders made from now on are the user's alone: umask 077. On Windows the data
// folder under %LOCALAPPDATA% inherits the profile's owner-only permissions.
void keep_new_files_private();

// --- stop requests ---------------------------------------------------------------------------
// SIGINT and SIGTERM; on Windows Ctrl+C, Ctrl+Break, closing the console, logoff, shutdown.
// Call before any other thread starts, so no handler runs in the middle of a frame or a commit.
void catch_stop_requests();
// True once a stop was requested, waiting for one at most `timeout`.
bool wait_for_stop_request(std::chrono::milliseconds timeout);

// --- the single writer's lock ----------------------------------------------------------------
// An exclusive lock on `file` (created if missing), taken without waiting and held until this
// object goes; the system drops it when the process dies, however it dies.
class FileLock {
public:
    enum class State { held, busy, failed };
    explicit FileLock(const std::filesystem::path& file);
    ~FileLock();
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&&) = delete;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    State state() const { return state_; }
    // Why it failed, in the system's words (state() == failed).
    const std::string& error() const { return error_; }

private:
    std::intptr_t handle_ = -1;
    State state_ = State::failed;
    std::string error_;
};

// --- durable files ---------------------------------------------------------------------------
// Writes `contents` into a new file only this user may read, flushed to the disk before it
// returns (fsync; FlushFileBuffers). Fails, changing nothing, if `file` exists.
std::error_code write_new_file_durably(const std::filesystem::path& file, std::string_view contents);
// Renames `from` over `to` in one step (rename; MoveFileEx with REPLACE_EXISTING|WRITE_THROUGH).
std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to);
// Flushes a file's bytes to the disk.
bool sync_file(const std::filesystem::path& file);
// Makes the names in a folder durable after a rename into it (fsync of the folder). Windows
// has no such call: MoveFileEx's WRITE_THROUGH already waited for the rename.
void sync_folder(const std::filesystem::path& folder);

// --- starting again ------------------------------------------------------------------------
// Runs this program again with `args` (argv[1] on) in place of this run, for a switch of
// programme: on POSIX the process is replaced (execv of /proc/self/exe) and this returns only
// on failure; Windows has no exec, so a new process starts on the same console, this one waits
// for it and returns its exit code. Call with every file and lock of this run closed.
int start_again(const std::vector<std::string>& args, std::error_code& error);
// The command line Windows hands a program for `args`, each quoted as the C runtime splits
// them back (backslashes doubled only before a quote). Portable, so it is tested on Linux.
std::string windows_command_line(const std::vector<std::string>& args);

// --- everything else -------------------------------------------------------------------------
// Fills `buffer` from the system's generator (getrandom; BCryptGenRandom).
void fill_random(void* buffer, std::size_t size);
// The local time of day and date of `t` in the laptop's time zone; nullopt if unknown.
std::optional<std::tm> local_time(std::time_t t);
// Raises the open-file limit as far as the system lets it; returns the limit then in force,
// or nullopt where sockets are not counted against one (Windows).
std::optional<long long> raise_open_file_limit();
// The IPv4 addresses of the interfaces that are up, loopback left out, in host byte order.
std::vector<std::uint32_t> interface_ipv4_addresses();

}  // namespace samling::platform
