import FenqiDecision

/// One arm's drift monitoring in one month: the alarm its score PSI raises, the feature that
/// moved most, the score band that moved most, the PD's calibration on everyone who applied, and
/// what the lender did about it.
public struct DriftRecord: Sendable, Equatable {
  /// The alarm of the month's score PSI against the training book's.
  public var alarm = DriftLevel.stable
  /// The largest characteristic stability index of a feature this month (NaN: nothing scored).
  public var featureStability = Double.nan
  /// The feature with that index ("" when none).
  public var feature = ""
  /// The alarm of ``featureStability``.
  public var featureAlarm = DriftLevel.stable
  /// The score decile (1 = lowest scores, 10 = highest) contributing most to the PSI (0: none).
  public var band = 0
  /// Mean PD over the mean true probability of going bad, on every scored applicant (1 is
  /// calibrated; NaN when nothing was scored).
  public var calibration = Double.nan
  /// What the alarm did: `none`, `frozen` (re-training skipped) or `fellBack` (the last stable
  /// model put back).
  public var action = "none"

  /// Nothing measured.
  public init() {}
}
