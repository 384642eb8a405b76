import FenqiCore
import Foundation

/// Reads and writes `moments.json`: a flat list of named moments with standard errors, written
/// by `fenqi moments` from a loan tape or by hand from a lender's aggregate tables.
///
/// ```json
/// {
///   "bootstrap": 200,
///   "loans": 48210,
///   "moments": [
///     {"count": 48210, "name": "ever30.mob03", "standardError": 0.0006, "value": 0.0211},
///     {"count": 51877, "name": "roll.1-30.31-60", "standardError": 0.004, "value": 0.318}
///   ],
///   "seed": 1,
///   "version": 1
/// }
/// ```
/// - `version`: 1, required.
/// - `loans`: loans on the tape, an integer ≥ 1, required.
/// - `bootstrap`: replicates behind the standard errors, an integer ≥ 0 (0 when they come from
///   elsewhere); default 0.
/// - `seed`: the bootstrap's seed, an integer in [0, 2^53 − 1]; default 0.
/// - `moments`: at least one object with `name` (see ``MomentName``), `value` (a fraction in
///   [0, 1] for shares and rates, yuan > 0 for `principal.mean`, any number for other names),
///   `standardError` (≥ 0, in the value's units) and `count` (an integer ≥ 0: the loans or
///   transitions behind the value, 0 when unknown). All four are required; an optional `source`
///   (text) says where a hand-written figure comes from, and an optional `replicates` holds the
///   moment in each of the `bootstrap` replicates (``Moment/replicates``; `fenqi moments` writes
///   it), from which a calibration draws perturbations that keep the moments' correlations.
/// - `description`: optional free text about the file.
///
/// Names must be unique. A name outside ``MomentName``'s scheme is accepted with a warning (a
/// calibration ignores what it cannot simulate); so is a known name spelled loosely
/// (`ever30.mob3`), with the canonical spelling as a hint. Any other field is an error.
///
/// The writer is deterministic: keys sorted, numbers in their shortest round-trip form,
/// moments in ``TapeMoments/moments`` order; reading a written file gives back the same value.
public enum MomentsFile {
  /// The format's version.
  public static let version = calibrationFormatVersion
  /// The largest seed a file holds exactly: 2^53 − 1.
  public static let largestSeed: UInt64 = 9_007_199_254_740_991

  /// A file's moments and the warnings about it.
  public struct Contents: Sendable, Equatable {
    /// The moments.
    public var moments: TapeMoments
    /// Names that are not in ``MomentName``'s scheme, with their JSON paths.
    public var warnings: [FieldProblem]
  }

  /// The JSON text of `moments`, ending in a newline.
  public static func text(_ moments: TapeMoments) -> String {
    let list: [JSONValue] = moments.moments.map {
      var members: [(key: String, value: JSONValue)] = [
        ("name", .string($0.name)), ("value", .number($0.value)),
        ("standardError", .number($0.standardError)),
        ("count", .number(Double($0.count))),
      ]
      if !$0.replicates.isEmpty {
        members.append(
          ("replicates", .array($0.replicates.map(JSONValue.number))))
      }
      return .object(members)
    }
    return JSONWriter.text(
      .object([
        ("version", .number(Double(version))),
        ("loans", .number(Double(moments.loans))),
        ("bootstrap", .number(Double(moments.bootstrap))),
        ("seed", .number(Double(moments.seed))), ("moments", .array(list)),
      ]))
  }

  /// Writes `moments` to `path` atomically (a temporary file beside it, then a rename).
  ///
  /// - Throws: ``MomentsFileError/unwritable(file:reason:)``.
  public static func write(_ moments: TapeMoments, to path: String)
    throws(MomentsFileError)
  {
    do {
      try Data(text(moments).utf8).write(
        to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .unwritable(file: path, reason: error.localizedDescription)
    }
  }

  /// Reads the moments file at `path`.
  ///
  /// - Throws: ``MomentsFileError`` naming the file and every problem.
  public static func load(path: String) throws(MomentsFileError) -> Contents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(
        file: path,
        reason: FileManager.default.fileExists(atPath: path)
          ? "permission denied, a folder, or unreadable" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: path, reason: "not UTF-8 text")
    }
    return try read(text: text, file: path)
  }

  /// Reads moments JSON text; `file` only names it in messages.
  ///
  /// - Throws: ``MomentsFileError/notJSON(file:_:)`` or
  ///   ``MomentsFileError/invalid(file:problems:)`` with every problem.
  public static func read(text: String, file: String = "moments.json")
    throws(MomentsFileError) -> Contents
  {
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      throw .notJSON(file: file, error)
    }
    let collector = ProblemCollector()
    var warnings: [FieldProblem] = []
    let contents = decode(json, collector: collector, warnings: &warnings)
    guard let contents, collector.problems.isEmpty else {
      throw .invalid(
        file: file,
        problems: collector.problems.isEmpty
          ? [FieldProblem(path: "$", message: "not a moments file")]
          : collector.problems)
    }
    return Contents(moments: contents, warnings: warnings)
  }

  private static func decode(
    _ json: JSONValue, collector: ProblemCollector,
    warnings: inout [FieldProblem]
  ) -> TapeMoments? {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return nil }
    _ = root.integer(
      "version",
      NumberRule("\(version) (the only version so far)") {
        $0 == Double(version)
      })
    let loans = root.integer("loans", .integer(atLeast: 1))
    let bootstrap = root.integer(
      "bootstrap", .integer(atLeast: 0), default: 0)
    let seed = root.number(
      "seed", .integer(in: 0, Int(largestSeed)), default: 0)
    // Free text for a hand-written file: what the figures are and where they come from.
    _ = root.string("description", default: "")
    var moments: [Moment] = []
    var firstPath: [String: String] = [:]
    for (path, value) in root.array("moments", required: true, minimumCount: 1)
      ?? []
    {
      guard var m = JSONObjectReader(value, path: path, collector: collector)
      else { continue }
      let name = m.name("name")
      let kind = name.flatMap(MomentName.kind(of:))
      let rule: NumberRule =
        switch kind {
        case .share: .fraction
        case .amount: .positive
        case nil: .any
        }
      let v = m.number("value", rule)
      let se = m.number("standardError", .nonNegative)
      let count = m.integer("count", .integer(atLeast: 0))
      _ = m.string("source", default: "")
      var replicates: [Double]? = []
      if m.has("replicates") {
        if let b = bootstrap, b < 2 {
          _ = m.value("replicates")
          m.report(
            "replicates",
            "expected no replicates with \"bootstrap\": \(b); a file with replicates gives their number (≥ 2) as \"bootstrap\""
          )
          replicates = nil
        } else {
          replicates = m.numbers("replicates", rule, count: bootstrap)
        }
      }
      m.finish()
      guard let name else { continue }
      if let first = firstPath[name] {
        m.report(
          "name",
          "duplicate moment name \(JSONWriter.quoted(name)) (first at \(first))"
        )
        continue
      }
      firstPath[name] = path
      if kind == nil {
        var message =
          "unknown moment name \(JSONWriter.quoted(name)); a calibration ignores it"
        if let c = MomentName.canonical(name) {
          message += "; did you mean \(JSONWriter.quoted(c))?"
        }
        warnings.append(
          FieldProblem(path: m.childPath("name"), message: message))
      }
      if let v, let se, let count, let replicates {
        moments.append(
          Moment(
            name: name, value: v, standardError: se, count: count,
            replicates: replicates))
      }
    }
    root.finish()
    guard let loans, let bootstrap, let seed else { return nil }
    return TapeMoments(
      loans: loans, bootstrap: bootstrap, seed: UInt64(seed), moments: moments)
  }
}
