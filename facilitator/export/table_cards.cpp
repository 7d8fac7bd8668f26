// The table card's page: an A4 sheet in two A5 halves (the upper one turned 180°), each the
// group's name, the QR code, the address and room code, three steps to join. Print rules
// first: page size and margins fixed, no background colours (browsers drop them in print).
#include "export/table_cards.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <map>
#include <system_error>

#include <qrcodegen.hpp>

#include "core/phrase.hpp"
#include "core/room_links.hpp"
#include "export/atomic_file.hpp"
#include "export/encoding.hpp"
#include "export/slug.hpp"

namespace samling {
namespace {

constexpr std::string_view stylesheet = R"css(
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #111; }
body { font-family: "DejaVu Sans", "Inter", Arial, sans-serif; }
.sheet { width: 210mm; height: 297mm; margin: 0 auto; overflow: hidden; }
.half { height: 148.5mm; padding: 10mm 14mm; display: flex; align-items: center; gap: 10mm; }
.half.upper { transform: rotate(180deg); border-top: 0.3mm dashed #999; }  /* after the turn: the fold */
.qr { flex: none; width: 62mm; height: 62mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.words { flex: 1; min-width: 0; }
.group { font-size: 30pt; font-weight: 700; line-height: 1.1; margin: 0 0 4mm; overflow-wrap: anywhere; }
.scan { font-size: 13pt; font-weight: 700; margin: 0 0 3mm; }
.steps { font-size: 12pt; line-height: 1.35; margin: 0 0 4mm; padding: 0; list-style: none; }
.label { font-size: 10pt; color: #444; margin: 0; }
.address { font-size: 19pt; font-weight: 700; margin: 0 0 2mm; overflow-wrap: anywhere; }
.code { font-size: 34pt; font-weight: 700; letter-spacing: 0.12em; margin: 0; }
.screen { font-size: 10pt; margin: 4mm 0 0; overflow-wrap: anywhere; }
@media screen { body { background: #ddd; } .sheet { background: #fff; margin: 1rem auto; } }
)css";

std::string half(const TableCard& c, const ReportStrings& s, bool upper, const std::string& svg) {
    const std::string wifi = c.wifi.empty() ? std::string(s.tent_same_network) : fill(s.tent_wifi, {{"wifi", c.wifi}});
    std::string out = upper ? "<section class=\"half upper\" aria-hidden=\"true\">\n" : "<section class=\"half\">\n";
    out += "<div class=\"qr\">" + svg + "</div>\n<div class=\"words\">\n";
    out += "<h1 class=\"group\">" + encode::html(c.group) + "</h1>\n";
    out += "<p class=\"scan\">" + encode::html(s.tent_scan) + "</p>\n<ul class=\"steps\">\n";
    for (const std::string_view step : {std::string_view(wifi), s.tent_camera, s.tent_tap})
        out += "<li>" + encode::html(step) + "</li>\n";
    out += "</ul>\n<p class=\"label\">" + encode::html(s.tent_address) + "</p>\n";
    out += "<p class=\"address\">" + encode::html(c.host_port) + "</p>\n";
    out += "<p class=\"label\">" + encode::html(s.tent_room) + "</p>\n";
    out += "<p class=\"code\">" + encode::html(c.room_code) + "</p>\n";
    if (!c.table_link.empty())
        out +=
            "<p class=\"screen\">" + encode::html(s.tent_table_screen) + ": " + encode::html(c.table_link) + "</p>\n";
    out += "</div>\n</section>\n";
    return out;
}

std::string upper_code(std::string code) {
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return code;
}

}  // namespace

std::string qr_svg(std::string_view text) {
    try {
        const std::string t(text);
        const auto qr = qrcodegen::QrCode::encodeText(t.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        const int n = qr.getSize(), quiet = 4, side = n + 2 * quiet;
        std::string path;
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n;) {  // one rectangle per run of dark modules in a row
                if (!qr.getModule(x, y)) {
                    ++x;
                    continue;
                }
                int end = x;
                while (end < n && qr.getModule(end, y)) ++end;
                path += "M" + std::to_string(x + quiet) + "," + std::to_string(y + quiet) + "h" +
                        std::to_string(end - x) + "v1h-" + std::to_string(end - x) + "z";
                x = end;
            }
        const std::string v = std::to_string(side);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + v + " " + v +
               "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"" + v + "\" height=\"" + v +
               "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    } catch (const std::exception&) {
        return {};  // too long for a QR code: the address and room code still stand
    }
}

std::string table_card_page(const TableCard& c, const ReportStrings& s) {
    const std::string svg = qr_svg(c.link);
    std::string out =
        "<!doctype html>\n<html lang=\"" + std::string(s.lang_tag) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"generator\" content=\"Samling\">\n<title>" + encode::html(s.tent_title) + " – " +
           encode::html(c.group) + "</title>\n<style>" + std::string(stylesheet) + "</style>\n</head>\n<body>\n";
    out += "<main class=\"sheet\">\n" + half(c, s, true, svg) + half(c, s, false, svg) + "</main>\n</body>\n</html>\n";
    return out;
}

Result<std::vector<std::filesystem::path>> write_table_cards(const Workshop& state, const TableCardRequest& r) {
    if (!state.room()) return make_error(Errc::invalid_request, "the data folder has no room yet: start Samling once");
    std::error_code ec;
    std::filesystem::create_directories(r.out, ec);
    if (ec) return make_error(Errc::storage_failed, "cannot create " + r.out.string() + ": " + ec.message());
    std::vector<std::pair<Id, std::string>> groups;
    for (const auto& [id, g] : state.groups())
        if (!g.archived) groups.emplace_back(id, g.name);
    if (groups.empty()) return make_error(Errc::invalid_request, "the room has no leader groups to print cards for");
    const std::map<Id, std::string> slugs = unique_slugs(groups, {});
    const ReportStrings& s = report_strings(r.language);
    const std::string code = upper_code(state.room()->code);
    std::vector<std::filesystem::path> written;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& [id, name] = groups[i];
        if (!r.only.empty() && std::find(r.only.begin(), r.only.end(), id) == r.only.end()) continue;
        const std::string origin = "http://" + r.host_port;
        const TableCard card{name,   group_join_link(origin, state.room()->code, id),  r.host_port, code,
                             r.wifi, table_screen_link(origin, state.room()->code, id)};
        char number[24];  // "%02zu-" of any size_t
        std::snprintf(number, sizeof number, "%02zu-", i + 1);
        const std::string file = number + slugs.at(id) + ".html";
        if (auto st = write_file_atomically(r.out, file, table_card_page(card, s)); !st) return st.error();
        written.push_back(r.out / file);
    }
    return written;
}

}  // namespace samling
