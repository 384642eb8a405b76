import FenqiCore

/// Typed reads from a parsed model file, failing with the JSON path of the problem.
struct JSONReading {
  /// Why a model file cannot be read.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let value: JSONValue
  let path: String

  init(_ value: JSONValue, path: String = "$") {
    self.value = value
    self.path = path
  }

  func fail(_ expected: String) -> Failure {
    Failure(
      description:
        "\(path): expected \(expected), found \(value.shortDescription)")
  }

  subscript(key: String) -> JSONReading {
    get throws(Failure) {
      guard case .object = value else { throw fail("an object") }
      guard let member = value[key] else {
        throw Failure(description: "\(path): missing field '\(key)'")
      }
      return JSONReading(member, path: path + "." + key)
    }
  }

  func has(_ key: String) -> Bool { value[key] != nil }

  var array: [JSONReading] {
    get throws(Failure) {
      guard case .array(let elements) = value else { throw fail("an array") }
      return elements.enumerated().map {
        JSONReading($1, path: "\(path)[\($0)]")
      }
    }
  }

  /// A number; null reads as NaN (how non-finite values are written).
  var double: Double {
    get throws(Failure) {
      switch value {
      case .number(let x): return x
      case .null: return .nan
      default: throw fail("a number")
      }
    }
  }

  var int: Int {
    get throws(Failure) {
      let x = try double
      guard x == x.rounded(), abs(x) < 1e15 else { throw fail("an integer") }
      return Int(x)
    }
  }

  var string: String {
    get throws(Failure) {
      guard case .string(let s) = value else { throw fail("a string") }
      return s
    }
  }

  var bool: Bool {
    get throws(Failure) {
      guard case .bool(let b) = value else { throw fail("true or false") }
      return b
    }
  }

  var doubles: [Double] {
    get throws(Failure) {
      var out: [Double] = []
      for e in try array { out.append(try e.double) }
      return out
    }
  }

  var ints: [Int] {
    get throws(Failure) {
      var out: [Int] = []
      for e in try array { out.append(try e.int) }
      return out
    }
  }

  /// Integers that fit in 32 bits (node indices, codes), failing with the element's path.
  var int32s: [Int32] {
    get throws(Failure) {
      var out: [Int32] = []
      for e in try array {
        guard let v = Int32(exactly: try e.int) else {
          throw e.fail("an integer in −2147483648…2147483647")
        }
        out.append(v)
      }
      return out
    }
  }

  var strings: [String] {
    get throws(Failure) {
      var out: [String] = []
      for e in try array { out.append(try e.string) }
      return out
    }
  }
}

extension JSONValue {
  /// Numbers as JSON (non-finite as null).
  static func numbers(_ xs: [Double]) -> JSONValue {
    .array(xs.map { .number($0) })
  }
  /// Integers as JSON.
  static func integers<T: BinaryInteger>(_ xs: [T]) -> JSONValue {
    .array(xs.map { .number(Double($0)) })
  }
}
