/// One line of `economics.csv`: a treatment arm against the control on one item at one horizon,
/// scaled to the whole population (the figure had every customer been under the arm).
public struct EconomicsRow: Sendable, Equatable {
  /// The treatment arm.
  public var arm: String
  /// The control arm.
  public var control: String
  /// Window or lifetime.
  public var horizon: EconomicsHorizon
  /// Months the horizon covers.
  public var months: Int
  /// The item.
  public var item: EconomicsItem
  /// The channel of a channel item ("" otherwise).
  public var channel = ""
  /// The treatment's value (NaN when the item has none of its own).
  public var treatment: Double
  /// The control's value (NaN likewise).
  public var controlValue: Double
  /// The increment: treatment − control for flows, the item itself for derived ones.
  public var increment: Double
  /// The increment per customer (flows; NaN for ratios).
  public var perCustomer: Double
  /// The 95% interval of the increment's expected value over replicates (NaN with one).
  public var lower = Double.nan
  /// Its upper end.
  public var upper = Double.nan
  /// For net income and NPV, the predictive probability that the increment of one more run is
  /// positive: the probability that the arm is profitable against the control (NaN otherwise).
  public var probabilityPositive = Double.nan
  /// What the scenario put in, where the row measures an input (the urgency's need-rate dip for
  /// ``EconomicsItem/postCampaignDip``); NaN otherwise.
  public var input = Double.nan
  /// Replicates behind the row.
  public var replicates: Int

  /// Whether the interval excludes zero.
  public var isSignificant: Bool {
    lower.isFinite && upper.isFinite && (lower > 0 || upper < 0)
  }
}
