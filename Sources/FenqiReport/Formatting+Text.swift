/// Text measurement for charts: East Asian Width, so that Chinese, Japanese and Korean labels take
/// the room they need, and truncation to a width.
extension Formatting {
  /// The displayed width of `s` in ems at the charts' label size.
  ///
  /// Unicode East Asian Width (UAX #11): wide and fullwidth characters (CJK ideographs, kana,
  /// Hangul, fullwidth forms, most emoji) count 1 em; combining marks and zero-width characters 0;
  /// everything else 0.56 em, the average advance of a Latin sans-serif letter or digit.
  public static func displayWidth(_ s: String) -> Double {
    s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  /// The width of one scalar in ems (see ``displayWidth(_:)``).
  static func width(of scalar: Unicode.Scalar) -> Double {
    let v = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark
      || (0x200B...0x200F).contains(v) || v == 0xFEFF
    {
      return 0
    }
    return isWide(v) ? 1 : 0.56
  }

  /// Whether a code point is East Asian Wide or Fullwidth (UAX #11's main W and F ranges).
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
      0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `s` cut to at most `ems` of display width, ending in "…" when cut.
  public static func truncated(_ s: String, toWidth ems: Double) -> String {
    guard displayWidth(s) > ems else { return s }
    var out = ""
    var used = width(of: "…")
    for ch in s {
      let w = displayWidth(String(ch))
      if used + w > ems { break }
      out.append(ch)
      used += w
    }
    return out + "…"
  }

  /// A ratio `numerator ÷ denominator` with `digits` decimals and "×", or "n/m" (not meaningful)
  /// when the denominator is zero or either figure is not finite.
  public static func ratio(
    _ numerator: Double, _ denominator: Double, digits: Int = 2
  ) -> String {
    guard denominator != 0, numerator.isFinite, denominator.isFinite else {
      return "n/m"
    }
    return fixed(numerator / denominator, digits: digits) + "×"
  }

  /// A multiple with "×", or "n/m" when `x` is not finite (a division by zero upstream).
  public static func multiple(_ x: Double, digits: Int = 2) -> String {
    x.isFinite ? fixed(x, digits: digits) + "×" : "n/m"
  }

  /// A scenario field's JSON path in words, for chart and table labels.
  ///
  /// The last name split at its capitals, then where it sits ("arms.gold12.offer.interestFreePeriods" → "interest free
  /// periods (arms gold12 offer)"). Pages keep the path itself in a note or tooltip.
  public static func parameterName(_ path: String) -> String {
    let parts = path.split(separator: ".").map(String.init)
    guard let last = parts.last else { return path }
    var words = ""
    for ch in last {
      if ch.isUppercase, !words.isEmpty { words += " " }
      words += ch.lowercased()
    }
    let context = parts.dropLast().joined(separator: " ")
    return context.isEmpty ? words : "\(words) (\(context))"
  }
}
