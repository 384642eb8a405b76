/// The layout every Fenqi page shares (run, comparison, sweep, optimisation; a stress page may use
/// it too): a wide screen layout, a table of contents, tables that scroll sideways on screen and
/// wrap to the page when printed on A4, and a grid for small multiples.
public enum PageLayout {
  /// An element id for a section title: lower-case letters and digits joined by "-".
  public static func anchor(_ title: String) -> String {
    var out = ""
    for ch in title.lowercased() {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        out.append(ch)
      } else if !out.isEmpty && out.last != "-" {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return "s-" + (out.isEmpty ? "section" : out)
  }

  /// Every `<table>` of `html` inside a `<div class="scroll">`, so a wide table scrolls on its own
  /// on screen instead of widening the page.
  public static func scrollingTables(_ html: String) -> String {
    html.replacingOccurrences(
      of: "<table", with: "<div class=\"scroll\"><table"
    )
    .replacingOccurrences(of: "</table>", with: "</table></div>")
  }

  /// `html` with a table of contents of its section headings (`<h2 id=…>`) after its header;
  /// unchanged when it has fewer than three sections.
  public static func withContents(_ html: String) -> String {
    var entries: [(id: String, title: String)] = []
    var rest = html[...]
    while let open = rest.range(of: "<h2 id=\"") {
      let afterOpen = rest[open.upperBound...]
      guard let quote = afterOpen.firstIndex(of: "\""),
        let close = afterOpen.range(of: "</h2>"),
        let gt = afterOpen[quote...].firstIndex(of: ">")
      else { break }
      entries.append(
        (
          String(afterOpen[..<quote]),
          String(afterOpen[afterOpen.index(after: gt)..<close.lowerBound])
        ))
      rest = afterOpen[close.upperBound...]
    }
    guard entries.count >= 3, let header = html.range(of: "</header>") else {
      return html
    }
    var nav = "<nav class=\"toc\"><h2 class=\"toc-title\">Contents</h2><ol>"
    for e in entries {
      nav += "<li><a href=\"#\(e.id)\">\(e.title)</a></li>"
    }
    nav += "</ol></nav>"
    return String(html[..<header.upperBound]) + nav
      + String(html[header.upperBound...])
  }

  /// Charts side by side, as many per row as fit (two per row on A4): small multiples.
  public static func multiples(_ figures: [String]) -> String {
    "<div class=\"multiples\">" + figures.joined() + "</div>"
  }

  /// The pages' style sheet (no web fonts; CJK fonts named for Chinese arm names).
  public static let style = """
    @page { size: A4; margin: 12mm 10mm; }
    body { font-family: "Helvetica Neue", Helvetica, Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a;
      max-width: 1320px; margin: 0 auto; padding: 16px 28px; font-size: 10.5pt; line-height: 1.4; }
    h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 13.5pt; border-bottom: 1px solid #bbb; margin: 20pt 0 6pt; padding-bottom: 2pt; break-after: avoid; }
    h3 { font-size: 11pt; margin: 10pt 0 4pt; }
    .description { margin: 2pt 0; max-width: 60em; } .meta { color: #555; font-size: 9pt; } .note { color: #555; font-size: 9pt; margin: 2pt 0 6pt; max-width: 75em; }
    nav.toc { border: 1px solid #ddd; background: #fafafa; padding: 4pt 12pt; margin: 10pt 0; font-size: 9.5pt; }
    nav.toc .toc-title { font-size: 10pt; border: 0; margin: 4pt 0; }
    nav.toc ol { columns: 3 16em; margin: 0 0 4pt; padding-left: 18pt; } nav.toc a { color: #1a4f8b; text-decoration: none; }
    .headline-block { border: 2px solid #333; padding: 6pt 12pt 10pt; margin: 12pt 0; break-inside: avoid; }
    .headline-block h2 { margin-top: 4pt; } .compared { font-size: 11pt; margin: 2pt 0 8pt; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 8pt; }
    .card { border: 1px solid #bbb; border-left: 6px solid #999; padding: 4pt 8pt; break-inside: avoid; }
    .card.good { border-left-color: #009E73; } .card.bad { border-left-color: #D55E00; border-left-style: double; }
    .card-label { font-size: 8.5pt; color: #444; } .card-value { font-size: 15pt; font-weight: 700; }
    .card-detail { font-size: 8.5pt; color: #333; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-size: 9pt; margin: 4pt 0; min-width: 50%; }
    th, td { border-bottom: 1px solid #e2e2e2; padding: 2.5pt 6pt; text-align: right; font-variant-numeric: tabular-nums; }
    th { border-bottom: 1.5px solid #777; vertical-align: bottom; } th:first-child, td:first-child, th.text, td.text { text-align: left; }
    tbody tr:nth-child(even) { background: #f7f7f7; }
    table.triangle { font-size: 8pt; margin: 4pt 0 10pt; } table.triangle td { padding: 2pt 4pt; min-width: 3.2em; } table.triangle td.zero { color: #999; background: #fff; }
    table caption { caption-side: top; text-align: left; font-size: 9pt; font-weight: 600; padding: 2pt 0; }
    figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; max-width: 980px; }
    .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(600px, 1fr)); gap: 4pt 18pt; }
    .multiples figure { max-width: none; }
    figcaption { font-size: 8.5pt; color: #555; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg text { font-size: 11px; fill: #222; } svg .chart-title { font-weight: 600; font-size: 13px; }
    svg .grid { stroke: #e6e6e6; stroke-width: 1; } svg .axis { stroke: #555; stroke-width: 1; }
    svg .tick { fill: #444; font-size: 10px; } svg .axis-title { fill: #333; font-size: 10.5px; } svg .value { font-size: 9px; fill: #333; }
    svg .marker-line { stroke: #333; stroke-width: 1.2; stroke-dasharray: 4 3; }
    .hidden-segment { font-style: italic; }
    footer { margin-top: 16pt; font-size: 8.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 4pt; }
    .keep { break-inside: avoid; page-break-inside: avoid; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9pt; }
      nav.toc a { color: #1a1a1a; }
      .scroll { overflow: visible; }
      table { font-size: 7pt; width: 100%; min-width: 0; table-layout: auto; }
      th, td { padding: 1.5pt 2.5pt; }
      td { white-space: nowrap; } td:first-child, td.text { white-space: normal; overflow-wrap: break-word; }
      th { font-weight: 600; overflow-wrap: anywhere; }
      figure { max-width: 100%; }
      .multiples { grid-template-columns: 1fr 1fr; gap: 2pt 8pt; }
      .cards { grid-template-columns: 1fr 1fr 1fr; }
    }
    """
}
