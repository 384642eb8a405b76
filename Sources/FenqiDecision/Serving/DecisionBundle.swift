import FenqiCore
import FenqiModels
import Foundation

/// Everything a decision service needs to decide applications as a run's lender did: each
/// arm's models, thresholds and rules as trained at the end of the run, the shared fraud screen,
/// pricing and credit-line tiers, the feature definitions, and the training distribution of
/// every feature and score for stability monitoring.
///
/// One file holds every arm's stack, keyed by arm name (`decision-bundle.json` in a run folder):
/// a risk team compares the champion and challenger stacks of one experiment from one file, and
/// a service picks an arm per request (or the only one). The file is deterministic JSON with
/// sorted keys; ``contentHash`` is the SHA-256 of its canonical text without the hash itself,
/// checked when the file is loaded.
public struct DecisionBundle: Codable, Sendable {
  /// The `format` member of every bundle file.
  public static let format = "fenqi-decision-bundle"
  /// The format version this code writes and reads.
  public static let formatVersion = 1

  /// A label for the stack's version, such as `risk-stack-seed42-m24` (see
  /// ``DecisionService/version``).
  public var version: String
  /// The fraud screen arms with ``Arm/fraudScreen`` run; nil: none.
  public var fraud: FraudScreen?
  /// Risk-based pricing for arms with ``Arm/riskBasedPricing``; nil: none.
  public var pricing: RiskBasedPricing?
  /// The AHP credit-line tiers; nil: no line limit.
  public var creditLines: CreditLinePolicy?
  /// The training distribution of each feature, in ``LenderFeature`` order (empty: unknown).
  public var features: [FeatureDistribution]
  /// The arms, in the run's order (names unique).
  public var arms: [Arm]
  /// Reasons per decision (the run's `reasonCount`).
  public var reasonCount: Int

  /// One arm's decision stack.
  public struct Arm: Sendable {
    /// The arm's name.
    public var name: String
    /// How the arm decides.
    public var mode: ArmRiskPolicy.Decision
    /// The PD threshold in force (a probability over the outcome window).
    public var threshold: Double
    /// The annual funding rate pricing adds to, a fraction.
    public var fundingRate: Double
    /// The APR cap in force, a fraction.
    public var cap: Double
    /// The rule the arm falls back to.
    public var rule: DecisionStack.RuleFallback
    /// The book's average PD, used when no model scores.
    public var averagePD: Double
    /// The PD model (nil: the rule decides).
    public var pd: ScoringModel?
    /// The propensity model, where the arm ranks by one.
    public var propensity: ScoringModel?
    /// Whether the fraud screen runs.
    public var fraudScreen: Bool
    /// Whether the price is risk-based.
    public var riskBasedPricing: Bool
    /// The PD model's scores on the training sample, for score-band stability.
    public var scores: FeatureDistribution

    /// Creates an arm's stack.
    public init(
      name: String, mode: ArmRiskPolicy.Decision, threshold: Double,
      fundingRate: Double, cap: Double, rule: DecisionStack.RuleFallback,
      averagePD: Double, pd: ScoringModel?, propensity: ScoringModel?,
      fraudScreen: Bool, riskBasedPricing: Bool, scores: FeatureDistribution
    ) {
      self.name = name
      self.mode = mode
      self.threshold = threshold
      self.fundingRate = fundingRate
      self.cap = cap
      self.rule = rule
      self.averagePD = averagePD
      self.pd = pd
      self.propensity = propensity
      self.fraudScreen = fraudScreen
      self.riskBasedPricing = riskBasedPricing
      self.scores = scores
    }
  }

  /// Creates a bundle.
  public init(
    version: String, fraud: FraudScreen?, pricing: RiskBasedPricing?,
    creditLines: CreditLinePolicy?, features: [FeatureDistribution],
    arms: [Arm], reasonCount: Int = 3
  ) {
    self.version = version
    self.fraud = fraud
    self.pricing = pricing
    self.creditLines = creditLines
    self.features = features
    self.arms = arms
    self.reasonCount = reasonCount
  }

  /// The decision stack of arm `a`, as the simulator runs it.
  public func stack(arm a: Int) -> DecisionStack {
    let arm = arms[a]
    return DecisionStack(
      fraud: arm.fraudScreen ? fraud : nil, pd: arm.pd, lines: creditLines,
      pricing: arm.riskBasedPricing ? pricing : nil, rule: arm.rule,
      averagePD: arm.averagePD)
  }

  /// The training distribution of each feature of `rows` (every row, or an even spread of at
  /// most `limit`).
  public static func distributions(of rows: TrainingRows, limit: Int = 20_000)
    -> [FeatureDistribution]
  {
    let width = LenderFeature.count
    let step = Swift.max(1, rows.count / Swift.max(1, limit))
    let picked = Array(stride(from: 0, to: rows.count, by: step))
    return (0..<width).map { f in
      FeatureDistribution(
        values: picked.map { Double(rows.values[$0 * width + f]) })
    }
  }

  /// The PD distribution of `model` on `rows` (an even spread of at most `limit`).
  public static func scoreDistribution(
    _ model: ScoringModel?, rows: TrainingRows, limit: Int = 20_000
  ) -> FeatureDistribution {
    guard let model else { return FeatureDistribution(values: []) }
    let step = Swift.max(1, rows.count / Swift.max(1, limit))
    var scratch = ScoringModel.Scratch()
    var row = [Double](repeating: 0, count: LenderFeature.count)
    let scores = stride(from: 0, to: rows.count, by: step).map { r in
      row.withUnsafeMutableBufferPointer {
        rows.row(r, into: $0.start)
        return model.probability($0.start, scratch: &scratch)
      }
    }
    return FeatureDistribution(values: scores)
  }

  /// The file's text: key-sorted JSON ending in a newline, with its ``contentHash``.
  public var text: String {
    guard case .object(var members) = contentJSON else { return "" }
    members.append(("contentHash", .string(contentHash)))
    return JSONWriter.text(.object(members))
  }

  /// The SHA-256 of the canonical text of the bundle without its hash, 64 hex digits.
  public var contentHash: String {
    SHA256.hexDigest(of: Array(JSONWriter.text(contentJSON).utf8))
  }

  /// Writes the file to `url` atomically.
  public func write(to url: URL) throws {
    try Data(text.utf8).write(to: url, options: .atomic)
  }

  /// Reads and checks a bundle file.
  ///
  /// - Throws: ``DecisionBundleError`` naming the file and every problem's JSON path, or the
  ///   hash that does not match.
  public static func load(from url: URL) throws(DecisionBundleError)
    -> DecisionBundle
  {
    let name = url.path
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .unreadable(file: name)
    }
    return try DecisionBundle(
      text: String(decoding: data, as: UTF8.self), file: name)
  }

  /// Parses and checks bundle text (`file` names it in messages).
  public init(text: String, file: String = "bundle") throws(DecisionBundleError)
  {
    let value: JSONValue
    do { value = try JSONParser.parse(text) } catch {
      throw .notJSON(file: file, reason: error.description)
    }
    try self.init(json: value, file: file)
  }

  // MARK: Codable

  /// Decodes the bundle from its JSON form (the file's members), checking it as ``load(from:)``
  /// does.
  public init(from decoder: any Decoder) throws {
    let value = try AnyJSON(from: decoder).value
    do { try self.init(json: value, file: "bundle") } catch {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  /// Encodes the bundle as the file's members, ``contentHash`` included.
  public func encode(to encoder: any Encoder) throws {
    guard case .object(var members) = contentJSON else { return }
    members.append(("contentHash", .string(contentHash)))
    try AnyJSON(value: .object(members)).encode(to: encoder)
  }
}
