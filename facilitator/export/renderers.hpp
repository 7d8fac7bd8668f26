// The export formats, each a pure function from the project log (or the note rows) to a
// file's contents. Nothing here touches the file system: the writer reads snapshots and
// writes files. Depends on the export model only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "export/project_log.hpp"

namespace samling {

// Markdown; a snapshot is linked as `<images_dir>/run-<id>.png`, relative to the file.
std::string render_markdown(const ProjectLog& log, Timestamp now, std::string_view images_dir);
std::string snapshot_name(Id run);  // "run-<id>.png"

// One self-contained HTML page; `pngs` holds each entry's snapshot bytes by run (missing:
// no picture), embedded as data: URLs.
std::string render_html(const ProjectLog& log, Timestamp now, const std::map<Id, std::string>& pngs);

// RFC 4180, CRLF line ends, UTF-8 with a byte-order mark.
std::string render_csv(const std::vector<NoteRow>& rows);

// The log's entries and the note rows as one JSON object.
std::string render_json(const ProjectLog& log, const std::vector<NoteRow>& rows, Timestamp now);

// index.html: the programme, its gatherings and a link to every exported group's log.
struct IndexLink {
    std::string name, services, project, file;  // file: relative, e.g. "oppvekst-nord.html"
    std::size_t entries = 0;
};
std::string render_index(const std::string& programme, const std::vector<GatheringInfo>& gatherings,
                         const std::vector<IndexLink>& groups, Language lang, Timestamp now);
std::string gathering_file_name(int number);  // "gathering-<N>.html"

}  // namespace samling
