// Where one exact colour is in a screenshot: how many pixels have it, and their median x and y
// (a card's middle, not pulled aside by a few pixels of the same colour in text elsewhere).
// Usage: png_colour FILE.png RRGGBB [X0 Y0 X1 Y1]   prints "COUNT MEDIAN_X MEDIAN_Y" (-1 -1 when
// none), over the whole picture or the rectangle [X0, X1) x [Y0, Y1).
// Uses stb_image from Debian's libstb, which already holds the implementation (as png_check).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <stb_image.h>

int main(int argc, char** argv) {
    if (argc != 3 && argc != 7) {
        std::fprintf(stderr, "usage: png_colour FILE.png RRGGBB [X0 Y0 X1 Y1]\n");
        return 2;
    }
    const unsigned long want = std::strtoul(argv[2], nullptr, 16);
    int w = 0, h = 0, channels = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 3);
    if (!px) {
        std::fprintf(stderr, "png_colour: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    int x0 = 0, y0 = 0, x1 = w, y1 = h;
    if (argc == 7) {
        x0 = std::max(0, std::atoi(argv[3]));
        y0 = std::max(0, std::atoi(argv[4]));
        x1 = std::min(w, std::atoi(argv[5]));
        y1 = std::min(h, std::atoi(argv[6]));
    }
    std::vector<int> xs, ys;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const unsigned char* p = px + (static_cast<long>(y) * w + x) * 3;
            if (((unsigned long)p[0] << 16 | (unsigned long)p[1] << 8 | p[2]) != want) continue;
            xs.push_back(x);
            ys.push_back(y);
        }
    stbi_image_free(px);
    if (xs.empty()) {
        std::printf("0 -1 -1\n");
        return 0;
    }
    const auto mid = xs.size() / 2;
    std::nth_element(xs.begin(), xs.begin() + static_cast<long>(mid), xs.end());
    std::nth_element(ys.begin(), ys.begin() + static_cast<long>(mid), ys.end());
    std::printf("%zu %d %d\n", xs.size(), xs[mid], ys[mid]);
    return 0;
}
