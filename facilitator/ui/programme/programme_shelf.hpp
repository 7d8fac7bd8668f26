// The programmes on this laptop as the projector's picker sees them: a list to draw and the
// few things it may ask for. The app implements it over the data folder (app/programmes.*);
// the projector only calls it. No ImGui, no filesystem here.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

struct ProgrammeListing {
    std::string folder;  // the programme's id: stable across renames
    std::string name;
    int gatherings = 0;
    Timestamp last_used = 0;  // 0: never opened
    bool archived = false;
    bool current = false;  // the one this window shows
};

// What deleting a programme took away with it, for the toast.
struct RemovedProgramme {
    std::string name;
    int backups = 0, pictures = 0, exports = 0;
};

class ProgrammeShelf {
public:
    virtual ~ProgrammeShelf() = default;
    virtual std::vector<ProgrammeListing> list() = 0;                 // archived ones too, in the order made
    virtual Result<std::string> create(const std::string& name) = 0;  // the new folder
    virtual Status rename(const std::string& folder, const std::string& name) = 0;
    virtual Status archive(const std::string& folder, bool archived) = 0;
    virtual Result<RemovedProgramme> remove(const std::string& folder) = 0;  // never the current one
    // Asks the app to close this programme and open `folder`: the frame loop ends soon after.
    virtual void open(const std::string& folder) = 0;
};

}  // namespace samling
