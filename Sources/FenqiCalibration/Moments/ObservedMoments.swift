import FenqiCore

/// One moment of a lender's book, with its sampling uncertainty.
public struct ObservedMoment: Sendable, Equatable {
  /// The moment's name: `ever30.mob03` (share of loans ever 30+ days past due by month on book
  /// 3), `roll.current.1-30` (a roll rate), `chargeOff.mob12`, `prepaid.mob06`, ….
  public var name: String
  /// The observed value, in the moment's own unit (a fraction for rates).
  public var value: Double
  /// Its standard error, in the same unit (≥ 0; a bootstrap over loans).
  public var standardError: Double
  /// The observations behind it (loans or loan-months).
  public var count: Int

  /// Creates a moment.
  public init(name: String, value: Double, standardError: Double, count: Int) {
    self.name = name
    self.value = value
    self.standardError = standardError
    self.count = count
  }
}

/// The observed moments a calibration fits: a reader of `moments.json`, as `fenqi moments`
/// writes it.
///
/// ```json
/// {"version": 1, "loans": 48213, "bootstrap": 200, "seed": 11,
///  "moments": [{"name": "ever30.mob03", "value": 0.021, "standardError": 0.0007, "count": 48213}]}
/// ```
///
/// A flat list of named moments with standard errors; names are unique. This small reader lives
/// in one file so that the loan-tape module's own reader can replace it.
public struct ObservedMoments: Sendable, Equatable {
  /// The format version (1).
  public var version: Int
  /// Loans on the tape the moments came from (0 when not stated).
  public var loans: Int
  /// Bootstrap resamples behind the standard errors (0 when not stated).
  public var bootstrap: Int
  /// The bootstrap's seed (0 when not stated).
  public var seed: UInt64
  /// The moments, in file order.
  public var moments: [ObservedMoment]

  /// Creates a set of moments.
  public init(
    version: Int = 1, loans: Int = 0, bootstrap: Int = 0, seed: UInt64 = 0,
    moments: [ObservedMoment]
  ) {
    self.version = version
    self.loans = loans
    self.bootstrap = bootstrap
    self.seed = seed
    self.moments = moments
  }

  /// The moment named `name`, if any.
  public func moment(named name: String) -> ObservedMoment? {
    moments.first { $0.name == name }
  }

  /// Parses and checks `moments.json` text, collecting every problem with its JSON path.
  ///
  /// - Returns: the moments, or the problems (paths within the moments file), or the JSON
  ///   syntax error.
  public static func parse(_ text: String) -> Result<
    ObservedMoments, MomentsFileProblem
  > {
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      return .failure(.notJSON(error))
    }
    let collector = ProblemCollector()
    guard let moments = decode(json, collector: collector),
      collector.problems.isEmpty
    else {
      return .failure(
        .invalid(
          collector.problems.isEmpty
            ? [FieldProblem(path: "$", message: "invalid moments file")]
            : collector.problems))
    }
    return .success(moments)
  }

  /// Decodes the document; nil when a problem was reported.
  static func decode(_ json: JSONValue, collector: ProblemCollector)
    -> ObservedMoments?
  {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return nil }
    let version = root.integer("version", .integer(oneOf: [1]))
    let loans = root.integer("loans", .integer(atLeast: 0), default: 0)
    let bootstrap = root.integer("bootstrap", .integer(atLeast: 0), default: 0)
    let seed = root.number(
      "seed", .integer(in: 0, 9_007_199_254_740_991), default: 0)
    var moments: [ObservedMoment] = []
    var seen: [String: String] = [:]
    for e in root.array("moments", required: true, minimumCount: 1) ?? [] {
      guard
        var m = JSONObjectReader(e.value, path: e.path, collector: collector)
      else { continue }
      let name = m.name()
      let value = m.number("value", .any)
      let se = m.number("standardError", .nonNegative)
      let count = m.integer("count", .integer(atLeast: 0), default: 0)
      m.finish()
      if let name, let first = seen[name] {
        m.report("name", "the moment \"\(name)\" is also at \(first)")
        continue
      }
      guard let name, let value, let se, let count else { continue }
      seen[name] = e.path
      moments.append(
        ObservedMoment(
          name: name, value: value, standardError: se, count: count))
    }
    root.finish()
    guard let version, let loans, let bootstrap, let seed else { return nil }
    return ObservedMoments(
      version: version, loans: loans, bootstrap: bootstrap, seed: UInt64(seed),
      moments: moments)
  }
}

/// Why a moments file cannot be used.
public enum MomentsFileProblem: Error, Sendable, Equatable {
  /// Not JSON.
  case notJSON(JSONParser.SyntaxError)
  /// Every problem found, at JSON paths within the moments file.
  case invalid([FieldProblem])

  /// The problems as lines: `line 3, column 5: …` or `$.moments[2].value: …`.
  public var lines: [String] {
    switch self {
    case .notJSON(let e): return ["not valid JSON: \(e)"]
    case .invalid(let problems): return problems.map(\.description)
    }
  }
}
