// samling: the facilitator's app. Everything happens in run_samling(); see the README's code tour.
#include <string>
#include <vector>

#include <iostream>

#include "app/options.hpp"
#include "app/samling_app.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = samling::parse_options(args);
    if (!options) {
        std::cerr << "samling: " << options.error().message << std::endl;
        return 2;
    }
    return samling::run_samling(options.value());
}
