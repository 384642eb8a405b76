#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// How a delinquent loan's cure and roll depend on how far past due it is, and what collections
/// do about it.
///
/// A loan in bucket b (1–30, 31–60, 61–90, 90+) has
/// cure = σ(logit(cure₀) + cureShift[b] + collections.cureShift) and
/// roll = σ(rollLogit + macro + rollShift[b] + collections.rollShift), where cure₀ is the
/// segment's cure probability and rollLogit the loan's static roll logit (see
/// ``RepaymentHazard``). Real books roll faster and cure less the further a loan is past due
/// (a roll-rate matrix whose diagonal-adjacent entries rise with the bucket); shifts of zero give
/// the flat model, the same in every bucket. A transition matrix per segment follows from the
/// segment's offsets.
public struct BucketTransitions: Sendable, Equatable {
  /// Logit shifts of the roll probability in buckets 1–30, 31–60, 61–90 and 90+.
  public var rollShift: [Double]
  /// Logit shifts of the cure probability in buckets 1–30, 31–60, 61–90 and 90+.
  public var cureShift: [Double]

  /// The flat model: no shift in any bucket.
  public static let flat = BucketTransitions(
    rollShift: [0, 0, 0, 0], cureShift: [0, 0, 0, 0])

  /// Creates bucket shifts; each array holds four logit shifts (1–30 … 90+).
  public init(rollShift: [Double], cureShift: [Double]) {
    precondition(rollShift.count == 4 && cureShift.count == 4)
    self.rollShift = rollShift
    self.cureShift = cureShift
  }

  /// Whether every shift is zero.
  public var isFlat: Bool {
    rollShift.allSatisfy { $0 == 0 } && cureShift.allSatisfy { $0 == 0 }
  }

  /// The index 0…3 of a delinquent loan's bucket (months past due 1, 2, 3, ≥ 4).
  @inlinable @inline(__always)
  public static func index(monthsPastDue d: UInt8) -> Int {
    Int(Swift.min(d, 4)) - 1
  }

  /// The cure and roll probabilities of a delinquent loan.
  ///
  /// - Parameters:
  ///   - cure: the loan's base cure probability, a fraction.
  ///   - rollLogit: the loan's roll logit this month (macro shift included).
  ///   - bucket: the bucket index 0…3 (``index(monthsPastDue:)``).
  ///   - effort: the collections effort working the loan.
  /// - Returns: the month's cure probability, and the probability of rolling if it does not
  ///   cure.
  @inlinable @inline(__always)
  public func probabilities(
    cure: Double, rollLogit: Double, bucket: Int, effort: CollectionsEffort
  ) -> (cure: Double, roll: Double) {
    // Logistic shift on the log-odds scale; cure of 0 or 1 stays there (log(0) = −∞).
    let cureLogit =
      log(cure) - log(1 - cure) + cureShift[bucket] + effort.cureShift
    let rollLogit = rollLogit + rollShift[bucket] + effort.rollShift
    return (1 / (1 + exp(-cureLogit)), 1 / (1 + exp(-rollLogit)))
  }
}

/// Collections: how hard the lender works its delinquent loans, and what that costs.
///
/// Effort moves every delinquent loan's cure and roll logits (``BucketTransitions``); it costs
/// `costPerDelinquentLoan` yuan for each loan past due at the start of a month (calls, messages,
/// field visits), an operating cost in the arm's net income.
public struct CollectionsEffort: Sendable, Equatable {
  /// Added to the cure logit of every delinquent loan.
  public var cureShift: Double
  /// Added to the roll logit of every delinquent loan.
  public var rollShift: Double
  /// Cost of working one delinquent loan for one month, yuan.
  public var costPerDelinquentLoan: Double

  /// No effort beyond the base model, at no cost.
  public static let none = CollectionsEffort(
    cureShift: 0, rollShift: 0, costPerDelinquentLoan: 0)

  /// Creates a collections effort.
  public init(
    cureShift: Double, rollShift: Double, costPerDelinquentLoan: Double
  ) {
    self.cureShift = cureShift
    self.rollShift = rollShift
    self.costPerDelinquentLoan = costPerDelinquentLoan
  }

  /// Whether it changes nothing and costs nothing.
  public var isNone: Bool { self == .none }
}
