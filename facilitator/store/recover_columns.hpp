// The columns recover reads from each table, in the order its readers expect them. A test
// (store_recover.cpp) checks that they are every column of the current schema, so a migration
// that adds one cannot be forgotten here.
#pragma once

#include <map>
#include <string>

namespace samling {

inline const std::map<std::string, std::string>& recovered_tables() {
    static const std::map<std::string, std::string> tables = {
        {"meta", "key, value"},
        {"room", "code, name, language"},  // `open` is always 1 (store.cpp)
        {"programme", "name, open_gathering, retention_months, pulse_threshold"},
        {"leader_groups", "id, name, services, project, archived, current_run"},
        {"gatherings", "id, number, title, date, archived"},
        {"agenda_items", "gathering_id, position, exercise"},
        {"participants", "id, group_id, name, secret_hash, joined_at, removed"},
        {"exercise_runs",
         "id, group_id, exercise, step, started_at, writing_locked, timer_duration_ms, timer_elapsed_ms, "
         "timer_running_since, gathering_id, concluded_at"},
        {"clusters", "id, run_id, zone, name"},
        {"notes",
         "id, run_id, author, client_id, text, zone, created_at, updated_at, deleted, revealed, highlighted, x, y, "
         "cluster_id, parent_id, merged_into, step, fields"},
        {"votes", "note_id, participant_id, dots"},
        {"conclusions", "run_id, field, text, updated_at"},
        {"done_marks", "run_id, step, participant_id"},
        {"pulse_answers", "run_id, respondent, statement, value"},
        {"measure_reports", "run_id, note_id, status, text, updated_at"},
        {"indicators", "note_id, unit, baseline, target, source"},
        {"indicator_values", "run_id, note_id, value, updated_at"},
        {"table_leads", "group_id, lead, asked"},
        // Not recovered, on purpose: a recovered store pairs its remotes again (a damaged file
        // should not hand out powers), and an old message to the room is no loss.
        {"remotes", "id, name, secret_hash, paired_at, revoked"},
        {"broadcasts", "id, text, groups, sent_at"},
    };
    return tables;
}

inline std::string recovered_columns(const std::string& table) {
    return recovered_tables().at(table);
}

}  // namespace samling
