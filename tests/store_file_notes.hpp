// Every note's text by id, read straight from a store file with SQLite (a -wal beside it
// included): what a backup, a restore or a move must keep, note for note.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <string>

#include "store/statement.hpp"

namespace samling::testing {

inline std::map<long long, std::string> notes_in(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(sqlite_name(file).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT id, text FROM notes", -1, &s, nullptr) == SQLITE_OK);
    std::map<long long, std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW)
        out[sqlite3_column_int64(s, 0)] = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

}  // namespace samling::testing
