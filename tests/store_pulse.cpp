// Specification of pulse answers in the store: what a phone was told is saved comes back after a
// restart, and the file holds no participant next to an answer.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("pulse answers come back after reopening, under keys that name no participant") {
    TempDir dir;
    Id run_id = 0;
    std::vector<std::string> tokens;
    {
        auto store = Store::open(dir.path);
        REQUIRE(store.ok());
        auto loaded = store.value()->load(pulse_catalog());
        REQUIRE(loaded.ok());
        Hub hub(*store.value(), std::move(loaded.value()));
        const auto submit = [&](Command c) {
            auto r = hub.submit(std::move(c));
            REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
            return r.value();
        };
        submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        const Id group = submit(cmd::AddGroup{"Nord"}).subject;
        run_id = submit(cmd::StartExercise{group, "pulse_safety"}).subject;
        for (char c : {'a', 'b'}) {
            const Id p = submit(cmd::Join{"ABC234", group, "Kari", std::string(32, c)}).subject;
            tokens.push_back(std::to_string(p) + "." + std::string(32, c));
            submit(cmd::AnswerPulse{p, tokens.back(), "be_om_hjelp", c == 'a' ? 2 : 6});
            submit(cmd::AnswerPulse{p, tokens.back(), "prove_nytt", 4});
        }
    }
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto w = store.value()->load(pulse_catalog());
    REQUIRE(w.ok());
    const PulseSheet* a = w->pulse_sheet(run_id, respondent_key(tokens[0], run_id));
    const PulseSheet* b = w->pulse_sheet(run_id, respondent_key(tokens[1], run_id));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == PulseSheet{{"be_om_hjelp", 2}, {"prove_nytt", 4}});
    CHECK(*b == PulseSheet{{"be_om_hjelp", 6}, {"prove_nytt", 4}});

    // The table's columns, read off the file: a run, a key, a statement, a value. No one.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(sqlite_name(dir.path / "samling.sqlite3").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('pulse_answers')", -1, &s, nullptr) ==
            SQLITE_OK);
    std::vector<std::string> columns;
    while (sqlite3_step(s) == SQLITE_ROW)
        columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(db);
    CHECK(columns == std::vector<std::string>{"run_id", "respondent", "statement", "value"});
}

TEST_CASE("the room's pulse threshold comes back after reopening; a store that never set it has 5") {
    TempDir dir;
    const auto reopen = [&]() {
        auto store = Store::open(dir.path);
        REQUIRE(store.ok());
        auto w = store.value()->load(pulse_catalog());
        REQUIRE(w.ok());
        return std::make_pair(std::move(store.value()), std::move(w.value()));
    };
    {
        auto [store, w] = reopen();
        CHECK(w.pulse_threshold() == default_pulse_threshold);
        Hub hub(*store, std::move(w));
        REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
        REQUIRE(hub.submit(cmd::SetPulseThreshold{7}).ok());
        CHECK_FALSE(hub.submit(cmd::SetPulseThreshold{2}).ok());
    }
    auto [store, w] = reopen();
    CHECK(w.pulse_threshold() == 7);
}
