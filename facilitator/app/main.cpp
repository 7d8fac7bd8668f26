// samling: the facilitator's app. Everything happens in run_samling(); see the README's code tour.
#include <iostream>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "app/samling_app.hpp"
#include "platform/platform.hpp"

int main(int argc, char** argv) {
    // Notes about children: nothing Samling writes (store, pictures, exports, backups) may be
    // readable by the laptop's other users. Files 0600, folders 0700.
    samling::platform::keep_new_files_private();
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = samling::parse_options(args);
    if (!options) {
        std::cerr << "samling: " << options.error().message << std::endl;
        return 2;
    }
    return samling::run_samling(options.value());
}
