// The board pictures of the project log as OpenGL textures: each PNG is read with stb_image
// once and cached by path; a missing file is looked for again every few seconds. Needs the
// projector's current GL context; knows nothing of the workshop or the hub.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "ui/programme/thumbnail.hpp"

namespace samling {

class ThumbnailCache {
public:
    ThumbnailCache() = default;
    ~ThumbnailCache();  // deletes the textures: destroy it before the GL context
    ThumbnailCache(const ThumbnailCache&) = delete;
    ThumbnailCache& operator=(const ThumbnailCache&) = delete;

    // At most a few files are read per frame, so opening a long log never stalls a frame.
    Thumbnail get(const std::string& path);
    void next_frame() {
        loads_this_frame_ = 0;
        behind_ = false;
    }
    // A picture was asked for but not read yet this frame: draw another frame soon.
    bool behind() const { return behind_; }

private:
    struct Entry {
        Thumbnail picture;
        std::chrono::steady_clock::time_point looked_at;
    };
    std::map<std::string, Entry> entries_;
    int loads_this_frame_ = 0;
    bool behind_ = false;
};

}  // namespace samling
