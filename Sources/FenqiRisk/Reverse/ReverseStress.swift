/// Reverse stress testing: the smallest severity of a shock at which a limit breaks, by
/// bisection on a measure that worsens with severity (EBA/GL/2018/04 §4.7; PRA SS3/18).
///
/// The answer is an interval [below, above]: at `below` the limit holds, at `above` it breaks,
/// and above − below ≤ the tolerance (or the search range did not contain a break).
public struct ReverseStress: Sendable, Equatable {
  /// The largest severity tried at which the limit held.
  public let below: Double
  /// The smallest severity tried at which it broke (nil: not within the range).
  public let above: Double?
  /// Every (severity, measure) evaluated, in order.
  public let trials: [Trial]

  /// One evaluation.
  public struct Trial: Sendable, Equatable {
    /// The shock's severity (1 = as the scenario states it).
    public var severity: Double
    /// The measure at that severity.
    public var measure: Double
    /// Whether the limit broke.
    public var breaks: Bool
  }

  /// Searches [0, `maximum`].
  ///
  /// - Parameters:
  ///   - maximum: the largest severity searched.
  ///   - tolerance: the interval's target width.
  ///   - breaks: whether a measure breaks the limit.
  ///   - measure: the measure at a severity (a deterministic run).
  public init(
    maximum: Double, tolerance: Double, breaks: (Double) -> Bool,
    measure: (Double) -> Double
  ) {
    var trials: [Trial] = []
    func test(_ s: Double) -> Bool {
      let m = measure(s)
      let b = breaks(m)
      trials.append(Trial(severity: s, measure: m, breaks: b))
      return b
    }
    guard !test(0) else {
      below = 0
      above = 0
      self.trials = trials
      return
    }
    guard test(maximum) else {
      below = maximum
      above = nil
      self.trials = trials
      return
    }
    var lo = 0.0
    var hi = maximum
    while hi - lo > tolerance {
      let mid = (lo + hi) / 2
      if test(mid) { hi = mid } else { lo = mid }
    }
    below = lo
    above = hi
    self.trials = trials
  }
}
