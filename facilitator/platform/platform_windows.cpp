// The seam on Windows (MinGW-w64, Windows 10 and later; proved under Wine): Win32 and Winsock 2.
// Paths go to the wide (UTF-16) calls, so a user name with "ø" in it works.
#include <winsock2.h>
#include <ws2tcpip.h>
// After winsock2.h, which windows.h would otherwise shadow with the old winsock.h.
#include <bcrypt.h>
#include <iphlpapi.h>
#include <windows.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "platform/platform.hpp"
#include "platform/sockets.hpp"

namespace samling::platform {
namespace {

std::error_code last_error() {
    return {static_cast<int>(::GetLastError()), std::system_category()};
}

std::string message_of(DWORD code) {
    char* text = nullptr;
    const DWORD n =
        ::FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                         nullptr, code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
    std::string out = n ? std::string(text, n) : "error " + std::to_string(code);
    if (text) ::LocalFree(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == '.')) out.pop_back();
    return out;
}

// Set by the console's control handler, which Windows runs on a thread of its own.
HANDLE stop_event() {
    static HANDLE event = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
    return event;
}

BOOL WINAPI on_console_event(DWORD) {
    ::SetEvent(stop_event());
    // Closing the console, logoff and shutdown end the process when this returns: give the
    // main thread the time it needs to stop the server and close the store cleanly.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    return TRUE;
}

// Winsock needs WSAStartup before the first socket; cpp-httplib does it too, once more is fine.
struct Winsock {
    Winsock() {
        WSADATA data;
        ::WSAStartup(MAKEWORD(2, 2), &data);
    }
} const winsock;

// "samling" -> "Samling": program folders are capitalised on Windows.
std::string capitalised(std::string name) {
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

}  // namespace

std::filesystem::path user_data_folder(const std::string& name) {
    const wchar_t* local = ::_wgetenv(L"LOCALAPPDATA");
    if (!local || !*local || name.empty()) return {};
    return std::filesystem::path(local) / capitalised(name);
}

std::string user_data_folder_spelled(const std::string& name) {
    return "%LOCALAPPDATA%\\" + capitalised(name);
}

std::optional<std::filesystem::path> program_folder() {
    std::wstring buffer(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = ::GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
        if (n == 0) return std::nullopt;
        if (n < buffer.size()) {
            buffer.resize(n);
            return std::filesystem::path(buffer).parent_path();
        }
        buffer.resize(buffer.size() * 2);
    }
}

void keep_new_files_private() {}

void catch_stop_requests() {
    (void)stop_event();
    ::SetConsoleCtrlHandler(on_console_event, TRUE);
}

bool wait_for_stop_request(std::chrono::milliseconds timeout) {
    return ::WaitForSingleObject(stop_event(), static_cast<DWORD>(timeout.count())) == WAIT_OBJECT_0;
}

FileLock::FileLock(const std::filesystem::path& file) {
    // Sharing allowed, so a second Samling gets as far as LockFileEx and is told "busy".
    HANDLE h = ::CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                             OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        error_ = message_of(::GetLastError());
        return;
    }
    OVERLAPPED whole{};
    if (!::LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD, MAXDWORD, &whole)) {
        const DWORD code = ::GetLastError();
        state_ = code == ERROR_LOCK_VIOLATION || code == ERROR_IO_PENDING ? State::busy : State::failed;
        error_ = message_of(code);
        ::CloseHandle(h);
        return;
    }
    handle_ = reinterpret_cast<std::intptr_t>(h);
    state_ = State::held;
}

FileLock::~FileLock() {
    if (handle_ != -1) ::CloseHandle(reinterpret_cast<HANDLE>(handle_));  // closing releases the lock
}

FileLock::FileLock(FileLock&& other) noexcept
    : handle_(other.handle_), state_(other.state_), error_(std::move(other.error_)) {
    other.handle_ = -1;
}

std::error_code write_new_file_durably(const std::filesystem::path& file, std::string_view contents) {
    HANDLE h = ::CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD code = ::GetLastError();
        if (code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS)
            return std::make_error_code(std::errc::file_exists);
        return {static_cast<int>(code), std::system_category()};
    }
    std::error_code ec;
    while (!contents.empty()) {
        DWORD written = 0;
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(contents.size(), 1 << 20));
        if (!::WriteFile(h, contents.data(), chunk, &written, nullptr) || written == 0) {
            ec = last_error();
            break;
        }
        contents.remove_prefix(written);
    }
    if (!ec && !::FlushFileBuffers(h)) ec = last_error();
    ::CloseHandle(h);
    if (ec) ::DeleteFileW(file.c_str());
    return ec;
}

std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    return ::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)
               ? std::error_code{}
               : last_error();
}

bool sync_file(const std::filesystem::path& file) {
    HANDLE h = ::CreateFileW(file.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return false;
    const bool ok = ::FlushFileBuffers(h);
    ::CloseHandle(h);
    return ok;
}

void sync_folder(const std::filesystem::path&) {}

int start_again(const std::vector<std::string>& args, std::error_code& error) {
    std::wstring exe(MAX_PATH, L'\0');
    const DWORD n = ::GetModuleFileNameW(nullptr, exe.data(), static_cast<DWORD>(exe.size()));
    if (n == 0 || n >= exe.size()) {
        error = last_error();
        return 1;
    }
    exe.resize(n);
    std::vector<std::string> words{"samling"};
    words.insert(words.end(), args.begin(), args.end());
    // UTF-8 to UTF-16, as the wide calls take it; the words may hold a programme's "ø".
    const std::string utf8 = windows_command_line(words);
    std::wstring line(static_cast<std::size_t>(utf8.size()) + 1, L'\0');
    const int w = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), line.data(),
                                        static_cast<int>(line.size()));
    line.resize(static_cast<std::size_t>(w));
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION child{};
    if (!::CreateProcessW(exe.c_str(), line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &child)) {
        error = last_error();
        return 1;
    }
    ::CloseHandle(child.hThread);
    // The console's Ctrl+C reaches both; this one only waits, so the shell that started
    // Samling gets its prompt back when the programme it switched to ends.
    ::WaitForSingleObject(child.hProcess, INFINITE);
    DWORD code = 1;
    ::GetExitCodeProcess(child.hProcess, &code);
    ::CloseHandle(child.hProcess);
    return static_cast<int>(code);
}

void fill_random(void* buffer, std::size_t size) {
    auto* p = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        const ULONG chunk = static_cast<ULONG>(std::min<std::size_t>(size, 1 << 20));
        if (BCRYPT_SUCCESS(::BCryptGenRandom(nullptr, p, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG))) {
            p += chunk;
            size -= chunk;
        }
    }
}

std::optional<std::tm> local_time(std::time_t t) {
    std::tm out{};
    if (::localtime_s(&out, &t) != 0) return std::nullopt;
    return out;
}

std::optional<long long> raise_open_file_limit() {
    return std::nullopt;
}

std::vector<std::uint32_t> interface_ipv4_addresses() {
    std::vector<std::uint32_t> out;
    ULONG size = 16 * 1024;
    std::vector<unsigned char> buffer;
    ULONG rc = ERROR_BUFFER_OVERFLOW;
    for (int tries = 0; tries < 3 && rc == ERROR_BUFFER_OVERFLOW; ++tries) {
        buffer.resize(size);
        rc = ::GetAdaptersAddresses(AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER,
                                    nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    if (rc != NO_ERROR) return out;
    for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()); a; a = a->Next) {
        if (a->OperStatus != IfOperStatusUp || a->IfType == IF_TYPE_SOFTWARE_LOOPBACK) continue;
        for (auto* u = a->FirstUnicastAddress; u; u = u->Next) {
            if (u->Address.lpSockaddr->sa_family != AF_INET) continue;
            const auto* sin = reinterpret_cast<const sockaddr_in*>(u->Address.lpSockaddr);
            const std::uint32_t host = ntohl(sin->sin_addr.s_addr);
            if ((host >> 24) != 127) out.push_back(host);
        }
    }
    return out;
}

// --- sockets ---------------------------------------------------------------------------------

void close_socket(Socket s) {
    ::shutdown(s, SD_BOTH);
    ::closesocket(s);
}

bool wait_socket(Socket s, bool for_write, int timeout_ms) {
    const short what = for_write ? POLLOUT : POLLIN;
    WSAPOLLFD p{s, what, 0};
    return ::WSAPoll(&p, 1, timeout_ms) > 0 && (p.revents & what);
}

long receive_some(Socket s, char* buffer, std::size_t size) {
    return ::recv(s, buffer, static_cast<int>(std::min<std::size_t>(size, 1 << 30)), 0);
}

long send_some(Socket s, const char* data, std::size_t size) {
    return ::send(s, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)), 0);  // no SIGPIPE here
}

long peek_now(Socket s, char* buffer, std::size_t size) {
    u_long available = 0;
    if (::ioctlsocket(s, FIONREAD, &available) != 0) return -1;
    if (available == 0) {
        // Nothing buffered: closed by the peer, or not yet sent. A zero-timeout poll tells.
        WSAPOLLFD p{s, POLLIN, 0};
        if (::WSAPoll(&p, 1, 0) <= 0) return -2;
        if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) return -2;
    }
    const int n = ::recv(s, buffer, static_cast<int>(std::min<std::size_t>(size, 1 << 30)), MSG_PEEK);
    if (n >= 0) return n;
    return ::WSAGetLastError() == WSAEWOULDBLOCK ? -2 : -1;
}

// WSAPoll is level-triggered, and a peeked socket stays readable: polled again it would wake
// the watcher at once, forever. So a socket reported with bytes that have not changed since
// ("quiet") is left out of the poll and looked at by its byte count every 10 ms instead.
struct SocketWatch::State {
    struct Seen {
        u_long bytes = 0;  // waiting when last reported; 0: never reported
        bool hung_up = false;
    };
    std::mutex mu;
    std::map<Socket, Seen> seen;
};

SocketWatch::SocketWatch() : state_(std::make_unique<State>()) {}
SocketWatch::~SocketWatch() = default;

bool SocketWatch::add(Socket s) {
    std::lock_guard lock(state_->mu);
    state_->seen[s] = {};
    return true;
}

void SocketWatch::remove(Socket s) {
    std::lock_guard lock(state_->mu);
    state_->seen.erase(s);
}

void SocketWatch::wait(int timeout_ms, std::vector<Socket>& news) {
    news.clear();
    std::vector<WSAPOLLFD> polled, quiet;
    {
        std::lock_guard lock(state_->mu);
        for (const auto& [s, seen] : state_->seen)
            if (!seen.hung_up) (seen.bytes == 0 ? polled : quiet).push_back(WSAPOLLFD{s, POLLIN, 0});
    }
    // A wait is short here: new sockets join the poll, and stop() is seen, within 10 ms.
    const int wait_ms = std::min(timeout_ms, 10);
    if (polled.empty())
        ::Sleep(static_cast<DWORD>(wait_ms));
    else
        (void)::WSAPoll(polled.data(), static_cast<ULONG>(polled.size()), wait_ms);
    // A quiet socket is readable anyway; a look without waiting tells whether it also hung up.
    if (!quiet.empty()) (void)::WSAPoll(quiet.data(), static_cast<ULONG>(quiet.size()), 0);
    std::lock_guard lock(state_->mu);
    for (const auto* list : {&polled, &quiet})
        for (const WSAPOLLFD& p : *list) {
            auto it = state_->seen.find(p.fd);
            if (it == state_->seen.end()) continue;  // removed while we waited
            u_long now = 0;
            const bool hung_up = (p.revents & (POLLHUP | POLLERR)) || ::ioctlsocket(p.fd, FIONREAD, &now) != 0;
            if (!hung_up && now == it->second.bytes) continue;
            // Reported: out of the poll until its byte count changes; a hang-up is told once.
            it->second = {now == 0 ? 1 : now, hung_up};
            news.push_back(p.fd);
        }
}

void SocketWatch::wake() {}

}  // namespace samling::platform
