/// "Invite a friend, get cash back" with stepped rewards.
///
/// A customer who books during the campaign invites each graph neighbour (in the same arm) with
/// probability min(1, inviteBase + invitePerYuan × the reward of their next successful
/// referral). An invited customer gets a warm contact in the next period; if they book from it,
/// the inviter's successful-referral count rises and the inviter is paid the reward of the step
/// that count reaches.
public struct ReferralProgramme: Sendable, Equatable {
  /// One step: from the `from`-th successful referral on, each pays `reward` yuan.
  public struct Step: Sendable, Equatable {
    /// The 1-based referral count where the step starts.
    public var from: Int
    /// Cash back per successful referral, yuan.
    public var reward: Double

    /// Creates a step.
    public init(from: Int, reward: Double) {
      self.from = from
      self.reward = reward
    }
  }

  /// The steps, `from` ascending, the first from 1.
  public var steps: [Step]
  /// Invitation probability per neighbour with no reward.
  public var inviteBase: Double
  /// Added invitation probability per yuan of the next reward.
  public var invitePerYuan: Double
  /// Multiplies the split odds of a warm (referred) contact.
  public var warmResponse: Double
  /// The least probability that an invited friend has a purchase need in the warm month (the
  /// invitation usually comes with a deal they want).
  public var invitedNeed: Double

  /// Creates a programme.
  public init(
    steps: [Step], inviteBase: Double, invitePerYuan: Double,
    warmResponse: Double, invitedNeed: Double = 0.3
  ) {
    self.steps = steps
    self.inviteBase = inviteBase
    self.invitePerYuan = invitePerYuan
    self.warmResponse = warmResponse
    self.invitedNeed = invitedNeed
  }

  /// The reward of the `n`-th successful referral (1-based), yuan.
  public func reward(forReferral n: Int) -> Double {
    var r = 0.0
    for step in steps where n >= step.from { r = step.reward }
    return r
  }

  /// The invitation probability per neighbour of a customer with `successes` referrals so far.
  public func inviteProbability(successes: Int) -> Double {
    Swift.min(
      1, inviteBase + invitePerYuan * reward(forReferral: successes + 1))
  }
}
