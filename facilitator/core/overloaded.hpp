// The visitor of many lambdas, for std::visit over commands and changes. Core and store use it.
#pragma once

namespace samling {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};
// C++20 deduces this by itself; clang 14 (Debian 12's, behind clangd and clang-tidy) needs it said.
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

}  // namespace samling
