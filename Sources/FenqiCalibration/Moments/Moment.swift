/// One named statistic of a loan book, with its sampling uncertainty.
public struct Moment: Sendable, Equatable {
  /// The name (see ``MomentName``), such as `ever30.mob03`.
  public var name: String
  /// The value: a fraction for shares and rates, yuan for `principal.mean`.
  public var value: Double
  /// The standard error of ``value``, in its units.
  ///
  /// The standard deviation over bootstrap replicates. 0 when not bootstrapped, and also when no
  /// replicate differs (a transition that never happens, for example); calibration should give
  /// such moments a floor before weighting.
  public var standardError: Double
  /// How many units the value is computed over: loans observable to the month for a vintage
  /// moment, transitions out of the bucket for `roll.*` and `cure.*`, loans otherwise; 0 when
  /// unknown (a hand-written figure from a report that does not state its base).
  public var count: Int
  /// The moment in each bootstrap replicate, in replicate order (empty when not bootstrapped).
  ///
  /// Replicates resample whole loans, so across moments they keep the correlations between
  /// them (the months of a cumulative vintage curve, the targets of a roll row), which a
  /// calibration's intervals need. A replicate in which the moment is undefined (its
  /// denominator drew empty) holds ``value``: no deviation.
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
