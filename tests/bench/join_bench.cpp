// samling_join_bench: a room scanning the QR code at once (issue 16 points 2 and 3). N phones
// start within S seconds; each loads the page (index.html and every file it names), looks the
// room up and joins, one request after another on one kept-alive connection (a browser opens a
// few and fetches on them side by side), or with --connections fresh on a new connection per
// request that asks the server to close after it.
//
//   tests/samling_join_bench [--phones 2000] [--within 5] [--accept br|gzip|none]
//                            [--addresses many|one] [--connections reuse|fresh]
//                            [--samling PATH] [--timeout 30]
//
// --addresses many: phone i connects from 127.0.0.(2 + i % 250), as phones on a Wi-Fi have
// their own addresses; one: every phone from 127.0.0.1, as behind a venue's NAT. Prints time
// to joined (p50/p99/max), phones that failed and why (429s, timeouts), bytes received and
// the server's CPU seconds during the burst. Run by hand; not part of ctest.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "../child_process.hpp"
#include "server/compression.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using samling::testing::ChildProcess;

struct Options {
    int phones = 2000;
    double within = 5;
    std::string accept = "br";
    bool many_addresses = true;
    bool reuse = true;
    std::string samling;
    double timeout = 30;
};

struct Answer {
    int status = 0;  // 0: no answer (error says why)
    std::string error;
    std::string headers, body;
};

// A phone's connection to the server, kept open between its requests as a browser keeps it.
struct Connection {
    int fd = -1;
    int answered = 0;  // requests answered on this connection
    int opened = 0;    // connections this phone has opened in all
    std::string pending;
    ~Connection() { drop(); }
    void drop() {
        if (fd >= 0) ::close(fd);
        fd = -1;
        answered = 0;
        pending.clear();
    }
};

int ms_until(Clock::time_point deadline) {
    return static_cast<int>(
        std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count()));
}

std::string open_connection(Connection& c, const std::string& source, int port, Clock::time_point deadline) {
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c.fd < 0) return "socket";
    ++c.opened;
    const int one = 1;
    ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    (void)::bind(c.fd, reinterpret_cast<sockaddr*>(&from), sizeof from);  // a failed bind shows as a failed connect
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // A blocking connect: SYN retries after a full backlog are part of what a phone sees.
    timeval tv{std::max(1, ms_until(deadline) / 1000), 0};
    ::setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (::connect(c.fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        const std::string why = std::string("connect: ") + std::strerror(errno);
        c.drop();
        return why;
    }
    return {};
}

// One request on `c` (opened first if need be), its answer read by its Content-Length. A
// connection the server closed while it sat idle is opened again and the request sent once
// more, as a browser does; an answer that says "Connection: close" ends the connection.
Answer request(Connection& c, const std::string& source, int port, const std::string& head, const std::string& body,
               Clock::time_point deadline) {
    Answer a;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = c.fd >= 0;
        if (!reused)
            if (std::string why = open_connection(c, source, port, deadline); !why.empty()) return a.error = why, a;
        const std::string req = head + body;
        bool got_bytes = false;
        std::string why;
        if (::send(c.fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) why = "send";
        std::size_t end = std::string::npos, length = 0;
        char buf[16384];
        while (why.empty()) {
            end = c.pending.find("\r\n\r\n");
            if (end != std::string::npos) {
                const auto at = c.pending.find("Content-Length: ");
                length = at != std::string::npos && at < end ? std::stoul(c.pending.substr(at + 16)) : 0;
                if (c.pending.size() >= end + 4 + length) break;
            }
            pollfd p{c.fd, POLLIN, 0};
            const int ms = ms_until(deadline);
            if (ms <= 0 || ::poll(&p, 1, ms) <= 0) {
                c.drop();
                return a.error = "timeout", a;
            }
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n <= 0) {
                why = n < 0 ? std::string("recv: ") + std::strerror(errno) : "no HTTP answer";
                break;
            }
            got_bytes = true;
            c.pending.append(buf, static_cast<size_t>(n));
        }
        if (!why.empty()) {
            c.drop();
            if (reused && !got_bytes) continue;  // closed while idle: once more on a new connection
            return a.error = why, a;
        }
        if (c.pending.rfind("HTTP/1.1 ", 0) != 0) {
            c.drop();
            return a.error = "no HTTP answer", a;
        }
        a.status = std::atoi(c.pending.c_str() + 9);
        a.headers = c.pending.substr(0, end);
        a.body = c.pending.substr(end + 4, length);
        c.pending.erase(0, end + 4 + length);
        ++c.answered;
        if (a.headers.find("\r\nConnection: close") != std::string::npos) c.drop();
        return a;
    }
    return a.error = "closed twice", a;
}

// The files index.html names (src="…" and href="…" of the same folder), as a browser loads them.
std::vector<std::string> page_files(const std::string& html) {
    std::vector<std::string> files;
    for (const char* attr : {"src=\"", "href=\""}) {
        for (auto at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
            const auto start = at + std::strlen(attr);
            const auto end = html.find('"', start);
            std::string name = html.substr(start, end - start);
            if (name.empty() || name.find("://") != std::string::npos || name[0] == '#') continue;
            if (name.rfind("./", 0) == 0) name = name.substr(1);
            if (name[0] != '/') name.insert(0, "/");
            if (std::find(files.begin(), files.end(), name) == files.end()) files.push_back(name);
        }
    }
    return files;
}

double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; rest >> field; ++i) {
        if (i == 14) utime = std::stod(field);
        if (i == 15) {
            stime = std::stod(field);
            break;
        }
    }
    return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has = i + 1 < argc;
        if (a == "--phones" && has)
            o.phones = std::atoi(argv[++i]);
        else if (a == "--within" && has)
            o.within = std::atof(argv[++i]);
        else if (a == "--accept" && has)
            o.accept = argv[++i];
        else if (a == "--addresses" && has)
            o.many_addresses = std::string(argv[++i]) != "one";
        else if (a == "--connections" && has)
            o.reuse = std::string(argv[++i]) != "fresh";
        else if (a == "--samling" && has)
            o.samling = argv[++i];
        else if (a == "--timeout" && has)
            o.timeout = std::atof(argv[++i]);
        else {
            std::fprintf(stderr,
                         "usage: samling_join_bench [--phones N] [--within S] [--accept br|gzip|none]\n"
                         "                          [--addresses many|one] [--connections reuse|fresh]\n"
                         "                          [--samling PATH] [--timeout S]\n");
            return false;
        }
    }
    return o.phones > 0 && o.within > 0 && o.timeout > 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) return 2;
    if (o.samling.empty())
        o.samling = (fs::canonical("/proc/self/exe").parent_path().parent_path() / "samling").string();
    std::string dir = (fs::temp_directory_path() / "samling-join-XXXXXX").string();
    if (!::mkdtemp(dir.data())) return 2;

    ChildProcess server;
    std::string error;
    const rlimit open_files{20000, 20000};
    if (!server.start({{o.samling, "--headless", "--demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir},
                       dir + "/stderr.log",
                       open_files},
                      error)) {
        std::fprintf(stderr, "samling_join_bench: %s\n", error.c_str());
        return 2;
    }
    const auto url = samling::testing::wait_for_join_url(server, 20s);
    if (!url) {
        std::fprintf(stderr, "samling_join_bench: no join line from %s\n", o.samling.c_str());
        return 2;
    }
    const int port = std::atoi(url->c_str() + url->rfind(':') + 1);
    const std::string code = url->substr(url->find("room=") + 5);
    const std::string accept = o.accept == "br"     ? "gzip, deflate, br"
                               : o.accept == "gzip" ? "gzip, deflate"
                                                    : "identity";
    auto head = [&](const std::string& method, const std::string& path, std::size_t body) {
        std::string h = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nAccept-Encoding: " + accept + "\r\nUser-Agent: samling_join_bench\r\n";
        if (!o.reuse) h += "Connection: close\r\n";
        if (method == "POST") h += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body) + "\r\n";
        return h + "\r\n";
    };
    // The page's files, asked for once without compression to know their names.
    Connection first;
    const Answer index =
        request(first, "127.0.0.1", port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "", Clock::now() + 10s);
    first.drop();
    const std::vector<std::string> files = page_files(index.body);
    std::fprintf(stderr, "samling_join_bench: %d phones within %.1f s, Accept-Encoding \"%s\", %s, %s; page: /",
                 o.phones, o.within, accept.c_str(),
                 o.many_addresses ? "250 addresses 127.0.0.x" : "one address 127.0.0.1",
                 o.reuse ? "one kept-alive connection a phone" : "a connection a request");
    for (const auto& f : files) std::fprintf(stderr, " %s", f.c_str());
    std::fprintf(stderr, "\n");

    std::vector<double> starts(static_cast<std::size_t>(o.phones));
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> spread(0, o.within);
    for (auto& s : starts) s = spread(rng);
    std::sort(starts.begin(), starts.end());

    std::mutex mu;
    std::vector<double> to_joined;
    std::map<std::string, int> failures;
    std::atomic<long long> bytes{0};
    std::atomic<long long> connections{0};
    std::atomic<int> next{0};
    const double cpu_before = cpu_seconds(server.pid());
    const auto t0 = Clock::now() + 200ms;
    const int threads = std::min(o.phones, 1000);
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (int i; (i = next++) < o.phones;) {
                const auto start = t0 + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(starts[static_cast<std::size_t>(i)]));
                std::this_thread::sleep_until(start);
                const auto deadline =
                    start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.timeout));
                const std::string source =
                    o.many_addresses ? "127.0.0." + std::to_string(2 + i % 250) : std::string("127.0.0.1");
                std::string failed;
                Connection connection;
                auto fetch = [&](const std::string& what, const std::string& h, const std::string& body, int want) {
                    if (!failed.empty()) return Answer{};
                    Answer a = request(connection, source, port, h, body, deadline);
                    bytes += static_cast<long long>(a.headers.size()) + static_cast<long long>(a.body.size());
                    if (a.status != want) failed = what + " " + (a.status ? std::to_string(a.status) : a.error);
                    return a;
                };
                fetch("GET /", head("GET", "/", 0), "", 200);
                for (const auto& f : files) fetch("GET " + f, head("GET", f, 0), "", 200);
                const Answer room = fetch("GET /api/room", head("GET", "/api/room?code=" + code, 0), "", 200);
                if (failed.empty()) {
                    std::string group = "1";
                    const bool gz = room.headers.find("Content-Encoding: gzip") != std::string::npos;
                    const auto text = gz ? samling::gzip_decompress(room.body).value_or("") : room.body;
                    const auto parsed = json::parse(text, nullptr, false);
                    if (parsed.is_object() && parsed.contains("groups") && !parsed["groups"].empty())
                        group = parsed["groups"][static_cast<std::size_t>(i) % parsed["groups"].size()]["id"].dump();
                    const std::string body = json{{"code", code}, {"group", json::parse(group)}}.dump();
                    fetch("POST /api/join", head("POST", "/api/join", body.size()), body, 201);
                }
                connections += connection.opened;
                std::lock_guard lock(mu);
                if (failed.empty())
                    to_joined.push_back(std::chrono::duration<double>(Clock::now() - start).count());
                else
                    ++failures[failed];
            }
        });
    for (auto& t : pool) t.join();
    const double burst = std::chrono::duration<double>(Clock::now() - t0).count();
    const double cpu = cpu_seconds(server.pid()) - cpu_before;
    server.interrupt_and_wait(10s);

    std::printf("phones %d, joined %zu, failed %d; burst over after %.1f s\n", o.phones, to_joined.size(),
                o.phones - static_cast<int>(to_joined.size()), burst);
    std::printf("time to joined: p50 %.2f s  p99 %.2f s  max %.2f s\n", percentile(to_joined, 50),
                percentile(to_joined, 99),
                to_joined.empty() ? 0.0 : *std::max_element(to_joined.begin(), to_joined.end()));
    std::printf("server CPU during the burst: %.1f s; received %.1f MB; connections %lld\n", cpu,
                static_cast<double>(bytes) / 1e6, connections.load());
    for (const auto& [why, n] : failures) std::printf("  failed: %-40s %d\n", why.c_str(), n);
    fs::remove_all(dir);
    return 0;
}
