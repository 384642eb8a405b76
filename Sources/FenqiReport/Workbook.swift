/// An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) of CSV tables, one sheet per table,
/// written by Fenqi itself: a ZIP of XML parts.
///
/// Cells that read as numbers are written as numbers; empty cells stay empty (not meaningful);
/// everything else is an inline string. The first row of every sheet is the table's header.
public enum Workbook {
  /// The `.xlsx` bytes of `tables`, in order.
  ///
  /// - Parameter tables: sheet names (cut to Excel's 31 characters, without `[]:*?/\`) and CSV
  ///   texts as Fenqi writes them (a header line, then rows).
  /// - Returns: the workbook; the same tables give the same bytes.
  public static func xlsx(_ tables: [(name: String, csv: String)]) -> [UInt8] {
    var zip = ZipArchive()
    let names = tables.map { sheetName($0.name) }
    zip.add("[Content_Types].xml", Array(contentTypes(count: names.count).utf8))
    zip.add("_rels/.rels", Array(rootRelationships.utf8))
    zip.add("xl/workbook.xml", Array(workbook(names).utf8))
    zip.add(
      "xl/_rels/workbook.xml.rels",
      Array(workbookRelationships(count: names.count).utf8))
    zip.add("xl/styles.xml", Array(styles.utf8))
    for (i, table) in tables.enumerated() {
      zip.add(
        "xl/worksheets/sheet\(i + 1).xml", Array(sheet(table.csv).utf8))
    }
    return zip.finished()
  }

  /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
  static func sheetName(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    let cleaned = String(name.map { forbidden.contains($0) ? "_" : $0 })
    return String(cleaned.prefix(31))
  }

  /// The column letters of a 0-based column index: A…Z, AA….
  static func column(_ index: Int) -> String {
    var n = index + 1
    var out = ""
    while n > 0 {
      let r = (n - 1) % 26
      out = String(UnicodeScalar(UInt8(65 + r))) + out
      n = (n - 1) / 26
    }
    return out
  }

  /// One worksheet's XML from a CSV text.
  static func sheet(_ csv: String) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    let rows = (try? Table(csv: csv)).map { [$0.header] + $0.rows } ?? []
    for (r, cells) in rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in cells.enumerated() where !cell.isEmpty {
        let ref = column(c) + String(r + 1)
        if r > 0, isNumber(cell) {
          xml += "<c r=\"\(ref)\"><v>\(cell)</v></c>"
        } else {
          xml +=
            "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Formatting.xml(cell))</t></is></c>"
        }
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  /// Whether a CSV cell is a finite number as Fenqi writes them (digits, sign, point, exponent).
  static func isNumber(_ cell: String) -> Bool {
    guard let v = Double(cell), v.isFinite else { return false }
    return cell.allSatisfy { "0123456789+-.eE".contains($0) }
  }

  static func contentTypes(count: Int) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for i in 1...max(count, 1) where i <= count {
      xml +=
        "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return xml + "</Types>"
  }

  static let rootRelationships =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

  static func workbook(_ names: [String]) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    for (i, name) in names.enumerated() {
      xml +=
        "<sheet name=\"\(Formatting.xml(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return xml + "</sheets></workbook>"
  }

  static func workbookRelationships(count: Int) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in 0..<count {
      xml +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    return xml
      + "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
  }

  static let styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
