import FenqiCore

/// A ``JSONValue`` carried through `Codable`, so a bundle can sit inside any encoded document.
///
/// Objects decode with their keys sorted (a keyed container has no order); every reader here
/// looks members up by key, so nothing depends on their order.
struct AnyJSON: Codable {
  var value: JSONValue

  init(value: JSONValue) { self.value = value }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: Key.self) {
      var members: [(key: String, value: JSONValue)] = []
      for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
        members.append(
          (key.stringValue, try keyed.decode(AnyJSON.self, forKey: key).value))
      }
      value = .object(members)
    } else if var list = try? decoder.unkeyedContainer() {
      var elements: [JSONValue] = []
      while !list.isAtEnd {
        elements.append(try list.decode(AnyJSON.self).value)
      }
      value = .array(elements)
    } else {
      let single = try decoder.singleValueContainer()
      if single.decodeNil() {
        value = .null
      } else if let b = try? single.decode(Bool.self) {
        value = .bool(b)
      } else if let x = try? single.decode(Double.self) {
        value = .number(x)
      } else {
        value = .string(try single.decode(String.self))
      }
    }
  }

  func encode(to encoder: any Encoder) throws {
    switch value {
    case .null:
      var c = encoder.singleValueContainer()
      try c.encodeNil()
    case .bool(let b):
      var c = encoder.singleValueContainer()
      try c.encode(b)
    case .number(let x):
      var c = encoder.singleValueContainer()
      if x.isFinite { try c.encode(x) } else { try c.encodeNil() }
    case .string(let s):
      var c = encoder.singleValueContainer()
      try c.encode(s)
    case .array(let elements):
      var c = encoder.unkeyedContainer()
      for e in elements { try c.encode(AnyJSON(value: e)) }
    case .object(let members):
      var c = encoder.container(keyedBy: Key.self)
      for m in members {
        try c.encode(AnyJSON(value: m.value), forKey: Key(stringValue: m.key))
      }
    }
  }
}
