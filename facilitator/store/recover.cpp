// Our own salvage (Debian's SQLite 3.40 does not export sqlite3_recover): each table is read in
// rowid order; where a page cannot be read the reader seeks past it, so a bad page loses only
// its own rows. What was read is checked for sense (a note needs its run, a run its group) and
// committed through Store::commit, the path every change takes, so the new file is whole.
#include "store/recover.hpp"

#include "core/measures.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/recover_columns.hpp"
#include "store/schema.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace samling {
namespace fs = std::filesystem;
namespace {

Error recover_failed(std::string message) {
    return make_error(Errc::storage_failed, std::move(message));
}

// One row as read from a damaged file: every cell is checked for the type the schema gives it,
// so a row whose bytes were overwritten is left out rather than carried over as nonsense.
struct Cells {
    Statement& s;
    bool ok = true;
    // Column 0 of the query is the rowid the reader walks by: cells count from the one after.
    std::int64_t integer(int c) {
        if (s.type(c + 1) != SQLITE_INTEGER) ok = false;
        return s.integer(c + 1);
    }
    std::optional<std::int64_t> maybe(int c) {  // a column that may be NULL
        if (s.type(c + 1) == SQLITE_NULL) return std::nullopt;
        return integer(c);
    }
    double real(int c) {
        if (s.type(c + 1) != SQLITE_FLOAT && s.type(c + 1) != SQLITE_INTEGER) ok = false;
        return s.real(c + 1);
    }
    std::optional<double> maybe_real(int c) {
        if (s.type(c + 1) == SQLITE_NULL) return std::nullopt;
        return real(c);
    }
    std::string text(int c) {
        std::string t = s.text(c + 1);
        if (s.type(c + 1) != SQLITE_TEXT || !text::is_valid_utf8(t)) ok = false;
        return t;
    }
    bool flag(int c) { return integer(c) != 0; }
};

class Salvage {
public:
    explicit Salvage(sqlite3* db) : db_(db) {}
    int damaged_places = 0;
    std::int64_t malformed = 0;
    std::vector<std::string> unreadable;

    // Calls row(cells) for every readable, well-formed row of `table`, in rowid order.
    template <typename Row>
    void read(const std::string& table, const Row& row) {
        // ">=": a b-tree seek for a rowid one past a page's last goes to the next page, so the
        // first row there is read too.
        const std::string sql =
            "SELECT rowid, " + recovered_columns(table) + " FROM " + table + " WHERE rowid >= ? ORDER BY rowid";
        std::int64_t from = 1, rows = 0;  // every rowid Samling writes is positive
        bool damaged = false;
        for (;;) {
            Statement s(db_, sql);
            if (!s.valid()) {  // the schema page itself is unreadable, or the table is gone
                unreadable.push_back(table);
                return;
            }
            s.bind(1, from);
            int rc = SQLITE_ERROR;
            while ((rc = s.step()) == SQLITE_ROW) {
                const std::int64_t rowid = s.integer(0);
                if (rowid < from) continue;  // a damaged page that answers out of order
                if (rowid == std::numeric_limits<std::int64_t>::max()) return;
                from = rowid + 1;
                Cells cells{s};
                if (row(cells); cells.ok)
                    ++rows;
                else
                    ++malformed;
            }
            if (rc == SQLITE_DONE) break;
            damaged = true;
            ++damaged_places;
            const auto next = past_damage(sql, from);
            if (!next) break;
            from = *next;
        }
        if (damaged && rows == 0) unreadable.push_back(table);
    }

    // A table WITHOUT ROWID (pulse answers: no order that could match answers to joins) has no
    // rowid to seek past damage by: it is read in one pass, and a damaged page ends the pass.
    template <typename Row>
    void read_whole(const std::string& table, const Row& row) {
        Statement s(db_, "SELECT 0, " + recovered_columns(table) + " FROM " + table);
        if (!s.valid()) {
            unreadable.push_back(table);
            return;
        }
        int rc = SQLITE_ERROR;
        std::int64_t rows = 0;
        while ((rc = s.step()) == SQLITE_ROW) {
            Cells cells{s};
            if (row(cells); cells.ok)
                ++rows;
            else
                ++malformed;
        }
        if (rc == SQLITE_DONE) return;
        ++damaged_places;
        if (rows == 0) unreadable.push_back(table);
    }

private:
    // Whether a read starting at `from` gets past its first step.
    bool readable(const std::string& sql, std::int64_t from) {
        Statement s(db_, sql);
        s.bind(1, from);
        const int rc = s.step();
        return rc == SQLITE_ROW || rc == SQLITE_DONE;
    }
    // The smallest start past `failed` whose read works: doubling steps find one, halving
    // between the last that failed and it finds the nearest, so the next good page is read whole.
    std::optional<std::int64_t> past_damage(const std::string& sql, std::int64_t failed) {
        constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();
        std::int64_t lo = failed, hi = 0;
        for (std::int64_t step = 1;; step *= 2) {
            if (failed > top - step) return std::nullopt;
            if (readable(sql, failed + step)) {
                hi = failed + step;
                break;
            }
            lo = failed + step;
            if (step > top / 2) return std::nullopt;
        }
        while (hi - lo > 1) {
            const std::int64_t mid = lo + (hi - lo) / 2;
            (readable(sql, mid) ? hi : lo) = mid;
        }
        return hi;
    }
    sqlite3* db_;
};

// The rows as read, before they are checked against each other.
struct Salvaged {
    std::optional<Room> room;
    std::optional<std::string> programme;
    Id open_gathering = 0;
    int retention_months = 0;
    int pulse_threshold = default_pulse_threshold;
    std::optional<Revision> revision;
    std::map<Id, LeaderGroup> groups;
    std::map<Id, Id> current_run;  // group -> run the facilitator chose (0: none)
    std::map<Id, Gathering> gatherings;
    std::map<Id, std::vector<std::pair<std::int64_t, std::string>>> agendas;
    std::map<Id, Participant> participants;
    std::map<Id, ExerciseRun> runs;
    std::map<Id, Cluster> clusters;
    std::map<Id, Note> notes;
    std::vector<std::tuple<Id, Id, std::int64_t>> votes;
    std::vector<ConclusionField> conclusions;
    std::vector<std::tuple<Id, int, Id>> done_marks;
    std::vector<change::PulseAnswered> pulse_answers;
    std::vector<change::MeasureReported> measure_reports;
    std::map<Id, IndicatorFigures> indicators;
    std::vector<change::IndicatorReported> indicator_values;
    std::vector<change::LeadSet> leads;
};

NoteFields fields_of(const std::string& text, bool& ok) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    NoteFields out;
    if (!j.is_object()) {
        ok = false;
        return out;
    }
    for (auto& [k, v] : j.items())
        if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

Salvaged read_all(Salvage& salvage) {
    Salvaged d;
    salvage.read("meta", [&](Cells& c) {
        const std::string key = c.text(0);
        const std::int64_t value = c.integer(1);
        if (c.ok && key == "revision") d.revision = value;
    });
    salvage.read("room", [&](Cells& c) {
        Room r{c.text(0), c.text(1), parse_language(c.text(2)).value_or(Language::nb)};
        if (c.ok && !r.code.empty()) d.room = r;
    });
    salvage.read("programme", [&](Cells& c) {
        std::string name = c.text(0);
        const Id open = c.integer(1);
        const auto months = static_cast<int>(c.integer(2));
        if (c.ok) d.programme = name, d.open_gathering = open, d.retention_months = months;
        // Apart from the rest of the row, so a damaged threshold loses the setting only; a
        // value off its range must never lower the floor.
        Cells own{c.s};
        const auto threshold = own.integer(3);
        if (c.ok && own.ok && threshold >= min_pulse_threshold && threshold <= max_pulse_threshold)
            d.pulse_threshold = static_cast<int>(threshold);
    });
    salvage.read("leader_groups", [&](Cells& c) {
        LeaderGroup g{c.integer(0), c.text(1), c.text(2), c.text(3), c.flag(4)};
        const auto current = c.maybe(5);
        if (!c.ok) return;
        d.groups[g.id] = g;
        if (current) d.current_run[g.id] = *current;
    });
    salvage.read("gatherings", [&](Cells& c) {
        Gathering g{c.integer(0), static_cast<int>(c.integer(1)), c.text(2), c.text(3), c.flag(4)};
        if (c.ok) d.gatherings[g.id] = g;
    });
    salvage.read("agenda_items", [&](Cells& c) {
        const Id gathering = c.integer(0);
        const std::int64_t position = c.integer(1);
        std::string exercise = c.text(2);
        if (c.ok) d.agendas[gathering].emplace_back(position, std::move(exercise));
    });
    salvage.read("participants", [&](Cells& c) {
        Participant p{c.integer(0), c.integer(1), c.text(2), c.text(3), c.integer(4), c.flag(5)};
        if (c.ok) d.participants[p.id] = p;
    });
    salvage.read("exercise_runs", [&](Cells& c) {
        ExerciseRun r{c.integer(0),
                      c.integer(1),
                      c.text(2),
                      static_cast<int>(c.integer(3)),
                      c.integer(4),
                      c.flag(5),
                      Timer{c.integer(6), c.integer(7), c.integer(8)},
                      c.integer(9),
                      c.integer(10)};
        if (c.ok) d.runs[r.id] = r;
    });
    salvage.read("clusters", [&](Cells& c) {
        Cluster k{c.integer(0), c.integer(1), c.text(2), c.text(3)};
        if (c.ok) d.clusters[k.id] = k;
    });
    salvage.read("notes", [&](Cells& c) {
        Note n;
        n.id = c.integer(0);
        n.run = c.integer(1);
        n.author = c.integer(2);
        n.client_id = c.text(3);
        n.text = c.text(4);
        n.zone = c.text(5);
        n.created_at = c.integer(6);
        n.updated_at = c.integer(7);
        n.deleted = c.flag(8);
        n.revealed = c.flag(9);
        n.highlighted = c.flag(10);
        n.x = c.real(11);
        n.y = c.real(12);
        n.cluster = c.integer(13);
        n.parent = c.integer(14);
        n.merged_into = c.integer(15);
        n.step = static_cast<int>(c.integer(16));
        n.fields = fields_of(c.text(17), c.ok);
        if (c.ok && n.id > 0) d.notes[n.id] = std::move(n);
    });
    salvage.read("votes", [&](Cells& c) {
        std::tuple<Id, Id, std::int64_t> v{c.integer(0), c.integer(1), c.integer(2)};
        if (c.ok && std::get<2>(v) > 0) d.votes.push_back(v);
    });
    salvage.read("conclusions", [&](Cells& c) {
        ConclusionField f{c.integer(0), c.text(1), c.text(2), c.integer(3)};
        if (c.ok) d.conclusions.push_back(std::move(f));
    });
    salvage.read("done_marks", [&](Cells& c) {
        std::tuple<Id, int, Id> m{c.integer(0), static_cast<int>(c.integer(1)), c.integer(2)};
        if (c.ok) d.done_marks.push_back(m);
    });
    salvage.read_whole("pulse_answers", [&](Cells& c) {
        change::PulseAnswered a{c.integer(0), c.text(1), c.text(2), static_cast<int>(c.integer(3))};
        if (c.ok) d.pulse_answers.push_back(std::move(a));
    });
    salvage.read_whole("measure_reports", [&](Cells& c) {
        const auto status = parse_measure_status(c.text(2));
        change::MeasureReported r{
            c.integer(0), c.integer(1), {status.value_or(MeasureStatus::started), c.text(3), c.integer(4)}};
        if (c.ok && status) d.measure_reports.push_back(std::move(r));
    });
    salvage.read("indicators", [&](Cells& c) {
        const Id note = c.integer(0);
        IndicatorFigures f{c.text(1), c.text(4), c.maybe_real(2), c.maybe_real(3)};
        if (c.ok) d.indicators[note] = std::move(f);
    });
    salvage.read_whole("indicator_values", [&](Cells& c) {
        change::IndicatorReported v{c.integer(0), c.integer(1), {c.real(2), c.integer(3)}, {}};
        if (c.ok && std::isfinite(v.value.value)) d.indicator_values.push_back(std::move(v));
    });
    salvage.read("table_leads", [&](Cells& c) {
        change::LeadSet l{c.integer(0), TableLead{c.integer(1), c.integer(2)}};
        if (c.ok) d.leads.push_back(l);
    });
    return d;
}

// The salvaged rows as the changes that make them, in the order Store::load replays them,
// each kept only when what it points at came back too.
std::vector<Change> changes_of(Salvaged& d, const std::string& recovered_name, RecoverReport& report) {
    std::vector<Change> out;
    Id next = 1;
    const auto seen = [&](Id id) { next = std::max(next, id + 1); };
    for (const auto& [id, g] : d.groups) seen(id);
    for (const auto& [id, p] : d.participants) seen(id);
    for (const auto& [id, r] : d.runs) seen(id);
    for (const auto& [id, n] : d.notes) seen(id);
    for (const auto& [id, k] : d.clusters) seen(id);
    for (const auto& [id, g] : d.gatherings) seen(id);

    if (d.room) {
        out.push_back(change::RoomOpened{*d.room});
        report.room = true;
    }
    // Runs and phones whose leader group was in a damaged page keep their notes and tokens in
    // one group named for what happened, for the facilitator to move or rename.
    Id recovered = 0;
    const auto home = [&](Id group) {
        if (d.groups.count(group)) return group;
        if (recovered == 0) {
            recovered = next++;
            d.groups[recovered] = LeaderGroup{recovered, recovered_name};
            report.recovered_group = recovered_name;
        }
        ++report.rehomed;
        return recovered;
    };
    for (auto& [id, r] : d.runs) r.group = home(r.group);
    for (auto& [id, p] : d.participants) p.group = home(p.group);
    for (const auto& [id, g] : d.groups) out.push_back(change::GroupAdded{g});
    report.groups = static_cast<std::int64_t>(d.groups.size());

    for (const auto& [id, g] : d.gatherings) out.push_back(change::GatheringSaved{g});
    report.gatherings = static_cast<std::int64_t>(d.gatherings.size());
    if (d.programme) out.push_back(change::ProgrammeNamed{*d.programme});
    if (d.retention_months > 0) out.push_back(change::RetentionSet{d.retention_months});
    if (d.pulse_threshold != default_pulse_threshold) out.push_back(change::PulseThresholdSet{d.pulse_threshold});
    if (d.open_gathering != 0 && d.gatherings.count(d.open_gathering))
        out.push_back(change::GatheringOpened{d.open_gathering});
    for (auto& [gathering, items] : d.agendas) {
        if (!d.gatherings.count(gathering)) {
            report.other_lost += static_cast<std::int64_t>(items.size());
            continue;
        }
        std::sort(items.begin(), items.end());
        std::vector<std::string> exercises;
        for (auto& [position, exercise] : items) exercises.push_back(std::move(exercise));
        out.push_back(change::AgendaSet{gathering, std::move(exercises)});
    }
    for (const auto& [id, p] : d.participants) out.push_back(change::ParticipantJoined{p});
    report.participants = static_cast<std::int64_t>(d.participants.size());
    // A table lead comes back with its group; a lead or ask whose phone was lost is left out.
    for (change::LeadSet l : d.leads) {
        if (!d.groups.count(l.group)) continue;
        if (!d.participants.count(l.lead.lead)) l.lead.lead = 0;
        if (!d.participants.count(l.lead.asked)) l.lead.asked = 0;
        if (l.lead.lead || l.lead.asked) out.push_back(l);
    }
    for (const auto& [id, r] : d.runs) out.push_back(change::ExerciseStarted{r});
    report.runs = static_cast<std::int64_t>(d.runs.size());
    for (const auto& [group, run] : d.current_run)
        if (d.groups.count(group) && (run == 0 || d.runs.count(run))) out.push_back(change::RunReopened{group, run});

    for (auto it = d.clusters.begin(); it != d.clusters.end();) {
        if (d.runs.count(it->second.run)) {
            out.push_back(change::ClusterMade{it->second});
            ++it;
        } else {
            ++report.themes_lost;
            it = d.clusters.erase(it);
        }
    }
    report.themes = static_cast<std::int64_t>(d.clusters.size());
    for (auto it = d.notes.begin(); it != d.notes.end();)
        if (d.runs.count(it->second.run)) {
            ++it;
        } else {
            ++report.notes_lost;
            it = d.notes.erase(it);
        }
    for (auto& [id, n] : d.notes) {
        // A theme, a "why?" parent or a note merged into, lost: the note stands on its own.
        if (n.cluster != 0 && !d.clusters.count(n.cluster)) n.cluster = 0;
        if (n.parent != 0 && !d.notes.count(n.parent)) n.parent = 0;
        if (n.merged_into != 0 && !d.notes.count(n.merged_into)) n.merged_into = 0;
        out.push_back(change::NoteAdded{n});
    }
    report.notes = static_cast<std::int64_t>(d.notes.size());
    for (const auto& [note, participant, dots] : d.votes) {
        if (!d.notes.count(note) || !d.participants.count(participant)) {
            ++report.votes_lost;
            continue;
        }
        for (std::int64_t i = 0; i < dots; ++i) out.push_back(change::VoteCast{note, participant});
        ++report.votes;
    }
    for (const auto& f : d.conclusions) {
        if (!d.runs.count(f.run)) {
            ++report.conclusions_lost;
            continue;
        }
        out.push_back(change::ConclusionSet{f});
        ++report.conclusions;
    }
    for (const auto& [run, step, participant] : d.done_marks) {
        if (!d.runs.count(run) || !d.participants.count(participant)) {
            ++report.other_lost;
            continue;
        }
        out.push_back(change::DoneMarked{run, step, participant, true});
        ++report.done_marks;
    }
    for (const auto& a : d.pulse_answers) {
        if (!d.runs.count(a.run)) {
            ++report.other_lost;
            continue;
        }
        out.push_back(a);
        ++report.pulse_answers;
    }
    for (const auto& r : d.measure_reports) {
        if (!d.runs.count(r.run) || !d.notes.count(r.note)) {
            ++report.other_lost;
            continue;
        }
        out.push_back(r);
    }
    for (auto& v : d.indicator_values) {
        if (!d.runs.count(v.run) || !d.notes.count(v.note)) {
            ++report.other_lost;
            continue;
        }
        if (const auto f = d.indicators.find(v.note); f != d.indicators.end()) v.figures = f->second;
        out.push_back(v);
    }
    return out;
}

bool empty_or_missing(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return true;
    return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

}  // namespace

Result<RecoverReport> recover_store(const fs::path& data_dir, const fs::path& out_dir,
                                    const std::string& recovered_group_name) {
    std::error_code ec;
    const fs::path source = data_dir / Store::database_file;
    if (!fs::is_regular_file(source, ec)) return recover_failed("no Samling store in " + data_dir.string());
    if (!empty_or_missing(out_dir))
        return recover_failed(out_dir.string() + " exists and is not empty: name a new folder for the recovered store");
    const fs::path from = fs::weakly_canonical(data_dir, ec), to = fs::weakly_canonical(out_dir, ec);
    if (std::mismatch(from.begin(), from.end(), to.begin(), to.end()).first == from.end())
        return recover_failed(out_dir.string() + " is inside " + data_dir.string() +
                              ": recover never writes into the damaged folder; name a folder elsewhere");
    if (Store::in_use(data_dir))
        return recover_failed("Samling is running on " + data_dir.string() + ": stop it, then recover");

    const bool made_out = !fs::exists(out_dir, ec);
    fs::create_directories(out_dir, ec);
    if (ec) return recover_failed("cannot make " + out_dir.string() + ": " + ec.message());
    // SQLite replays a WAL (and makes a -shm) where the file is: a copy inside OUT_DIR, so the
    // damaged folder stays exactly as it was.
    const fs::path copy_dir = out_dir / ".damaged-copy";
    const auto clean_up = [&](bool all) {
        std::error_code e;
        fs::remove_all(copy_dir, e);
        if (all) {
            if (made_out)
                fs::remove_all(out_dir, e);
            else
                for (const auto& entry : fs::directory_iterator(out_dir, e)) fs::remove_all(entry.path(), e);
        }
    };
    fs::create_directories(copy_dir, ec);
    const fs::path copy = copy_dir / Store::database_file;
    fs::copy_file(source, copy, ec);
    if (!ec && fs::exists(source.string() + "-wal"))
        fs::copy_file(source.string() + "-wal", copy.string() + "-wal", ec);
    if (ec) {
        clean_up(true);
        return recover_failed("cannot copy " + source.string() + " to read it: " + ec.message());
    }

    RecoverReport report;
    std::vector<Change> changes;
    Revision revision = 1;
    {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(sqlite_name(copy).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close_v2(db);
            clean_up(true);
            return recover_failed("cannot read " + source.string() + " at all (" + why + "): nothing to recover");
        }
        // A file shorter than its header says (truncated) is read up to where it ends; without
        // this SQLite refuses the whole file. Only this copy is opened so, and it is never written.
        sqlite3_exec(db, "PRAGMA writable_schema=ON", nullptr, nullptr, nullptr);
        {
            Statement version(db, "PRAGMA user_version");
            const int have = version.step() == SQLITE_ROW ? static_cast<int>(version.integer(0)) : -1;
            if (have != static_cast<int>(schema::migrations.size())) {
                sqlite3_close_v2(db);
                clean_up(true);
                return recover_failed(have < 0 ? "cannot read " + source.string() + "'s header: nothing to recover"
                                               : source.string() + " has schema " + std::to_string(have) +
                                                     "; this Samling " + "recovers schema " +
                                                     std::to_string(schema::migrations.size()) + " only");
            }
        }
        Salvage salvage(db);
        Salvaged rows = read_all(salvage);
        sqlite3_close_v2(db);
        report.damaged_places = salvage.damaged_places;
        report.other_lost += salvage.malformed;
        report.unreadable_tables = salvage.unreadable;
        // Phones compare revisions for equality: a new number makes each fetch the state afresh.
        revision = rows.revision.value_or(0) + 1;
        changes = changes_of(rows, recovered_group_name, report);
        if (changes.empty()) {
            clean_up(true);
            return recover_failed("not one row of " + source.string() + " could be read: nothing to recover");
        }
    }
    clean_up(false);
    {
        auto store = Store::open(out_dir);
        if (!store) {
            clean_up(true);
            return store.error();
        }
        if (auto s = store.value()->commit(changes, revision); !s) {
            store.value().reset();
            clean_up(true);
            return recover_failed("cannot write the recovered store: " + s.error().message);
        }
    }
    return report;
}

}  // namespace samling
