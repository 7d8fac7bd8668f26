// A thin RAII wrapper over one prepared SQLite statement, so store code reads as SQL plus
// bindings. Internal to the store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace samling {

// SQLite takes file names in UTF-8 on every system (a path's native form is UTF-16 on Windows),
// with forward slashes, which URIs need and Windows accepts.
inline std::string sqlite_name(const std::filesystem::path& p) {
    const auto u8 = p.generic_u8string();
    return std::string(u8.begin(), u8.end());
}

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
            stmt_ = nullptr;
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool valid() const { return stmt_ != nullptr; }

    // A bind that fails (a statement that did not prepare, SQLITE_NOMEM, SQLITE_TOOBIG) is
    // remembered: the statement then never runs, so no half-bound row is ever written.
    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
    Statement& bind(int i, double v) { return check(sqlite3_bind_double(stmt_, i, v)); }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, const std::optional<double>& v) {
        return v ? bind(i, *v) : check(sqlite3_bind_null(stmt_, i));
    }
    Statement& bind(int i, std::string_view v) {
        return check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }

    // SQLITE_ROW while rows come, SQLITE_DONE at the end, anything else is an error.
    int step() { return stmt_ && bound_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
    bool run() { return step() == SQLITE_DONE; }
    // Calls `row(*this)` for every row; true only when the rows ended on SQLITE_DONE, so a
    // damaged page mid-table is an error, never a short table.
    template <typename Row>
    bool each_row(const Row& row) {
        int rc = SQLITE_ERROR;
        while ((rc = step()) == SQLITE_ROW) row(*this);
        return rc == SQLITE_DONE;
    }

    int type(int col) const { return sqlite3_column_type(stmt_, col); }  // SQLITE_INTEGER, SQLITE_TEXT...
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::optional<double> maybe_real(int col) const {
        return type(col) == SQLITE_NULL ? std::nullopt : std::optional<double>(real(col));
    }
    std::string text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
    }

    std::string error() const { return !stmt_ || bound_ ? sqlite3_errmsg(db_) : "a value could not be bound"; }

private:
    Statement& check(int rc) {
        bound_ = bound_ && stmt_ && rc == SQLITE_OK;
        return *this;
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool bound_ = true;
};

}  // namespace samling
