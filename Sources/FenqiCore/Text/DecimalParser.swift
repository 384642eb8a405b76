/// Parses decimal numbers from UTF-8 bytes, exactly rounded.
///
/// Plain decimals with at most 15 significant digits and a small exponent take Clinger's fast
/// path (both operands exact, one correctly rounded operation); anything else falls back to the
/// standard library's correctly rounded parser.
public enum DecimalParser {
  private static let powers: [Double] = (0...22).map { k in
    var x = 1.0
    for _ in 0..<k { x *= 10 }
    return x
  }

  /// The number written in `bytes[start..<end]`, or nil if it is not a finite decimal number.
  public static func parse(_ bytes: [UInt8], _ start: Int, _ end: Int)
    -> Double?
  {
    guard start < end else { return nil }
    var p = start
    var negative = false
    if bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+") {
      negative = bytes[p] == UInt8(ascii: "-")
      p += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var scale = 0
    var sawPoint = false
    var simple = true
    while p < end {
      let b = bytes[p]
      if b >= 48 && b <= 57 {
        digits += 1
        if mantissa == 0 && b == 48 {
          if sawPoint { scale -= 1 }
        } else {
          significant += 1
          if significant <= 18 {
            mantissa = mantissa * 10 + UInt64(b - 48)
            if sawPoint { scale -= 1 }
          } else {
            simple = false
            if !sawPoint { scale += 1 }
          }
        }
      } else if b == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
      } else {
        break
      }
      p += 1
    }
    guard digits > 0 else { return nil }
    if p < end {
      guard bytes[p] == UInt8(ascii: "e") || bytes[p] == UInt8(ascii: "E")
      else { return nil }
      p += 1
      var expNegative = false
      if p < end, bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+")
      {
        expNegative = bytes[p] == UInt8(ascii: "-")
        p += 1
      }
      var exponent = 0
      var expDigits = 0
      while p < end, bytes[p] >= 48, bytes[p] <= 57 {
        if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[p] - 48) }
        expDigits += 1
        p += 1
      }
      guard expDigits > 0, p == end else { return nil }
      scale += expNegative ? -exponent : exponent
    }
    if simple, significant <= 15, scale >= -22, scale <= 22 {
      // Clinger's fast path: mantissa < 2^53 and 10^|scale| are exact doubles.
      var x = Double(mantissa)
      x = scale < 0 ? x / powers[-scale] : x * powers[scale]
      return negative ? -x : x
    }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    guard let x = Double(text), x.isFinite else { return nil }
    return x
  }
}
