// Token secrets on disk: only digests, also for a store written before they were hashed.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "core/sha256.hpp"
#include "core_fixture.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;

namespace {

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a store written before secrets were hashed keeps its phones' tokens, and loses the clear secrets") {
    TempDir dir;
    const std::string secret = "0123456789abcdef0123456789abcdef";
    const fs::path file = dir.path / Store::database_file;
    {  // a data folder as the previous Samling left it: schema 4, clear secrets
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
        for (int v = 0; v < schema::secrets_hashed - 1; ++v) exec(db, schema::migrations[static_cast<std::size_t>(v)]);
        exec(db, "PRAGMA user_version=" + std::to_string(schema::secrets_hashed - 1));
        exec(db, "INSERT INTO room (id, code, name, language, open) VALUES (1, 'ABC234', '', 'nb', 1)");
        exec(db, "INSERT INTO leader_groups (id, name) VALUES (1, 'Nord')");
        exec(db, "INSERT INTO participants (id, group_id, name, secret, joined_at) VALUES (2, 1, 'Anna', '" + secret +
                     "', 5)");
        exec(db, "UPDATE meta SET value = 3 WHERE key = 'revision'");
        sqlite3_close(db);
    }
    REQUIRE(file_bytes(file).find(secret) != std::string::npos);
    {
        auto store = Store::open(dir.path);
        REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
        CHECK(store.value()->schema_version() == static_cast<int>(schema::migrations.size()));
        auto w = store.value()->load(test_catalog());
        REQUIRE(w.ok());
        CHECK(w->authenticate("2." + secret) == 2);  // the phone's token still works
        CHECK(w->participant(2)->secret_hash == sha256_hex(secret));
    }
    // Closed: the WAL is checkpointed into the file, and no clear secret is left in it.
    CHECK(file_bytes(file).find(secret) == std::string::npos);
    CHECK(file_bytes(file).find(sha256_hex(secret)) != std::string::npos);
}
