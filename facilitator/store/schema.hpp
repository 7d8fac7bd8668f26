// The store's schema as an ordered list of migrations; PRAGMA user_version counts how many
// have run. Append only: a migration that shipped is never edited.
#pragma once

#include <array>

namespace samling::schema {

inline constexpr std::array migrations = {
    // 1: the first working room
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('revision', 0);
    CREATE TABLE room (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        code     TEXT NOT NULL,
        name     TEXT NOT NULL,
        language TEXT NOT NULL,
        open     INTEGER NOT NULL
    );
    CREATE TABLE leader_groups (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL
    );
    CREATE TABLE participants (
        id        INTEGER PRIMARY KEY,
        group_id  INTEGER NOT NULL REFERENCES leader_groups (id),
        name      TEXT NOT NULL,
        secret    TEXT NOT NULL,
        joined_at INTEGER NOT NULL
    );
    CREATE TABLE exercise_runs (
        id         INTEGER PRIMARY KEY,
        group_id   INTEGER NOT NULL REFERENCES leader_groups (id),
        exercise   TEXT NOT NULL,
        step       INTEGER NOT NULL,
        started_at INTEGER NOT NULL
    );
    CREATE TABLE notes (
        id         INTEGER PRIMARY KEY,
        run_id     INTEGER NOT NULL REFERENCES exercise_runs (id),
        author     INTEGER NOT NULL REFERENCES participants (id),
        client_id  TEXT NOT NULL,
        text       TEXT NOT NULL,
        zone       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (author, client_id)
    );
    CREATE TABLE votes (
        note_id        INTEGER NOT NULL REFERENCES notes (id),
        participant_id INTEGER NOT NULL REFERENCES participants (id),
        dots           INTEGER NOT NULL CHECK (dots > 0),
        PRIMARY KEY (note_id, participant_id)
    );
    )sql",
};

}  // namespace samling::schema
