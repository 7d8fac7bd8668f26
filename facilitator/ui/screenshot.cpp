// glReadPixels of the back buffer, rows flipped (GL counts from the bottom), written with
// Debian's libstb, which already holds stb_image_write's implementation (so no
// STB_IMAGE_WRITE_IMPLEMENTATION here). No ImGui, no workshop.
#include "ui/screenshot.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include <GL/gl.h>
#include <stb_image_write.h>

namespace samling {

namespace {

// Reads [x, x+width) x [gl_y, gl_y+height) (GL's bottom-up rows) top row first.
bool read_rows(int x, int gl_y, int width, int height, std::vector<unsigned char>& pixels, std::string& error) {
    const auto row = static_cast<std::size_t>(width) * 3;
    pixels.assign(row * static_cast<std::size_t>(height), 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, gl_y, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) {
        error = "glReadPixels failed";
        return false;
    }
    std::vector<unsigned char> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* top = pixels.data() + static_cast<std::size_t>(y) * row;
        unsigned char* bottom = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, tmp.data(), row);
    }
    return true;
}

}  // namespace

bool write_back_buffer_png(const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no pixels";
        return false;
    }
    std::vector<unsigned char> pixels;
    if (!read_rows(0, 0, width, height, pixels, error)) return false;
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

bool write_region_png(const std::string& path, int x, int y, int width, int height, int fb_height, std::string& error) {
    const int x0 = std::max(0, x), y0 = std::max(0, y);
    const int x1 = x + width, y1 = std::min(fb_height, y + height);
    if (x1 <= x0 || y1 <= y0) {
        error = "the board has no pixels";
        return false;
    }
    std::vector<unsigned char> pixels;
    if (!read_rows(x0, fb_height - y1, x1 - x0, y1 - y0, pixels, error)) return false;
    std::error_code ec;
    const std::filesystem::path target(path);
    std::filesystem::create_directories(target.parent_path(), ec);
    const std::string tmp = path + ".tmp";
    if (!stbi_write_png(tmp.c_str(), x1 - x0, y1 - y0, 3, pixels.data(), (x1 - x0) * 3)) {
        error = "cannot write " + tmp;
        return false;
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace samling
