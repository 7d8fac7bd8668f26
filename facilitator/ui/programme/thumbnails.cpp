// PNG to texture with Debian's libstb (which holds stb_image's implementation: no
// STB_IMAGE_IMPLEMENTATION here). Needs a current OpenGL context; no workshop, no hub.
#include "ui/programme/thumbnails.hpp"

#include <cstdint>
#include <filesystem>
#include <system_error>

#include <GL/gl.h>
#include <stb_image.h>

namespace samling {
namespace {

constexpr int max_loads_per_frame = 3;
constexpr auto retry_missing = std::chrono::seconds(2);

GLuint texture_of(const Thumbnail& t) {
    return static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(t.texture));
}

Thumbnail load_png(const std::string& path) {
    Thumbnail t;
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
    if (!pixels) return t;
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    // ImGui 1.86 carries an OpenGL texture name as its void* ImTextureID: the cast is the API.
    t.texture = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));  // NOLINT(performance-no-int-to-ptr)
    t.width = w;
    t.height = h;
    return t;
}

}  // namespace

ThumbnailCache::~ThumbnailCache() {
    for (auto& [path, e] : entries_) {
        if (!e.picture.texture) continue;
        const GLuint id = texture_of(e.picture);
        glDeleteTextures(1, &id);
    }
}

Thumbnail ThumbnailCache::get(const std::string& path) {
    if (path.empty()) return {};
    const auto now = std::chrono::steady_clock::now();
    auto it = entries_.find(path);
    if (it != entries_.end() && (it->second.picture.texture || now - it->second.looked_at < retry_missing))
        return it->second.picture;
    if (loads_this_frame_ >= max_loads_per_frame) {
        behind_ = true;
        return {};
    }
    ++loads_this_frame_;
    std::error_code ec;
    Entry e{std::filesystem::exists(path, ec) ? load_png(path) : Thumbnail{}, now};
    entries_[path] = e;
    return e.picture;
}

}  // namespace samling
