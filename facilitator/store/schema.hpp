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
        author     INTEGER NOT NULL,  -- a participant, or 0 for the facilitator
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

    // 2: the exercise engine: reveal, placement, clusters, chains, merges, timers, conclusions
    R"sql(
    ALTER TABLE notes ADD COLUMN revealed    INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN highlighted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN x           REAL NOT NULL DEFAULT -1;
    ALTER TABLE notes ADD COLUMN y           REAL NOT NULL DEFAULT -1;
    ALTER TABLE notes ADD COLUMN cluster_id  INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN parent_id   INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN merged_into INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN step        INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercise_runs ADD COLUMN writing_locked      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercise_runs ADD COLUMN timer_duration_ms   INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercise_runs ADD COLUMN timer_elapsed_ms    INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercise_runs ADD COLUMN timer_running_since INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE clusters (
        id     INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES exercise_runs (id),
        zone   TEXT NOT NULL,
        name   TEXT NOT NULL
    );
    CREATE TABLE conclusions (
        run_id     INTEGER NOT NULL REFERENCES exercise_runs (id),
        field      TEXT NOT NULL,
        text       TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, field)
    );
    CREATE TABLE done_marks (
        run_id         INTEGER NOT NULL REFERENCES exercise_runs (id),
        step           INTEGER NOT NULL,
        participant_id INTEGER NOT NULL REFERENCES participants (id),
        PRIMARY KEY (run_id, step, participant_id)
    );
    )sql",

    // 3: the programme across gatherings, leader groups' projects, the project log, note fields
    R"sql(
    ALTER TABLE notes ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE leader_groups ADD COLUMN services TEXT NOT NULL DEFAULT '';
    ALTER TABLE leader_groups ADD COLUMN project TEXT NOT NULL DEFAULT '';
    ALTER TABLE exercise_runs ADD COLUMN gathering_id INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercise_runs ADD COLUMN concluded_at INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE programme (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        open_gathering INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE gatherings (
        id     INTEGER PRIMARY KEY,
        number INTEGER NOT NULL,
        title  TEXT NOT NULL,
        date   TEXT NOT NULL
    );
    CREATE TABLE agenda_items (
        gathering_id INTEGER NOT NULL REFERENCES gatherings (id),
        position     INTEGER NOT NULL,
        exercise     TEXT NOT NULL,
        PRIMARY KEY (gathering_id, position)
    );
    )sql",

    // 4: a real programme's housekeeping: archived groups and gatherings, removed phones, a
    // current run chosen by the facilitator (NULL: the group's newest), a room named after
    // its programme ('' replaces the old default name)
    R"sql(
    ALTER TABLE leader_groups ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE leader_groups ADD COLUMN current_run INTEGER;
    ALTER TABLE gatherings ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE participants ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
    UPDATE room SET name = '' WHERE name = 'Samling';
    )sql",

    // 5: token secrets kept as digests (Store::migrate hashes the rows in the same transaction)
    R"sql(
    ALTER TABLE participants RENAME COLUMN secret TO secret_hash;
    )sql",

    // 6: how long the programme is kept, in months after its last gathering (0: not set)
    R"sql(
    ALTER TABLE programme ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 0;
    )sql",

    // 7: pulse answers, kept under a respondent key (a digest of the phone's token and the run)
    // and never under a participant, with no time that could be matched to a join
    R"sql(
    CREATE TABLE pulse_answers (
        run_id     INTEGER NOT NULL REFERENCES exercise_runs (id),
        respondent TEXT NOT NULL,
        statement  TEXT NOT NULL,
        value      INTEGER NOT NULL,
        PRIMARY KEY (run_id, respondent, statement)
    ) WITHOUT ROWID;
    )sql",

    // 8: each group's table lead and the phone that asked to lead (0: none); a row only while
    // either is set
    R"sql(
    CREATE TABLE table_leads (
        group_id INTEGER PRIMARY KEY REFERENCES leader_groups (id),
        lead     INTEGER NOT NULL DEFAULT 0,
        asked    INTEGER NOT NULL DEFAULT 0
    );
    )sql",

    // 9: the facilitator's remotes (only the digest of each token's secret) and the newest
    // message to the room's phones (groups: their ids joined by commas; empty: every group)
    R"sql(
    CREATE TABLE remotes (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        paired_at   INTEGER NOT NULL,
        revoked     INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE broadcasts (
        id      INTEGER PRIMARY KEY,
        text    TEXT NOT NULL,
        groups  TEXT NOT NULL,
        sent_at INTEGER NOT NULL
    );
    )sql",

    // 10: how many of a group must answer a pulse before its result shows (core/pulse.hpp)
    R"sql(
    ALTER TABLE programme ADD COLUMN pulse_threshold INTEGER NOT NULL DEFAULT 5;
    )sql",

    // 11: where each measure (a note of goals and measures) stands in a status round, and one
    // line of what happened (core/measures.hpp)
    R"sql(
    CREATE TABLE measure_reports (
        run_id     INTEGER NOT NULL REFERENCES exercise_runs (id),
        note_id    INTEGER NOT NULL REFERENCES notes (id),
        status     TEXT NOT NULL CHECK (status IN ('not_started', 'started', 'done', 'stopped')),
        text       TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, note_id)
    ) WITHOUT ROWID;
    )sql",

    // 12: a measure's indicator in figures (unit, baseline, target, the baseline's source) and
    // its value per status round, one per gathering (core/measures.hpp)
    R"sql(
    CREATE TABLE indicators (
        note_id  INTEGER PRIMARY KEY REFERENCES notes (id),
        unit     TEXT NOT NULL,
        baseline REAL,
        target   REAL,
        source   TEXT NOT NULL
    );
    CREATE TABLE indicator_values (
        run_id     INTEGER NOT NULL REFERENCES exercise_runs (id),
        note_id    INTEGER NOT NULL REFERENCES notes (id),
        value      REAL NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, note_id)
    ) WITHOUT ROWID;
    )sql",
};

// The version whose migration replaces each clear secret by its SHA-256, in C++.
constexpr int secrets_hashed = 5;

}  // namespace samling::schema
