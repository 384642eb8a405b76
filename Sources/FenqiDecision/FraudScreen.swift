import FenqiModels

/// The fraud screen: velocity and identity rules, then an isolation-forest anomaly score.
///
/// The rules look at the applicant's applications to this lender in the last three months, their
/// applications to other lenders (the bureau's multi-lending signal) and the applicants seen on
/// their device (fraud rings share devices). The forest (Liu, Ting & Zhou 2008), grown on the
/// burn-in book's applications, flags the rest that look unlike ordinary applicants.
public struct FraudScreen: Sendable {
  /// The rule limits; an application above any of them is declined.
  public struct Rules: Sendable, Equatable {
    /// Most applications to this lender in the last three months.
    public var maxApplications3m: Double
    /// Most applications to other lenders in the last three months.
    public var maxExternalApplications: Double
    /// Most applicants on one device.
    public var maxDeviceApplicants: Double

    /// Creates rule limits.
    public init(
      maxApplications3m: Double, maxExternalApplications: Double,
      maxDeviceApplicants: Double
    ) {
      self.maxApplications3m = maxApplications3m
      self.maxExternalApplications = maxExternalApplications
      self.maxDeviceApplicants = maxDeviceApplicants
    }
  }

  /// Why the screen stopped an application.
  public enum Verdict: UInt8, Sendable {
    case pass, velocity, multiLending, sharedDevice, anomaly
  }

  /// The rule limits.
  public var rules: Rules
  /// The anomaly forest, over the features in ``anomalyFeatures``; nil: rules only.
  public var forest: IsolationForest?
  /// Anomaly scores at or above this are declined.
  public var anomalyThreshold: Double

  /// The features the forest sees: amounts, burden, velocity and identity signals.
  public static let anomalyFeatures: [LenderFeature] = [
    .requestedAmount, .instalmentToIncome, .externalApplications3m,
    .deviceApplicants, .applications3m, .declaredIncome, .bureauScore,
    .tenureMonths,
  ]

  /// Creates a screen.
  public init(rules: Rules, forest: IsolationForest?, anomalyThreshold: Double)
  {
    self.rules = rules
    self.forest = forest
    self.anomalyThreshold = anomalyThreshold
  }

  /// Copies the forest's inputs out of a feature row into `x` (``anomalyFeatures``.count).
  @inline(__always)
  public static func anomalyInputs(
    _ row: UnsafePointer<Double>, into x: UnsafeMutablePointer<Double>
  ) {
    for (k, f) in anomalyFeatures.enumerated() {
      let v = row[f.rawValue]
      x[k] = v.isNaN ? 0 : v
    }
  }

  /// Screens one application's feature row.
  ///
  /// - Parameters:
  ///   - row: the feature row (``LenderFeature`` order).
  ///   - scratch: space for ``anomalyFeatures``.count values.
  /// - Returns: the verdict and the anomaly score (0 without a forest).
  public func screen(
    _ row: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) -> (verdict: Verdict, anomaly: Double) {
    var anomaly = 0.0
    if let forest {
      Self.anomalyInputs(row, into: scratch)
      anomaly = forest.score(
        UnsafeBufferPointer(start: scratch, count: Self.anomalyFeatures.count))
    }
    if row[LenderFeature.applications3m.rawValue] > rules.maxApplications3m {
      return (.velocity, anomaly)
    }
    if row[LenderFeature.externalApplications3m.rawValue]
      > rules.maxExternalApplications
    {
      return (.multiLending, anomaly)
    }
    if row[LenderFeature.deviceApplicants.rawValue] > rules.maxDeviceApplicants
    {
      return (.sharedDevice, anomaly)
    }
    if forest != nil, anomaly >= anomalyThreshold { return (.anomaly, anomaly) }
    return (.pass, anomaly)
  }
}
