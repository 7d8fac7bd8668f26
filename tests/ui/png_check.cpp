// Checks a projector screenshot: the expected size, and not blank (enough colours, enough
// pixels that are not the background), with the join panel's white card.
// Usage: png_check FILE.png [WIDTH HEIGHT]
//        png_check --board FILE.png WINDOW_W WINDOW_H   (a board picture from the project log: not
//        blank, most of the window but smaller than it; no join panel)
// Uses stb_image from Debian's libstb, which already holds the implementation (no
// STB_IMAGE_IMPLEMENTATION here: defining it would duplicate libstb's symbols).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include <stb_image.h>

int main(int argc, char** argv) {
    const bool board = argc > 1 && std::strcmp(argv[1], "--board") == 0;
    if (board ? argc != 5 : argc != 2 && argc != 4) {
        std::fprintf(stderr,
                     "usage: png_check FILE.png [WIDTH HEIGHT]\n"
                     "       png_check --board FILE.png WINDOW_W WINDOW_H\n");
        return 2;
    }
    const char* file = argv[board ? 2 : 1];
    const bool sized = argc >= 4;
    const int want_w = sized ? std::atoi(argv[argc - 2]) : 1280;
    const int want_h = sized ? std::atoi(argv[argc - 1]) : 720;
    int w = 0, h = 0, channels = 0;
    unsigned char* px = stbi_load(file, &w, &h, &channels, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read %s: %s\n", file, stbi_failure_reason());
        return 1;
    }
    int failures = 0;
    if (board) {
        // The board is most of the window (at least half its width, 40% of its height), and
        // smaller than it: a full-window grab would show the join panel and the step bar too.
        if (w > want_w || h > want_h || 2 * w < want_w || 5 * h < 2 * want_h) {
            std::fprintf(stderr, "png_check: %s is %dx%d, expected between %dx%d and %dx%d\n", file, w, h,
                         (want_w + 1) / 2, (2 * want_h + 4) / 5, want_w, want_h);
            ++failures;
        }
        if (w == want_w && h == want_h) {
            std::fprintf(stderr, "png_check: %s is the whole %dx%d window, not the board alone\n", file, w, h);
            ++failures;
        }
    } else if (w != want_w || h != want_h) {
        std::fprintf(stderr, "png_check: %s is %dx%d, expected %dx%d\n", file, w, h, want_w, want_h);
        ++failures;
    }
    std::map<unsigned, long> counts;
    std::set<unsigned> coarse;  // 4 bits per channel: counts real colours, not antialiasing noise
    const long total = static_cast<long>(w) * h;
    long white = 0;
    for (long i = 0; i < total; ++i) {
        const unsigned char* p = px + i * 3;
        ++counts[(unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2]];
        coarse.insert(((p[0] >> 4) << 8) | ((p[1] >> 4) << 4) | (p[2] >> 4));
        if (p[0] == 255 && p[1] == 255 && p[2] == 255) ++white;
    }
    stbi_image_free(px);
    long background = 0;
    for (const auto& [colour, n] : counts) background = n > background ? n : background;
    const double other = total ? 1.0 - static_cast<double>(background) / static_cast<double>(total) : 0.0;
    const double white_share = total ? static_cast<double>(white) / static_cast<double>(total) : 0.0;
    std::printf("png_check: %dx%d, %zu colours (%zu coarse), %.1f%% not background, %.1f%% white", w, h, counts.size(),
                coarse.size(), other * 100, white_share * 100);
    if (board)
        std::printf("; %.0f%% x %.0f%% of the %dx%d window", 100.0 * w / want_w, 100.0 * h / want_h, want_w, want_h);
    std::printf("\n");
    if (coarse.size() < 24) {
        std::fprintf(stderr, "png_check: only %zu distinct colours: the image looks blank\n", coarse.size());
        ++failures;
    }
    if (other < 0.10) {
        std::fprintf(stderr, "png_check: %.1f%% of pixels differ from the background: the image looks blank\n",
                     other * 100);
        ++failures;
    }
    if (!board && white_share < 0.03) {  // the join panel is a white card: without it there is no QR code
        std::fprintf(stderr, "png_check: almost no white: the join panel is missing\n");
        ++failures;
    }
    return failures ? 1 : 0;
}
