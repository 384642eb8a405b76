/// A strict RFC 8259 JSON parser that reports the line and column of the first error.
public struct JSONParser {
  /// Why a text is not JSON.
  public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible
  {
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column of the offending character.
    public var column: Int
    /// What was expected there.
    public var message: String
    /// `line L, column C: message`.
    public var description: String {
      "line \(line), column \(column): \(message)"
    }
    /// Creates a syntax error.
    public init(line: Int, column: Int, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }
  }

  private let bytes: [UInt8]
  private var index = 0

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// Parses a complete JSON text.
  ///
  /// - Throws: ``SyntaxError`` naming where the text stops being JSON.
  public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
    var parser = JSONParser(text)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      throw parser.error("unexpected text after the JSON value")
    }
    return value
  }

  private func error(_ message: String) -> SyntaxError {
    var line = 1
    var column = 1
    for b in bytes[0..<min(index, bytes.count)] {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SyntaxError(line: line, column: column, message: message)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
      index += 1
    }
  }

  private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue
  {
    guard depth < 512 else { throw error("nesting deeper than 512 levels") }
    guard index < bytes.count else {
      throw error("unexpected end of text, expected a value")
    }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default: throw error("expected a value")
    }
  }

  private mutating func expectWord(_ word: String) throws(SyntaxError) {
    let start = index
    for b in word.utf8 {
      guard index < bytes.count, bytes[index] == b else {
        index = start
        throw error("expected '\(word)'")
      }
      index += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue
  {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a quoted field name")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':'")
      }
      index += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of text, expected ',' or '}'")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("expected ',' or '}'")
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue
  {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of text, expected ',' or ']'")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw error("expected ',' or ']'")
    }
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    index += 1
    var scalars: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: scalars, as: UTF8.self)
      }
      if b < 0x20 { throw error("control character in a string") }
      if b == UInt8(ascii: "\\") {
        index += 1
        guard index < bytes.count else { break }
        let e = bytes[index]
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
          scalars.append(e)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800..<0xDC00).contains(code), index + 2 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "\\"),
            bytes[index + 2] == UInt8(ascii: "u")
          {
            index += 2
            let low = try parseHex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
          scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw error("invalid escape in a string")
        }
        index += 1
        continue
      }
      scalars.append(b)
      index += 1
    }
    throw error("unterminated string")
  }

  private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      index += 1
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error("expected four hex digits after \\u")
      }
      code = code << 4 | digit
    }
    return code
  }

  private func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"):
      return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"):
      return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private mutating func parseNumber() throws(SyntaxError) -> Double {
    let start = index
    func digits() -> Int {
      let s = index
      while index < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
      { index += 1 }
      return index - s
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { throw error("expected digits") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw error("expected digits")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      if digits() == 0 { throw error("expected digits after '.'") }
    }
    if index < bytes.count,
      bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
    {
      index += 1
      if index < bytes.count,
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      if digits() == 0 { throw error("expected digits in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw error("number out of range")
    }
    return value
  }
}
