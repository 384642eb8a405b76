import FenqiCore
import Foundation

extension FeatureTable {
  /// The table as CSV text (RFC 4180, LF line ends): a header of the names, then one line per row;
  /// numbers in shortest round-trip form (integers without a fraction), categories as their level
  /// text, missing values as empty cells.
  ///
  /// A cell is quoted when it holds a comma, a quote or a line break.
  ///
  /// ``CSVTableLoader/parse(bytes:)`` reads the text back into the same values. Level texts are
  /// written as they are (not neutralised against spreadsheet formulas), so that a category
  /// comes back exactly as the sample spelled it.
  ///
  /// - Complexity: O(rows × columns); the same table always gives the same bytes.
  public var csvText: String {
    var out = names.map(Self.csvCell).joined(separator: ",") + "\n"
    for r in 0..<rowCount {
      for (j, column) in columns.enumerated() {
        if j > 0 { out += "," }
        switch column {
        case .numeric(let values):
          if !values[r].isNaN { out += JSONWriter.format(values[r]) }
        case .categorical(let codes, let levels):
          if codes[r] >= 0 { out += Self.csvCell(levels[Int(codes[r])]) }
        }
      }
      out += "\n"
    }
    return out
  }

  /// A text cell, quoted (quotes doubled) when it holds a comma, a quote or a line break.
  static func csvCell(_ s: String) -> String {
    guard
      s.unicodeScalars.contains(where: {
        $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
      })
    else {
      return s
    }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
