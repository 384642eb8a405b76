import FenqiCore
import Foundation

/// A reproducible binary-classification data set with non-linear effects and interactions.
///
/// Thirty numeric features: x0–x14 standard normal, x15–x24 uniform on [0, 1), x25–x29
/// Poisson counts; x8 and x9 are missing for about 2% of rows. The label is Bernoulli with
/// log-odds built from sines, products, absolute values, thresholds and squares of some
/// features, so a linear model cannot find it all. Values are rounded to four decimals so
/// that a CSV holds them exactly.
public enum SyntheticClassification {
  /// The feature names, `x0` … `x29`.
  public static let names = (0..<30).map { "x\($0)" }

  /// The features (row-major, 30 per row) and labels of row `row` for `seed`.
  public static func row(_ row: Int, seed: UInt64, into x: inout [Double])
    -> Double
  {
    var rng = StreamFamily(seed: seed, period: 0, purpose: .modelRowSample)
      .stream(for: UInt64(row))
    for j in 0..<15 { x[j] = rng.normal() }
    for j in 15..<25 { x[j] = rng.uniform() }
    for j in 25..<30 { x[j] = Double(rng.poisson(mean: Double(j - 23))) }
    for j in 0..<30 { x[j] = (x[j] * 10_000).rounded() / 10_000 }
    let m8 = rng.uniform() < 0.02
    let m9 = rng.uniform() < 0.02
    var logit = -1.0
    logit += 1.2 * sin(1.5 * x[0])
    logit += 0.8 * x[1] * x[2]
    logit += 0.6 * abs(x[3]) - 0.5
    logit += (x[4] > 0.5 ? 0.7 : -0.3) * x[5]
    logit += 0.3 * x[6] * x[6] - 0.3
    logit += 0.5 * x[7] - 0.4 * (m8 ? 1 : x[8]) + 0.3 * (m9 ? 0.5 : x[9])
    logit += 1.5 * (x[15] - 0.5) * (x[16] - 0.5) * 4
    logit += x[17] > 0.8 ? 0.8 : 0
    logit += 0.25 * (x[25] - 2) - 0.15 * (x[27] - 4)
    logit += 0.4 * x[10] * (x[18] > 0.5 ? 1 : -1)
    let label: Double = rng.uniform() < Logistic.sigmoid(logit) ? 1 : 0
    if m8 { x[8] = .nan }
    if m9 { x[9] = .nan }
    return label
  }

  /// `rows` rows as a table and labels.
  public static func make(rows: Int, seed: UInt64) -> (
    features: FeatureTable, labels: [Double]
  ) {
    var values = [Double](repeating: 0, count: rows * 30)
    var labels = [Double](repeating: 0, count: rows)
    var x = [Double](repeating: 0, count: 30)
    for r in 0..<rows {
      labels[r] = row(r, seed: seed, into: &x)
      for j in 0..<30 { values[r * 30 + j] = x[j] }
    }
    return (FeatureTable(names: names, rowMajor: values), labels)
  }

  /// Writes `rows` rows as CSV (columns x0…x29 then `y`; missing values blank).
  public static func writeCSV(rows: Int, seed: UInt64, to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw CocoaError(.fileWriteNoPermission)
    }
    defer { try? handle.close() }
    var text = names.joined(separator: ",") + ",y\n"
    var x = [Double](repeating: 0, count: 30)
    for r in 0..<rows {
      let y = row(r, seed: seed, into: &x)
      for j in 0..<30 {
        if !x[j].isNaN { Self.appendFixed4(x[j], to: &text) }
        text += ","
      }
      text += y == 1 ? "1\n" : "0\n"
      if text.utf8.count > 1 << 20 {
        handle.write(Data(text.utf8))
        text = ""
      }
    }
    handle.write(Data(text.utf8))
  }

  /// Appends x (already a multiple of 0.0001) with exactly its four decimals.
  static func appendFixed4(_ x: Double, to text: inout String) {
    let scaled = Int64((abs(x) * 10_000).rounded())
    if x < 0, scaled != 0 { text += "-" }
    text += String(scaled / 10_000)
    let fraction = scaled % 10_000
    if fraction != 0 {
      var digits = String(fraction)
      digits = String(repeating: "0", count: 4 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits
    }
  }
}
