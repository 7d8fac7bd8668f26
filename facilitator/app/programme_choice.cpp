// The catalogue (app/programmes.*) as the command line and the projector use it.
#include "app/programme_choice.hpp"

#include <iostream>

#include "app/paths.hpp"
#include "app/programmes.hpp"
#include "platform/platform.hpp"
#include "ui/programme/programme_strings.hpp"

namespace samling {
namespace fs = std::filesystem;

Result<ChosenProgramme> choose_programme_for(const Options& o, Missing missing) {
    if (o.demo) return ChosenProgramme{o.data_dir.empty() ? demo_data_dir() : fs::path(o.data_dir), {}, {}, {}};
    std::error_code ec;
    if (o.programme.empty() && !o.data_dir.empty() && !fs::exists(fs::path(o.data_dir) / Catalogue::file_name, ec))
        return ChosenProgramme{o.data_dir, {}, {}, {}};
    const fs::path data = o.data_dir.empty() ? default_data_dir() : fs::path(o.data_dir);
    const std::string first = programme_strings(o.language).first_programme;
    auto chosen = choose_programme(data, o.programme, missing == Missing::make_first ? first : std::string());
    if (!chosen && missing == Missing::make_named && !o.programme.empty()) {
        auto c = load_catalogue(data);
        if (c && !c.value().find(o.programme)) chosen = create_programme(data, o.programme);
    }
    if (!chosen) {
        if (chosen.error().code == Errc::text_empty)  // choose_programme made none: nothing to act on
            return make_error(Errc::invalid_request, "no programme in " + data.string() +
                                                         " yet: start Samling once, or restore a backup into one");
        return chosen.error();
    }
    const ProgrammeRecord& p = chosen.value();
    return ChosenProgramme{programme_dir(data, p), data, p.folder, p.name};
}

std::vector<ProgrammeListing> CatalogueShelf::list() {
    std::vector<ProgrammeListing> out;
    auto c = load_catalogue(data_);
    if (!c) return out;
    for (const auto& p : c.value().programmes)
        out.push_back(
            {p.folder, p.name, gatherings_in(programme_dir(data_, p)), p.last_used, p.archived, p.folder == current_});
    return out;
}

Result<std::string> CatalogueShelf::create(const std::string& name) {
    auto made = create_programme(data_, name);
    if (!made) return made.error();
    std::cerr << "samling: made the programme \"" << made.value().name << "\" in "
              << programme_dir(data_, made.value()).string() << std::endl;
    return made.value().folder;
}

Status CatalogueShelf::rename(const std::string& folder, const std::string& name) {
    return rename_programme(data_, folder, name);
}

Status CatalogueShelf::archive(const std::string& folder, bool archived) {
    if (folder == current_) return make_error(Errc::invalid_request, "the open programme stays in the list");
    return archive_programme(data_, folder, archived);
}

Result<RemovedProgramme> CatalogueShelf::remove(const std::string& folder) {
    if (folder == current_) return make_error(Errc::storage_failed, "the open programme cannot be deleted");
    auto gone = delete_programme(data_, folder);
    if (!gone) return gone.error();
    const DeletedProgramme& d = gone.value();
    std::cerr << "samling: deleted the programme \"" << d.name << "\": " << d.folder.string() << " with " << d.backups
              << " backups, " << d.pictures << " board pictures and " << d.exports << " export files" << std::endl;
    return RemovedProgramme{d.name, d.backups, d.pictures, d.exports};
}

void CatalogueShelf::open(const std::string& folder) {
    std::lock_guard lock(mu_);
    requested_ = folder;
}

std::optional<std::string> CatalogueShelf::requested() const {
    std::lock_guard lock(mu_);
    return requested_;
}

Result<int> start_again_on(const std::vector<std::string>& args, const std::string& folder) {
    std::vector<std::string> next;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--programme") {
            ++i;  // and its value
            continue;
        }
        if (args[i] == "--new") continue;  // it was meant for the first store only
        next.push_back(args[i]);
    }
    next.insert(next.end(), {"--programme", folder});
    std::cout.flush();
    std::cerr.flush();
    std::error_code error;
    const int code = platform::start_again(next, error);
    if (!error) return code;
    return make_error(Errc::storage_failed, "cannot start again: " + error.message());
}

int run_delete_programme(const Options& o) {
    const fs::path data = o.data_dir.empty() ? default_data_dir() : fs::path(o.data_dir);
    auto catalogue = load_catalogue(data);
    if (!catalogue) {
        std::cerr << "samling delete: " << catalogue.error().message << std::endl;
        return 1;
    }
    if (!catalogue.value().find(o.programme)) {
        std::string names;
        for (const auto& p : catalogue.value().programmes) names += (names.empty() ? "\"" : ", \"") + p.name + "\"";
        std::cerr << "samling delete: no programme named \"" << o.programme << "\" in " << data.string()
                  << " (programmes: " << (names.empty() ? "none" : names) << "); nothing was deleted" << std::endl;
        return 1;
    }
    auto gone = delete_programme(data, o.programme);
    if (!gone) {
        std::cerr << "samling delete: " << gone.error().message << "; nothing was deleted" << std::endl;
        return 1;
    }
    const DeletedProgramme& d = gone.value();
    std::cout << "samling delete: deleted the programme \"" << d.name << "\" (" << d.folder.string() << "): its store, "
              << d.backups << " backups, " << d.pictures << " board pictures and " << d.exports
              << " export files. Copies you made elsewhere (samling backup --out, exports you moved) are not touched."
              << std::endl;
    return 0;
}

}  // namespace samling
