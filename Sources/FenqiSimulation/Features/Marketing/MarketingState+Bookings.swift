import FenqiCore
import FenqiMarketing

extension MarketingState {
  /// Sends a booked customer's invitations to their same-arm friends.
  mutating func invite(
    from i: Int, arm: [UInt8], programme: ReferralProgramme, seed: UInt64,
    period: Int,
    firstIndex: Int, counts: inout MarketingCounts
  ) {
    guard let graph else { return }
    let a = arm[i]
    let p = programme.inviteProbability(successes: Int(successes[i]))
    let stream = StreamFamily(
      seed: seed, period: UInt32(period), purpose: .referralInvite
    )
    .stream(for: UInt64(firstIndex + i))
    for k in Int(graph.offsets[i])..<Int(graph.offsets[i + 1]) {
      let j = Int(graph.neighbours[k])
      guard arm[j] == a else {
        counts.invitesAcrossArms += 1
        continue
      }
      if stream.uniform(at: UInt64(k - Int(graph.offsets[i]))) < p {
        counts.invites += 1
        if invitedNext[j] < 0 { invitedNext[j] = Int32(i) }
      }
    }
  }

  /// Points and referrals of a booking: points earned (vouchers redeemed, tiers raised); a
  /// booking from a warm contact rewards its inviter; during the campaign the borrower invites
  /// friends.
  ///
  /// - Returns: what the booking cost in vouchers and referral cash back (yuan).
  @discardableResult
  mutating func recordBooking(
    _ i: Int, arm: [UInt8], armIndex a: Int, period: Int, price: Double,
    pointsMultiplier: Double, contactChannel: Int?, tables t: EngineTables,
    firstIndex: Int, counts: inout MarketingCounts
  ) -> Double {
    let mt = t.marketing
    var cost = 0.0
    if let programme = mt.points[a] {
      let earned = Float(price * programme.perYuan * pointsMultiplier)
      points[i] += earned
      lifetimePoints[i] += earned
      while Double(points[i]) >= programme.redeemAt {
        points[i] -= Float(programme.redeemAt)
        counts.pointsCost += programme.voucher
        cost += programme.voucher
        counts.vouchers += 1
      }
      let raised = programme.tier(
        lifetime: Double(lifetimePoints[i]), current: Int(tier[i]))
      if raised > Int(tier[i]) {
        tier[i] = UInt8(raised)
        counts.tierUpgrades += 1
      }
    }
    guard let programme = mt.referral[a] else { return cost }
    if contactChannel == channelCount, invitedNow[i] >= 0 {
      let inviter = Int(invitedNow[i])
      successes[inviter] &+= 1
      let reward = programme.reward(forReferral: Int(successes[inviter]))
      counts.channels[channelCount].partnerFees += reward
      cost += reward
    }
    if mt.inCampaign[a][period] {
      invite(
        from: i, arm: arm, programme: programme, seed: t.seed, period: period,
        firstIndex: firstIndex, counts: &counts)
    }
    return cost
  }
}
