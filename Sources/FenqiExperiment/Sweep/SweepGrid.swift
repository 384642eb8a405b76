import FenqiCore

/// A grid over scenario fields: each axis a JSON path and its values; points are the cartesian
/// product, the first axis varying slowest.
public struct SweepGrid: Sendable, Equatable {
  /// One axis.
  public struct Axis: Sendable, Equatable {
    /// The path as written (`arms.treatment.offer.interestFreePeriods`).
    public var path: String
    /// Its values, as JSON.
    public var values: [JSONValue]
  }

  /// The axes, in command-line order.
  public var axes: [Axis]

  /// Creates a grid.
  public init(axes: [Axis]) { self.axes = axes }

  /// Why a grid argument is unusable.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
  }

  /// Parses `PATH=V1,V2,…` (values are JSON numbers, true/false/null, or text).
  public static func axis(_ text: String) throws(Problem) -> Axis {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
      throw Problem(description: "--grid expects PATH=V1,V2,…, found '\(text)'")
    }
    let path = String(text[..<eq])
    let raw = text[text.index(after: eq)...].split(
      separator: ",", omittingEmptySubsequences: false)
    guard !raw.isEmpty, !raw.contains(where: { $0.isEmpty }) else {
      throw Problem(
        description: "--grid \(path) has an empty value in '\(text)'")
    }
    let values = raw.map { v -> JSONValue in
      let s = String(v)
      if let x = Double(s), x.isFinite { return .number(x) }
      switch s {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      default:
        if s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 {
          return .string(String(s.dropFirst().dropLast()))
        }
        return .string(s)
      }
    }
    return Axis(path: path, values: values)
  }

  /// The number of points.
  public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// The value index of every axis at point `p` (first axis slowest).
  public func coordinates(_ p: Int) -> [Int] {
    var rest = p
    var out = [Int](repeating: 0, count: axes.count)
    for k in axes.indices.reversed() {
      out[k] = rest % axes[k].values.count
      rest /= axes[k].values.count
    }
    return out
  }

  /// The scenario document with point `p`'s values set.
  public func apply(point p: Int, to document: JSONValue) throws(Problem)
    -> JSONValue
  {
    var doc = document
    for (k, i) in coordinates(p).enumerated() {
      doc = try Self.set(axes[k].values[i], at: axes[k].path, in: doc)
    }
    return doc
  }

  /// Sets the field at a dotted path.
  ///
  /// Steps are object keys, or array elements by index or, for arrays of named objects, by
  /// their `name`. The last key may be new; every other step must exist.
  public static func set(
    _ value: JSONValue, at path: String, in root: JSONValue
  )
    throws(Problem) -> JSONValue
  {
    let keys = path.split(separator: ".").map(String.init)
    guard !keys.isEmpty else {
      throw Problem(description: "--grid: an empty path")
    }
    return try set(value, keys: keys[...], in: root, walked: "$")
  }

  private static func set(
    _ value: JSONValue, keys: ArraySlice<String>, in node: JSONValue,
    walked: String
  ) throws(Problem) -> JSONValue {
    guard let key = keys.first else { return value }
    let rest = keys.dropFirst()
    switch node {
    case .object(var members):
      if let i = members.firstIndex(where: { $0.key == key }) {
        members[i].value = try set(
          value, keys: rest, in: members[i].value, walked: walked + "." + key)
        return .object(members)
      }
      guard rest.isEmpty else {
        var message = "--grid: \(walked) has no field '\(key)'"
        if let hint = Suggestion.nearest(to: key, among: members.map(\.key)) {
          message += "; did you mean '\(hint)'?"
        }
        throw Problem(description: message)
      }
      members.append((key, value))
      return .object(members)
    case .array(var elements):
      let index =
        Int(key).flatMap { $0 >= 0 && $0 < elements.count ? $0 : nil }
        ?? elements.firstIndex { $0["name"] == .string(key) }
      guard let index else {
        let names = elements.compactMap { e -> String? in
          if case .string(let s) = e["name"] ?? .null { return s }
          return nil
        }
        var message = "--grid: \(walked) has no element '\(key)'"
        if let hint = Suggestion.nearest(to: key, among: names) {
          message += "; did you mean '\(hint)'?"
        }
        throw Problem(description: message)
      }
      elements[index] = try set(
        value, keys: rest, in: elements[index], walked: "\(walked)[\(index)]")
      return .array(elements)
    default:
      throw Problem(
        description:
          "--grid: \(walked) is \(node.shortDescription), not an object or array"
      )
    }
  }
}

extension SweepGrid {
  /// The value at a dotted path, read as ``set(_:at:in:)`` writes it: object members by key,
  /// array elements by index or by their `name`; nil when the path leads nowhere.
  public static func value(at path: String, in root: JSONValue) -> JSONValue? {
    var node = root
    for key in path.split(separator: ".").map(String.init) {
      switch node {
      case .object(let members):
        guard let v = members.last(where: { $0.key == key })?.value else {
          return nil
        }
        node = v
      case .array(let elements):
        guard
          let e = Int(key).flatMap({
            $0 >= 0 && $0 < elements.count ? elements[$0] : nil
          })
            ?? elements.first(where: { $0["name"] == .string(key) })
        else { return nil }
        node = e
      default: return nil
      }
    }
    return node
  }
}
