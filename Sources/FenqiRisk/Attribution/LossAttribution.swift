/// Loss attribution to shocks: each shock run alone against the run without shocks, and the
/// interaction — what the shocks together add beyond the sum of each alone.
///
/// With L(∅) the loss without shocks, L(i) with shock i alone and L(all) with every shock:
/// alone_i = L(i) − L(∅) and interaction = L(all) − L(∅) − Σ alone_i, so
/// L(∅) + Σ alone_i + interaction = L(all) exactly (a one-at-a-time decomposition with the
/// joint residual, as in the EBA stress test's driver analysis).
public struct LossAttribution: Sendable, Equatable {
  /// The loss without shocks.
  public let base: Double
  /// Each shock's name and its loss alone minus `base`.
  public let alone: [(name: String, effect: Double)]
  /// The joint loss minus base minus every shock alone.
  public let interaction: Double
  /// The loss with every shock.
  public let joint: Double

  /// Attributes `joint` − `base` to the shocks.
  public init(
    base: Double, alone: [(name: String, loss: Double)], joint: Double
  ) {
    self.base = base
    self.alone = alone.map { ($0.name, $0.loss - base) }
    self.joint = joint
    interaction = joint - base - self.alone.reduce(0) { $0 + $1.effect }
  }

  /// Equal when every figure is.
  public static func == (a: LossAttribution, b: LossAttribution) -> Bool {
    a.base == b.base && a.joint == b.joint && a.interaction == b.interaction
      && a.alone.map(\.name) == b.alone.map(\.name)
      && a.alone.map(\.effect) == b.alone.map(\.effect)
  }
}
