/// Percent-decoding of path segments and query values (RFC 3986 §2.1).
public enum PercentDecoding {
  /// `s` with every `%XX` decoded (and `+` left as is); nil when an escape is malformed or
  /// the bytes are not UTF-8.
  public static func decode(_ s: String) -> String? {
    let bytes = Array(s.utf8)
    guard bytes.contains(UInt8(ascii: "%")) else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "%") {
        guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]),
          let lo = hexValue(bytes[i + 2])
        else { return nil }
        out.append(hi << 4 | lo)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(validating: out, as: UTF8.self)
  }

  static func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
