// The per-address limits against a room behind one NAT address (issue 16 point 3): every
// phone here comes from 127.0.0.1, as a venue's Wi-Fi makes them look to the laptop.
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// What the page does on joining: look the room up by the code from the QR code, then join.
int join_like_the_page(const TestServer& s, Id group, int i) {
    auto c = s.client();
    auto room = c.Get("/api/room?code=abc234", {{"Accept-Encoding", "gzip, deflate, br"}});
    if (!room) return -1;
    if (room->status != 200) return room->status;
    auto joined =
        c.Post("/api/join", json{{"code", "abc234"}, {"group", group}, {"name", "P" + std::to_string(i)}}.dump(),
               "application/json");
    return joined ? joined->status : -1;
}

}  // namespace

TEST_CASE("2,000 phones behind one address all join, with no 429; wrong codes from it stay limited") {
    TestServer s;
    constexpr int phones = 2000, threads = 16;
    std::atomic<int> next{0};
    std::mutex mu;
    std::map<int, int> statuses;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (int i; (i = next++) < phones;) {
                const int status = join_like_the_page(s, i % 2 ? s.nord : s.sor, i);
                std::lock_guard lock(mu);
                ++statuses[status];
            }
        });
    for (auto& t : pool) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE(phones << " phones from one address joined in " << seconds << " s");
    CHECK(statuses[201] == phones);
    CHECK(statuses.count(429) == 0);
    CHECK(s.hub->snapshot()->participants().size() == static_cast<std::size_t>(phones));

    // A guesser behind the same address is stopped after a room's worth of typos ...
    int wrong = 0, limited = 0;
    for (int i = 0; i < 200 && limited == 0; ++i) {
        const int status = s.client().Get("/api/room?code=GUESS" + std::to_string(i % 10))->status;
        wrong += status == 403;
        limited += status == 429;
    }
    CHECK(limited == 1);
    CHECK(wrong <= 100);
    // ... and a join with a wrong code is refused before anything is written.
    auto res = s.client().Post("/api/join", json{{"code", "NOPE99"}, {"group", s.nord}}.dump(), "application/json");
    CHECK(res->status == 429);
    CHECK(s.hub->snapshot()->participants().size() == static_cast<std::size_t>(phones));
}

TEST_CASE("joins with the right code are still limited per address: a flood stops at a room and a half") {
    TestServer s;
    std::atomic<int> created{0}, limited{0}, tries{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> flood;
    for (int t = 0; t < 8; ++t)
        flood.emplace_back([&] {
            auto c = s.client();
            while (limited == 0 && tries++ < 4000) {
                auto res = c.Post("/api/join", json{{"code", "ABC234"}, {"group", s.nord}}.dump(), "application/json");
                if (!res) continue;
                if (res->status == 201) ++created;
                if (res->status == 429) {
                    ++limited;
                    CHECK(res->has_header("Retry-After"));
                }
            }
        });
    for (auto& t : flood) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE(created.load() << " joins in " << seconds << " s before the first 429");
    CHECK(limited >= 1);
    CHECK(created >= 3000);
    CHECK(created <= 3000 + 20 * seconds + 1);  // the burst, then 20 a second
}
