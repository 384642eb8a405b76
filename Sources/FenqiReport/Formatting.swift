import Foundation

/// Number and text formatting shared by the Markdown and HTML reports; deterministic (no locale).
public enum Formatting {
  /// Escapes text for HTML and SVG (element content and attribute values).
  public static func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case let c where c.value < 0x20 && c != "\n" && c != "\t": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A fraction as a percentage with `digits` decimals (0.0234 → "2.34%").
  public static func percent(_ x: Double, digits: Int = 2) -> String {
    x.isFinite ? fixed(x * 100, digits: digits) + "%" : "–"
  }

  /// Yuan, rounded, with thousands separators (scientific past 10^18).
  public static func money(_ x: Double) -> String { integer(x) }

  /// A count, rounded, with thousands separators; "–" when not finite, scientific
  /// ("1.23e21") from 10^18 on, where a 64-bit integer runs out.
  public static func integer(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    guard abs(x) < largeMagnitude else { return scientific(x) }
    return grouped(Int64(x.rounded()))
  }

  /// Magnitudes from which numbers are written in scientific form (below 2⁶³ ≈ 9.2·10^18).
  static let largeMagnitude = 1e18

  /// `x` as a mantissa with `digits` decimals and a power of ten: 1.23e21, -4.50e-7.
  public static func scientific(_ x: Double, digits: Int = 2) -> String {
    guard x.isFinite else { return "–" }
    guard x != 0 else { return fixed(0, digits: digits) + "e0" }
    var exponent = Int(log10(abs(x)).rounded(.down))
    var mantissa = x / pow(10, Double(exponent))
    // Rounding the mantissa may carry it to 10.
    if abs((mantissa * pow(10, Double(digits))).rounded()) >= 10
      * pow(10, Double(digits))
    {
      exponent += 1
      mantissa = x / pow(10, Double(exponent))
    }
    return fixed(mantissa, digits: digits) + "e\(exponent)"
  }

  /// A compact axis label: 1.2k, 3.4M, 5.6B, 7.8e21; small values with up to 3 significant
  /// decimals; "–" when not finite.
  public static func compact(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    let a = abs(x)
    if a >= largeMagnitude { return scientific(x, digits: 1) }
    if a >= 1e9 { return trimmed(fixed(x / 1e9, digits: 1)) + "B" }
    if a >= 1e6 { return trimmed(fixed(x / 1e6, digits: 1)) + "M" }
    if a >= 1e4 { return trimmed(fixed(x / 1e3, digits: 1)) + "k" }
    if a >= 100 || a == 0 { return grouped(Int64(x.rounded())) }
    if a >= 1 { return trimmed(fixed(x, digits: 2)) }
    return trimmed(fixed(x, digits: 4))
  }

  /// `x` with exactly `digits` decimals, rounded half away from zero; "–" when not finite and
  /// ``scientific(_:digits:)`` when `x`·10^digits reaches 10^18.
  public static func fixed(_ x: Double, digits: Int) -> String {
    guard x.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    guard abs(x) * scale < largeMagnitude else {
      return scientific(x, digits: Swift.min(digits, 2))
    }
    let scaled = (abs(x) * scale).rounded()
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled - Double(whole) * scale)
    let sign = x < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let f = String(fraction)
    return sign + "\(whole)."
      + String(repeating: "0", count: max(0, digits - f.count)) + f
  }

  /// An integer with comma thousands separators.
  public static func grouped(_ v: Int64) -> String {
    let digits = String(v.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return (v < 0 ? "-" : "") + out
  }

  private static func trimmed(_ s: String) -> String {
    guard s.contains(".") else { return s }
    var t = s
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
  }
}
