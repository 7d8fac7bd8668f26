// The export subcommand: read the store without taking it over, pick the groups, write.
#include "app/export_command.hpp"

#include <chrono>
#include <iostream>

#include "app/exercise_files.hpp"
#include "app/lan_address.hpp"
#include "app/paths.hpp"
#include "app/programme_choice.hpp"
#include "core/text.hpp"
#include "export/export_writer.hpp"
#include "export/table_cards.hpp"
#include "store/store.hpp"

namespace samling {
namespace {

int fail(const std::string& message) {
    std::cerr << "samling export: " << message << std::endl;
    return 1;
}

ExportRequest::Format format_of(const std::string& f) {
    if (f == "md") return ExportRequest::markdown;
    if (f == "csv") return ExportRequest::csv;
    if (f == "json") return ExportRequest::json;
    return ExportRequest::html;
}

}  // namespace

int run_export(const Options& o) {
    const ExportOptions& e = *o.export_logs;
    auto chosen = choose_programme_for(o, Missing::refuse);
    if (!chosen) return fail(chosen.error().message);
    const std::filesystem::path data_dir = chosen.value().dir;
    const auto exercise_dir = find_shipped("exercises");
    if (!exercise_dir) return fail("cannot find the exercises folder (set SAMLING_SHARE_DIR)");
    auto store = Store::open_read_only(data_dir);
    if (!store) return fail(store.error().message);
    auto workshop = store.value()->load(load_exercise_folder(*exercise_dir).catalog);
    if (!workshop) return fail(workshop.error().message);
    const Workshop& w = workshop.value();

    ExportRequest request;
    if (!e.all) {
        // As the room compares names: "ås skole" finds "Ås skole", however the Å was typed.
        const std::string wanted = text::name_key(e.group);
        for (const auto& [id, g] : w.groups())
            if (text::name_key(g.name) == wanted) request.groups.push_back(id);
        if (request.groups.empty()) {
            std::string names;
            for (const auto& [id, g] : w.groups()) names += (names.empty() ? "" : ", ") + g.name;
            return fail("no leader group named \"" + e.group + "\" (groups: " + (names.empty() ? "none" : names) + ")");
        }
    }
    if (e.format == "tents") {
        // Where phones will reach the laptop when Samling runs: its LAN address unless --host
        // names one, and the port it will listen on.
        const std::string host = o.host == "0.0.0.0" ? reachable_address(o.host) : o.host;
        TableCardRequest cards{e.out, host + ":" + std::to_string(o.port), e.wifi, o.language, request.groups};
        auto written = write_table_cards(w, cards);
        if (!written) return fail(written.error().message);
        std::cout << "samling: " << written->size() << " table cards (A4, fold across the middle) for "
                  << (e.all ? "every leader group" : e.group) << " in " << std::filesystem::absolute(e.out).string()
                  << "; their QR codes open " << cards.host_port << std::endl;
        return 0;
    }
    request.format = format_of(e.format);
    request.out = e.out;
    request.snapshots_dir = data_dir / "snapshots";
    request.language = o.language;
    request.now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    if (auto s = export_logs(w, request); !s) return fail(s.error().message);
    std::cout << "samling: exported " << (e.all ? "every leader group" : e.group) << " as " << e.format << " to "
              << std::filesystem::absolute(e.out).string() << std::endl;
    return 0;
}

}  // namespace samling
