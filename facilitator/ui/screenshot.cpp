// glReadPixels of the back buffer, rows flipped (GL counts from the bottom), written with
// Debian's libstb, which already holds stb_image_write's implementation (so no
// STB_IMAGE_WRITE_IMPLEMENTATION here). No ImGui, no workshop.
#include "ui/screenshot.hpp"

#include <cstring>
#include <vector>

#include <GL/gl.h>
#include <stb_image_write.h>

namespace samling {

bool write_back_buffer_png(const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no pixels";
        return false;
    }
    const auto row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
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
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(row))) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace samling
