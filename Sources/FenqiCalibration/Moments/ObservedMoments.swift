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
  /// Its value in each bootstrap replicate of the observed book (``Moment/replicates``); empty
  /// when the file gives none (a hand-written figure).
  public var replicates: [Double]

  /// Creates a moment.
  public init(
    name: String, value: Double, standardError: Double, count: Int,
    replicates: [Double] = []
  ) {
    self.name = name
    self.value = value
    self.standardError = standardError
    self.count = count
    self.replicates = replicates
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

  /// Parses and checks `moments.json` text with ``MomentsFile``'s reader, collecting every problem
  /// with its JSON path.
  ///
  /// - Returns: the moments, or the problems (paths within the moments file), or the JSON
  ///   syntax error.
  public static func parse(_ text: String) -> Result<
    ObservedMoments, MomentsFileProblem
  > {
    let contents: MomentsFile.Contents
    do { contents = try MomentsFile.read(text: text) } catch {
      switch error {
      case .notJSON(_, let e): return .failure(.notJSON(e))
      default:
        return .failure(
          .invalid(
            error.problems.isEmpty
              ? [FieldProblem(path: "$", message: error.message)]
              : error.problems))
      }
    }
    let m = contents.moments
    return .success(
      ObservedMoments(
        version: MomentsFile.version, loans: m.loans, bootstrap: m.bootstrap,
        seed: m.seed,
        moments: m.moments.map {
          ObservedMoment(
            name: $0.name, value: $0.value, standardError: $0.standardError,
            count: $0.count, replicates: $0.replicates)
        }))
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
