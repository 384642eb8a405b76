import Foundation

/// Writes a ``LoanTape`` as CSV text that ``LoanTapeReader`` reads back.
///
/// The header is the required columns in ``LoanTapeColumn`` order, then the extra columns in
/// ``LoanTape/extraColumns`` order. Rows are written loan by loan, loans in the order each first
/// appears and each loan's rows in append order (``LoanTape/rowsByLoan()``), so a tape appended
/// month by month, as a simulation produces it, reads back. Numbers have fixed decimals: money
/// 2 (yuan and fen), `apr` 6, periods and months as integers; a value that rounds to zero has no
/// sign. Names holding a comma, a quote or a line break are quoted (RFC 4180). Lines end in LF.
/// The same tape always gives the same bytes.
///
/// Reading the text back gives the tape with its money rounded to fen and its `apr` to 6
/// decimals (and its rows grouped by loan).
public enum LoanTapeWriter {
  /// Decimals written for money columns (yuan).
  public static let moneyDecimals = 2
  /// Decimals written for `apr` (a fraction).
  public static let aprDecimals = 6

  /// The tape as CSV text.
  ///
  /// - Complexity: O(rows × columns).
  public static func csv(_ tape: LoanTape) -> String {
    String(decoding: bytes(tape), as: UTF8.self)
  }

  /// The tape as UTF-8 CSV bytes (the bytes of ``csv(_:)``).
  public static func bytes(_ tape: LoanTape) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(tape.count * 110 + 256)
    let header =
      LoanTapeColumn.allCases.map(\.name) + tape.extraColumns.map(\.name)
    for (i, name) in header.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendCell(name, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
    // Names are quoted once, not once per row.
    let loans = tape.loanIDs.map(cellBytes)
    let customers = tape.customerIDs.map(cellBytes)
    let segments = tape.segmentNames.map(cellBytes)
    let products = tape.productNames.map(cellBytes)
    let buckets = DelinquencyBucket.allCases.map { Array($0.name.utf8) }
    let statuses = LoanStatus.allCases.map { Array($0.name.utf8) }
    let comma = UInt8(ascii: ",")
    let (rows, _) = tape.rowsByLoan()
    for r in rows {
      out.append(contentsOf: loans[Int(tape.loan[r])])
      out.append(comma)
      out.append(contentsOf: customers[Int(tape.customer[r])])
      out.append(comma)
      out.append(contentsOf: segments[Int(tape.segment[r])])
      out.append(comma)
      FixedDecimalText.append(Int(tape.originationPeriod[r]), to: &out)
      out.append(comma)
      FixedDecimalText.append(Int(tape.monthOnBook[r]), to: &out)
      out.append(comma)
      out.append(contentsOf: products[Int(tape.product[r])])
      out.append(comma)
      FixedDecimalText.append(Int(tape.termMonths[r]), to: &out)
      out.append(comma)
      money(tape.principal[r], &out)
      out.append(comma)
      FixedDecimalText.append(tape.apr[r], digits: aprDecimals, to: &out)
      out.append(comma)
      money(tape.balance[r], &out)
      out.append(comma)
      out.append(contentsOf: buckets[Int(tape.bucket[r].rawValue)])
      out.append(comma)
      out.append(contentsOf: statuses[Int(tape.status[r].rawValue)])
      out.append(comma)
      money(tape.paid[r], &out)
      out.append(comma)
      money(tape.chargeOff[r], &out)
      out.append(comma)
      money(tape.recovery[r], &out)
      for column in tape.extraColumns {
        out.append(comma)
        if let v = column.values[r] { appendCell(v, to: &out) }
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// Writes the tape's CSV to `path` atomically (a temporary file beside it, then a rename), so
  /// a failed write leaves nothing behind and never half a file.
  ///
  /// - Throws: ``LoanTapeError/unwritable(file:reason:)``.
  public static func write(_ tape: LoanTape, to path: String)
    throws(LoanTapeError)
  {
    do {
      try Data(bytes(tape)).write(
        to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .unwritable(file: path, reason: error.localizedDescription)
    }
  }

  @inline(__always)
  private static func money(_ x: Double, _ out: inout [UInt8]) {
    FixedDecimalText.append(x, digits: moneyDecimals, to: &out)
  }

  private static func cellBytes(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    appendCell(text, to: &out)
    return out
  }

  /// Appends a text cell, quoted when it holds a comma, a quote or a line break.
  static func appendCell(_ text: String, to out: inout [UInt8]) {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
        || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
    }
    guard needsQuotes else {
      out.append(contentsOf: text.utf8)
      return
    }
    out.append(UInt8(ascii: "\""))
    for b in text.utf8 {
      if b == UInt8(ascii: "\"") { out.append(b) }
      out.append(b)
    }
    out.append(UInt8(ascii: "\""))
  }
}
