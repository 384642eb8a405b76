/// Expected credit loss of an arm's book at a period end, by IFRS 9 stage (yuan).
///
/// Index 0, 1, 2 of each vector is stage 1, 2, 3.
public struct ProvisionTotals: Sendable, Equatable {
  /// Open loans per stage.
  public var loans = SIMD4<Double>()
  /// Exposure at default (outstanding principal) per stage.
  public var exposure = SIMD4<Double>()
  /// 12-month ECL per stage: PD over the next 12 months × LGD × EAD.
  public var twelveMonth = SIMD4<Double>()
  /// Lifetime ECL per stage: PD over the loan's remaining life × LGD × EAD.
  public var lifetime = SIMD4<Double>()

  /// Creates zero totals.
  public init() {}

  /// The provision: 12-month ECL for stage 1, lifetime for stages 2 and 3.
  public var provision: Double {
    twelveMonth[0] + lifetime[1] + lifetime[2]
  }

  /// Adds another chunk's totals.
  public mutating func add(_ o: ProvisionTotals) {
    loans += o.loans
    exposure += o.exposure
    twelveMonth += o.twelveMonth
    lifetime += o.lifetime
  }
}
