/// Deterministic JSON text.
///
/// Keys sorted, numbers in their shortest round-trip form, two-space indentation. The same value
/// always gives the same bytes.
public enum JSONWriter {
  /// Formats a number: integers without a fraction, other values in Swift's shortest
  /// round-trip form; non-finite values as `null`.
  public static func format(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
      return x == 0 ? "0" : String(Int64(x))
    }
    return "\(x)"
  }

  /// Escapes a string for JSON.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        out +=
          "\\u"
          + String(repeating: "0", count: 4 - String(c.value, radix: 16).count)
          + String(c.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The whole value as pretty, key-sorted JSON text ending in a newline.
  public static func text(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    return out + "\n"
  }

  /// The whole value as key-sorted JSON text on one line, with no spaces and no trailing newline
  /// (HTTP bodies and JSON-lines logs).
  public static func compact(_ value: JSONValue) -> String {
    var out = ""
    writeCompact(value, into: &out)
    return out
  }

  private static func writeCompact(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null, .bool, .number, .string: write(value, indent: 0, into: &out)
    case .array(let elements):
      out += "["
      for (i, e) in elements.enumerated() {
        if i > 0 { out += "," }
        writeCompact(e, into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, m) in members.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { out += "," }
        out += quoted(m.key) + ":"
        writeCompact(m.value, into: &out)
      }
      out += "}"
    }
  }

  private static func write(
    _ value: JSONValue, indent: Int, into out: inout String
  ) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += format(x)
    case .string(let s): out += quoted(s)
    case .array(let elements):
      if elements.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, e) in elements.enumerated() {
        out += pad
        write(e, indent: indent + 1, into: &out)
        out += i + 1 < elements.count ? ",\n" : "\n"
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      let sorted = members.sorted { $0.key < $1.key }
      for (i, m) in sorted.enumerated() {
        out += pad + quoted(m.key) + ": "
        write(m.value, indent: indent + 1, into: &out)
        out += i + 1 < sorted.count ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }
}
