/// Writes numbers as ASCII with a fixed number of decimals, without Foundation or locale, so
/// that the same value always gives the same bytes.
enum FixedDecimalText {
  /// Powers of ten up to 10^9.
  private static let scales: [Double] = (0...9).map { k in
    var x = 1.0
    for _ in 0..<k { x *= 10 }
    return x
  }

  /// Appends `x` with exactly `digits` decimals (0…9), rounded half away from zero; no sign on a
  /// value that rounds to zero.
  ///
  /// Values too large for 2^53 units of the last decimal, and non-finite values, are written in
  /// Swift's shortest round-trip form instead.
  static func append(_ x: Double, digits: Int, to out: inout [UInt8]) {
    let scale = scales[digits]
    let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    guard x.isFinite, scaled < 9_007_199_254_740_992 else {
      out.append(contentsOf: "\(x)".utf8)
      return
    }
    var units = UInt64(scaled)
    if x < 0 && units != 0 { out.append(UInt8(ascii: "-")) }
    // The digits, least significant first, into a small stack buffer.
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &buffer) { digitsOut in
      repeat {
        digitsOut[n] = UInt8(ascii: "0") + UInt8(units % 10)
        units /= 10
        n += 1
      } while units > 0 || n <= digits
      var i = n - 1
      while i >= 0 {
        out.append(digitsOut[i])
        if i == digits && digits > 0 { out.append(UInt8(ascii: ".")) }
        i -= 1
      }
    }
  }

  /// Appends a decimal integer.
  static func append(_ v: Int, to out: inout [UInt8]) {
    out.append(contentsOf: String(v).utf8)
  }
}
