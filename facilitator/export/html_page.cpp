// The shared page frame and stylesheet of the HTML exports. The print rules matter most: a
// leader group prints the log to PDF and files it, so pages are A4, nothing relies on a
// background colour (browsers drop them when printing), and an entry's head is never left
// alone at the foot of a page.
#include "export/html_page.hpp"

#include "export/encoding.hpp"

namespace samling {
namespace {

constexpr std::string_view stylesheet = R"css(
:root { --ink: #1d1d1b; --muted: #5b6670; --rule: #c9d1d8; --accent: #1f4e79; --soft: #f3f6f9; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1.25rem; color: var(--ink); background: #fff;
  font: 11pt/1.45 "DejaVu Sans", "Inter", "Segoe UI", Arial, sans-serif; }
h1, h2, h3, h4, h5 { line-height: 1.2; margin: 0; }
p { margin: 0.35em 0; }
a { color: var(--accent); }
.title { border-top: 6px solid var(--accent); padding-top: 0.9rem; margin-bottom: 1.6rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8.5pt; color: var(--muted); margin: 0 0 0.3rem; }
.title h1 { font-size: 24pt; margin-bottom: 0.7rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.timeline { margin-bottom: 1.6rem; }
.timeline h2, .section-title { font-size: 13pt; margin-bottom: 0.5rem; }
.timeline ol { list-style: none; margin: 0 0 0 7px; padding: 0; border-left: 2px solid var(--rule); }
.timeline li { position: relative; padding: 0.15rem 0 0.35rem 1.4rem; }
.timeline li::before { content: ""; position: absolute; left: -7px; top: 0.3em; width: 12px; height: 12px;
  border: 2px solid var(--accent); border-radius: 50%; background: #fff; }
.timeline li.has-entries::before { border-width: 6px; }  /* filled without a background: print drops those */
.timeline .when, .count { color: var(--muted); }
.gathering { margin-top: 2rem; }
.gathering > h2 { font-size: 15pt; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); margin-bottom: 1rem; }
.gathering > h2 .when { font-weight: normal; color: var(--muted); font-size: 11pt; }
.entry { border-left: 3px solid var(--rule); padding: 0 0 0 1rem; margin: 0 0 1.8rem; }
.entry h3 { font-size: 14pt; }
.entry .purpose { color: var(--muted); font-style: italic; }
.entry h4 { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1rem 0 0.35rem; }
.conclusion { border: 1px solid var(--rule); border-left: 4px solid var(--accent); background: var(--soft);
  padding: 0.6rem 0.9rem; margin: 0.7rem 0 0; }
.conclusion .label { font-size: 9pt; color: var(--muted); margin: 0.5rem 0 0.1rem; }
.conclusion .label:first-child { margin-top: 0; }
.conclusion .text { font-size: 14pt; line-height: 1.35; font-weight: 600; margin: 0; white-space: pre-line; }
.conclusion .empty { color: var(--muted); }
ol.top { margin: 0; padding-left: 1.4rem; }
ol.top li { margin: 0.15rem 0; }
.dots { font-weight: 600; white-space: nowrap; }
.zone-label, .note-meta { color: var(--muted); font-size: 9.5pt; }
.user { white-space: pre-line; }
.board { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4rem 1.4rem; }
.zone.wide { grid-column: 1 / -1; }
.zone h5 { font-size: 10.5pt; border-bottom: 1px solid var(--rule); padding-bottom: 0.15rem; margin: 0.2rem 0 0.3rem; }
.zone ul { margin: 0 0 0.4rem; padding-left: 1.1rem; }
.zone li { margin: 0.1rem 0; }
.cluster-name { font-weight: 600; margin: 0.3rem 0 0.1rem; }
ol.chains { margin: 0; padding-left: 1.4rem; }
.chain { margin-bottom: 0.3rem; }
.why { color: var(--ink); }
figure { margin: 1rem 0 0; }
figure img { display: block; max-width: 100%; max-height: 85mm; border: 1px solid var(--rule); }
figcaption { font-size: 9pt; color: var(--muted); margin-top: 0.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; font-size: 10pt; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); padding: 0.3rem 0.5rem 0.3rem 0; }
td:first-child { width: 40%; }
th { font-size: 9pt; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--rule); }
.group-report { margin-top: 1.8rem; }
.group-report > h2 { font-size: 16pt; border-bottom: 2px solid var(--accent); padding-bottom: 0.3rem; }
.group-report .group-meta { color: var(--muted); margin: 0.3rem 0 0.6rem; }
.run { margin: 0.9rem 0 0; }
.run h3 { font-size: 12pt; }
.builds-on { margin: 0.4rem 0 0; padding: 0.2rem 0 0.2rem 0.9rem; border-left: 4px solid var(--rule); }
.builds-on .kicker { margin-bottom: 0.1rem; }
.builds-on .label { font-weight: 600; }
.empty-log { border: 1px dashed var(--rule); padding: 1rem; color: var(--muted); }
.links li { margin: 0.25rem 0; }
.change { margin: 1.6rem 0 2rem; }
.change > h2 { font-size: 15pt; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); margin-bottom: 0.4rem; }
.change .purpose { color: var(--muted); }
.change-row { margin: 1rem 0 0; }
.change-row h3 { font-size: 13pt; margin-bottom: 0.3rem; }
.pulse-key { margin: 0.2rem 0 0.4rem; }
ol.pulse-statements { list-style: decimal; margin: 0; padding-left: 1.4rem; }
.pulse-statement { margin: 0 0 0.6rem; }
.pulse-text { font-weight: 600; margin: 0 0 0.15rem; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
.source { font-size: 9pt; color: var(--muted); margin-top: 0.4rem; }
table.measures td:first-child { width: auto; }
table.measures td:nth-child(3) { white-space: nowrap; }
table.measures tbody th { font-size: 10pt; color: var(--ink); border-bottom-width: 1px; width: 30%; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 0.4rem; font-size: 8.5pt; color: var(--muted); }
@page { size: A4; margin: 18mm; }
@media print {
  html, body { background: #fff !important; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .conclusion { background: none; }
  .gathering { margin-top: 0; }
  .gathering + .gathering, .group-report + .group-report { break-before: page; }
  h2, h3, h4, h5, .cluster-name { break-after: avoid; break-inside: avoid; }
  /* A zone may run over a page (its heading stays with its first notes): keeping a long zone
     whole pushed the whole exercise to the next page and left most of a page blank. */
  .entry-head, .conclusion, .builds-on, figure, li, tr, .timeline, .title, .pulse-key { break-inside: avoid; }
  .entry-head { break-after: avoid; }
  thead { display: table-header-group; }
  p, li { orphans: 3; widows: 3; }
  footer { break-before: avoid; }
}
)css";

}  // namespace

std::string html_document(const ReportStrings& s, std::string_view title, std::string_view body) {
    std::string out;
    out.reserve(body.size() + stylesheet.size() + 512);
    out += "<!doctype html>\n<html lang=\"";
    out += s.lang_tag;
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // Nothing may be fetched: no scripts, and images only as data: URLs.
    out +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"generator\" content=\"Samling\">\n<title>";
    out += encode::html(title);
    out += "</title>\n<style>";
    out += stylesheet;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

std::string html_title_block(std::string_view kicker, std::string_view heading, const std::vector<MetaLine>& meta) {
    std::string out = "<header class=\"title\">\n<p class=\"kicker\">" + encode::html(kicker) + "</p>\n<h1>" +
                      encode::html(heading) + "</h1>\n";
    if (!meta.empty()) {
        out += "<dl class=\"meta\">\n";
        for (const MetaLine& m : meta)
            out += "<dt>" + encode::html(m.label) + "</dt><dd>" + encode::html(m.value) + "</dd>\n";
        out += "</dl>\n";
    }
    out += "</header>\n";
    return out;
}

}  // namespace samling
