// Command-line parsing, strict: an unknown or malformed option is an error, never ignored.
#include "app/options.hpp"

#include <charconv>

#include "platform/platform.hpp"

namespace samling {

std::string usage_text() {
    // The default folders as this system spells them: $XDG_DATA_HOME/samling, %LOCALAPPDATA%\Samling.
    const std::string data = platform::user_data_folder_spelled("samling");
    const std::string demo = platform::user_data_folder_spelled("samling-demo");
    return "Usage: samling [options]\n"
           "Runs the projector view, the participants' web server and the store.\n\n"
           "  --data-dir DIR         the data folder, its programmes in DIR/programmes (default\n"
           "                         " +
           data +
           "); a folder holding one programme's\n"
           "                         samling.sqlite3 and no programmes.json is that one programme\n"
           "  --programme NAME       open this programme of the data folder (default: the last one\n"
           "                         opened); the projector's F2, then F2 again, makes new ones\n"
           "  --host ADDR            listen address (default 0.0.0.0)\n"
           "  --port N               listen port (default 8765; 0 = any free port)\n"
           "  --headless             no window: server and store only, until SIGINT/SIGTERM\n"
           "  --demo                 ensure a demo room with three leader groups exists; without\n"
           "                         --data-dir in its own folder (" +
           demo +
           ")\n"
           "  --new                  let an existing but empty store file (an interrupted copy)\n"
           "                         become a new room; without it Samling refuses to start there\n"
           "  --lang nb|nn|en        interface language (default nb)\n"
           "  --screenshot FILE.png  render the projector view to a PNG, then exit\n"
           "  --presenter            a presenter window on this screen beside the projector's\n"
           "                         (the default with two screens: the laptop's shows it)\n"
           "  --no-presenter         one window only, even with two screens\n"
           "  --screenshot-presenter FILE.png\n"
           "                         render the presenter window to a PNG too (with --presenter)\n"
           "  --control-port N       serve the facilitator's control surface on 127.0.0.1:N\n"
           "                         (0 = any free port); its address and token go to\n"
           "                         DATA-DIR/control.json, readable by this user only\n"
           "  --retention-months N   keep the programme N months after its last gathering (0: not\n"
           "                         set); when that has passed, Samling warns at start\n"
           "  --help, --version      this text, the version\n\n"
           "Usage: samling export (--group NAME | --all) --format md|html|csv|json --out DIR\n"
           "                      [--data-dir DIR] [--lang nb|nn|en]\n"
           "Writes leader groups' project logs (and, with html, the programme index and a report\n"
           "per gathering) into DIR, replacing earlier exports whole. Works beside a running Samling.\n"
           "  --format tents [--host H] [--port N] [--wifi NAME]: a table card per group to print\n"
           "  (A4, folded): its QR code opens the phone page with the group chosen, at H:N (default:\n"
           "  this machine's LAN address and 8765); NAME is the Wi-Fi printed on it.\n\n"
           "Usage: samling backup --out FILE [--data-dir DIR]\n"
           "Writes the programme into one new file, beside a running Samling or not.\n\n"
           "Usage: samling restore FILE [--data-dir DIR] [--replace]\n"
           "Checks FILE and makes it the data folder's programme; --replace when the folder holds\n"
           "one already (it is kept in DIR/backups first). Samling must not be running there.\n"
           "backup, restore, export, recover and delete --group act on --programme NAME (restore\n"
           "makes it if it is new), else on the last programme opened.\n\n"
           "Usage: samling recover --out DIR2 [--data-dir DIR] [--programme NAME] [--lang nb|nn|en]\n"
           "Reads what can still be read from a damaged store into a new store in DIR2 (new or\n"
           "empty) and says what came back. The damaged folder is never written.\n\n"
           "Usage: samling delete --group NAME --yes [--with-backups] [--data-dir DIR] [--programme NAME]\n"
           "Deletes a leader group for good: its notes, runs, phones, pictures and exports; names\n"
           "the backups that still hold it (--with-backups rewrites them without it). Samling must\n"
           "not be running there.\n\n"
           "Usage: samling delete --programme NAME --yes [--data-dir DIR]\n"
           "Deletes the programme: its store, backups, board pictures and exports. Not while it is open.\n";
}

namespace {

std::optional<int> parse_port(const std::string& v) {
    int port = -1;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), port);
    if (ec != std::errc() || end != v.data() + v.size() || port < 0 || port > 65535) return std::nullopt;
    return port;
}

}  // namespace

Result<Options> parse_options(const std::vector<std::string>& all_args) {
    Options o;
    std::vector<std::string> args = all_args;
    if (!args.empty() && args.front() == "export") {
        o.export_logs = ExportOptions{};
        args.erase(args.begin());
    } else if (!args.empty() && args.front() == "backup") {
        o.backup = BackupOptions{};
        args.erase(args.begin());
    } else if (!args.empty() && args.front() == "recover") {
        o.recover = RecoverOptions{};
        args.erase(args.begin());
    } else if (!args.empty() && args.front() == "delete") {
        o.delete_group = DeleteOptions{};  // a programme's delete when it names no --group (below)
        args.erase(args.begin());
    } else if (!args.empty() && args.front() == "restore") {
        o.restore = RestoreOptions{};
        args.erase(args.begin());
        if (!args.empty() && !args.front().starts_with("--")) {
            o.restore->file = args.front();
            args.erase(args.begin());
        }
    }
    auto bad = [](std::string msg) { return make_error(Errc::invalid_request, std::move(msg)); };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= args.size() || args[i + 1].empty()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--version") {
            o.version = true;
        } else if (a == "--headless") {
            o.headless = true;
        } else if (a == "--demo") {
            o.demo = true;
        } else if (a == "--new") {
            o.fresh_store = true;
        } else if (a == "--data-dir") {
            if (!value(o.data_dir)) return bad("--data-dir needs a folder");
        } else if (a == "--programme") {
            if (!value(o.programme)) return bad("--programme needs a programme's name");
        } else if (a == "--host") {
            if (!value(o.host)) return bad("--host needs an address, e.g. 0.0.0.0 or 127.0.0.1");
        } else if (a == "--port" || a == "--control-port") {
            const bool have = value(v);
            const auto port = have ? parse_port(v) : std::nullopt;
            if (!port) return bad(a + " needs a number from 0 to 65535" + (have ? ", not \"" + v + "\"" : ""));
            (a == "--port" ? o.port : o.control_port) = *port;
        } else if (o.export_logs && a == "--group") {
            if (!value(o.export_logs->group)) return bad("--group needs a leader group's name");
        } else if (o.export_logs && a == "--all") {
            o.export_logs->all = true;
        } else if (o.export_logs && a == "--format") {
            if (!value(o.export_logs->format) ||
                (o.export_logs->format != "md" && o.export_logs->format != "html" && o.export_logs->format != "csv" &&
                 o.export_logs->format != "json" && o.export_logs->format != "tents"))
                return bad("--format takes md, html, csv, json or tents");
        } else if (o.export_logs && a == "--wifi") {
            if (!value(o.export_logs->wifi)) return bad("--wifi needs the network's name");
        } else if (o.export_logs && a == "--out") {
            if (!value(o.export_logs->out)) return bad("--out needs a folder");
        } else if (o.backup && a == "--out") {
            if (!value(o.backup->out)) return bad("--out needs a file name for the backup");
        } else if (o.recover && a == "--out") {
            if (!value(o.recover->out)) return bad("--out needs a new folder for the recovered store");
        } else if (o.delete_group && a == "--group") {
            if (!value(o.delete_group->group)) return bad("--group needs a leader group's name");
        } else if (o.delete_group && a == "--yes") {
            o.delete_group->yes = true;
        } else if (o.delete_group && a == "--with-backups") {
            o.delete_group->with_backups = true;
        } else if (o.restore && a == "--replace") {
            o.restore->replace = true;
        } else if (a == "--retention-months") {
            const bool have = value(v);
            int months = -1;
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), months);
            if (!have || ec != std::errc() || end != v.data() + v.size() || months < 0 || months > max_retention_months)
                return bad("--retention-months needs a number of months from 0 to " +
                           std::to_string(max_retention_months) + (have ? ", not \"" + v + "\"" : ""));
            o.retention_months = months;
        } else if (a == "--lang") {
            if (!value(v) || !parse_language(v)) return bad("--lang takes nb, nn or en");
            o.language = *parse_language(v);
        } else if (a == "--screenshot") {
            if (!value(o.screenshot)) return bad("--screenshot needs a file name ending in .png");
            if (o.screenshot.size() < 5 || o.screenshot.substr(o.screenshot.size() - 4) != ".png")
                return bad("--screenshot needs a file name ending in .png");
        } else if (a == "--presenter" || a == "--no-presenter") {
            if (o.presenter && *o.presenter != (a == "--presenter"))
                return bad("--presenter and --no-presenter: choose one");
            o.presenter = a == "--presenter";
        } else if (a == "--screenshot-presenter") {
            if (!value(o.screenshot_presenter) || o.screenshot_presenter.size() < 5 ||
                o.screenshot_presenter.substr(o.screenshot_presenter.size() - 4) != ".png")
                return bad("--screenshot-presenter needs a file name ending in .png");
        } else {
            return bad("unknown option \"" + a + "\" (see --help)");
        }
    }
    if (o.headless && !o.screenshot.empty()) return bad("--screenshot needs a window; drop --headless");
    if (o.headless && (o.presenter || !o.screenshot_presenter.empty()))
        return bad("--presenter needs a window; drop --headless");
    if (!o.screenshot_presenter.empty()) {
        if (o.presenter == false) return bad("--screenshot-presenter needs the presenter window; drop --no-presenter");
        if (o.screenshot.empty())
            return bad("--screenshot-presenter goes with --screenshot FILE.png (the projector's)");
        o.presenter = true;
    }
    if (o.demo && !o.programme.empty()) return bad("--demo is a programme of its own: drop --programme");
    if (o.export_logs) {
        const ExportOptions& e = *o.export_logs;
        if (e.all == !e.group.empty()) return bad("export needs --group NAME or --all (one of them)");
        if (e.format.empty()) return bad("export needs --format md, html, csv, json or tents");
        if (!e.wifi.empty() && e.format != "tents") return bad("--wifi is for --format tents");
        if (e.out.empty()) return bad("export needs --out DIR");
        if (o.headless || o.demo || o.fresh_store || !o.screenshot.empty() || o.control_port >= 0)
            return bad("export takes only --group/--all, --format, --out, --data-dir, --programme and --lang");
    }
    const bool session = o.headless || o.demo || o.fresh_store || !o.screenshot.empty() || o.control_port >= 0 ||
                         o.presenter.has_value() || o.retention_months >= 0;
    if (o.backup) {
        if (o.backup->out.empty()) return bad("backup needs --out FILE");
        if (session) return bad("backup takes only --out, --data-dir and --programme");
    }
    if (o.restore) {
        if (o.restore->file.empty()) return bad("restore needs the backup file: samling restore FILE");
        if (session) return bad("restore takes only the file, --data-dir, --programme and --replace");
    }
    if (o.recover) {
        if (o.recover->out.empty()) return bad("recover needs --out DIR2 (a new folder)");
        if (session) return bad("recover takes only --out, --data-dir, --programme and --lang");
    }
    if (o.delete_group && o.delete_group->group.empty()) {  // delete --programme NAME
        if (o.delete_group->with_backups) return bad("--with-backups is for delete --group");
        o.delete_programme = DeleteProgrammeOptions{o.delete_group->yes};
        o.delete_group.reset();
    }
    if (o.delete_group) {
        if (!o.delete_group->yes) return bad("delete removes the group's notes for good: add --yes to say you mean it");
        if (session) return bad("delete takes only --group, --yes, --with-backups, --data-dir and --programme");
    }
    if (o.delete_programme) {
        if (o.programme.empty()) return bad("delete needs --group NAME or --programme NAME");
        if (session) return bad("delete takes only --programme, --yes and --data-dir");
        if (!o.delete_programme->yes)
            return bad("delete removes \"" + o.programme + "\" for good (its store, backups, pictures and " +
                       "exports): add --yes to say you mean it");
    }
    o.args = all_args;
    return o;
}

}  // namespace samling
