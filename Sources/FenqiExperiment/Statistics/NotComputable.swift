/// Why a statistic has no value for its data: an empty or one-unit arm, zero variance, a zero
/// control, non-finite input.
///
/// Results carry it as a distinct state (``EffectEstimate/notComputable``,
/// ``BayesianResult/notComputable``, ``SampleRatioCheck/notComputable``,
/// ``SequentialTest/notComputable``) instead of trapping or reporting p = 1; the power formulas
/// throw it. Reports print "not computable" with ``reason``.
public struct NotComputable: Error, Sendable, Equatable, CustomStringConvertible
{
  /// What is missing, in one sentence without a final period.
  ///
  /// For example "the control arm has 1 unit; the test needs at least 2".
  public var reason: String

  /// Creates the state with its reason.
  public init(_ reason: String) { self.reason = reason }

  /// "not computable: " followed by the reason.
  public var description: String { "not computable: \(reason)" }
}

extension SampleMoments {
  /// Why these moments cannot feed a test that needs `minimumCount` units and a variance.
  ///
  /// Nil when they can. `role` names the arm in the reason ("the control arm").
  func problem(_ role: String, minimumCount: Double = 2) -> NotComputable? {
    guard n.isFinite, sum.isFinite, sumSquares.isFinite else {
      return NotComputable(
        "\(role)'s count, sum or sum of squares is not finite")
    }
    guard n >= minimumCount else {
      return NotComputable(
        "\(role) has \(Self.count(n)) unit\(n == 1 ? "" : "s"); the test needs at least \(Self.count(minimumCount))"
      )
    }
    guard minimumCount < 2 || variance.isFinite else {
      return NotComputable(
        "\(role)'s variance overflows (its values are too large to square)")
    }
    return nil
  }

  /// A count as an integer when it is one.
  static func count(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }
}

extension NotComputable {
  /// The problem with a significance level outside (0, 1), or nil.
  static func alpha(_ alpha: Double) -> NotComputable? {
    alpha > 0 && alpha < 1
      ? nil : NotComputable("α must be in (0, 1), found \(alpha)")
  }
}

extension NotComputable {
  /// The problem with a credibility (or confidence) level outside (0, 1), or nil.
  static func credibility(_ level: Double) -> NotComputable? {
    level > 0 && level < 1
      ? nil : NotComputable("the credibility must be in (0, 1), found \(level)")
  }
}
