// Printed table cards ("tents"): one print-ready HTML page per leader group, an A4 sheet folded
// across the middle to stand on the group's table, both halves alike (the upper one upside
// down, to read from the other side): the group's name, a QR code that opens the phone page
// with that group chosen, the address and room code in large type, how to join the Wi-Fi, and
// in small type the address of the group's table screen (a TV types it; phones scan the QR).
// The QR code is inline SVG (libqrcodegencpp); no script, nothing fetched. Standard library
// and qrcodegen only.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/workshop.hpp"
#include "export/report_strings.hpp"

namespace samling {

struct TableCard {
    std::string group;       // the leader group's name, as typed
    std::string link;        // http://HOST:PORT/?room=CODE&group=ID, what the QR code encodes
    std::string host_port;   // "192.168.1.20:8765", printed under the code
    std::string room_code;   // printed in large type
    std::string wifi;        // the network's name; empty: "the same network as the laptop"
    std::string table_link;  // http://HOST:PORT/table?room=CODE&group=ID, the table screen's
};

// The QR code of `text` as an SVG element (one path, a quiet zone of 4 modules), sized by CSS.
// Empty when the text is too long for any QR version.
std::string qr_svg(std::string_view text);

// One whole HTML page for `card`.
std::string table_card_page(const TableCard& card, const ReportStrings& s);

struct TableCardRequest {
    std::filesystem::path out;  // created if missing
    std::string host_port;
    std::string wifi;
    Language language = Language::nb;
    std::vector<Id> only;  // these groups; empty: every group that is not archived
};

// Writes OUT/NN-slug.html for every leader group that is not archived, or those in `only` (NN:
// its number on the projector's strip), each atomically. Returns the files written, in group order.
Result<std::vector<std::filesystem::path>> write_table_cards(const Workshop& state, const TableCardRequest& request);

}  // namespace samling
