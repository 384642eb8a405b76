import FenqiCore
import FenqiMarketing
import FenqiPopulation

/// A chunk's marketing columns: fatigue, opt-outs, contact histories, referrals and points.
///
/// Allocated once per chunk; nothing is allocated per customer per period.
struct MarketingState: Sendable {
  let channelCount: Int
  /// Fatigue stock per customer.
  var fatigue: [Float]
  /// Opted-out channels per customer (bit c).
  var optOut: [UInt16]
  /// Contact history per customer and channel, [i · channels + c] (bit k: k months ago).
  var history: [UInt16]
  /// Channels that contacted each customer this period (bit c).
  var contacted: [UInt16]
  /// The inviter (chunk-local index) of each customer invited last period; −1 for none.
  var invitedNow: [Int32]
  /// Invitations made this period, acted on next period.
  var invitedNext: [Int32]
  /// Successful referrals per customer.
  var successes: [UInt16]
  /// Points balance and lifetime points per customer.
  var points: [Float]
  var lifetimePoints: [Float]
  /// Current membership tier per customer (starts at the attribute, rises with points).
  var tier: [UInt8]
  /// Scratch: contact priority per capacity-limited channel and customer, [slot · n + i]
  /// (−1: not a candidate).
  var priority: [Float]
  /// Scratch: chosen under a binding capacity, [slot · n + i].
  var chosen: [Bool]
  /// Scratch: opted out this period.
  var optedOutNow: [Bool]
  /// The social graph of the chunk (empty without referrals).
  var graph: SocialGraph?
  /// The chunk's index (for capacity shares).
  let chunk: Int

  init(customers: CustomerColumns, tables t: MarketingTables, seed: UInt64) {
    let n = customers.count
    channelCount = t.channelCount
    fatigue = .init(repeating: 0, count: n)
    optOut = .init(repeating: 0, count: n)
    history = .init(repeating: 0, count: n * t.channelCount)
    contacted = .init(repeating: 0, count: n)
    invitedNow = .init(repeating: -1, count: n)
    invitedNext = .init(repeating: -1, count: n)
    successes = .init(repeating: 0, count: n)
    points = .init(repeating: 0, count: n)
    lifetimePoints = .init(repeating: 0, count: n)
    tier = customers.membershipTier
    let slots = t.channels.filter { $0.capacityPerPeriod != nil }.count
    priority = .init(repeating: -1, count: n * slots)
    chosen = .init(repeating: false, count: n * slots)
    optedOutNow = .init(repeating: false, count: n)
    chunk = customers.firstIndex / ChunkState.size
    if t.usesGraph, n > 0 {
      graph = SocialGraph(
        firstIndex: customers.firstIndex, count: n, block: chunk, seed: seed,
        settings: t.graph)
    }
  }

  /// Schedules every channel's contacts for the period.
  ///
  /// Fatigue decays and histories age first. Then, channel by channel: each customer whose arm
  /// uses the channel, who has not opted out of it and is under its frequency cap, is targeted
  /// with the arm's contact probability; if more are targeted than the chunk's share of the
  /// channel's capacity, the recommendation engine keeps the highest propensity scores and
  /// other channels a random subset. Each contact adds one to fatigue and may opt the
  /// customer out of the channel.
  mutating func scheduleContacts(
    period: Int, arm: [UInt8], customers c: CustomerColumns,
    tables t: MarketingTables,
    seed: UInt64, propensity: [Float] = [], counts: inout [ArmPeriodCounts]
  ) {
    let n = fatigue.count
    let channels = channelCount
    let arms = counts.count
    let family = StreamFamily(
      seed: seed, period: UInt32(period), purpose: .customerMonth)
    let first = UInt64(c.firstIndex)
    let segments = t.segments
    let phaseByArm = t.inCampaign.map { $0[period] ? 1 : 0 }
    let ranks = t.channels.map(\.ranksByPropensity)
    let caps = t.channels.map {
      $0.frequencyCap ?? FrequencyCap(contacts: 16, months: 16)
    }
    let shares = (0..<channels).map { t.capacityShare[$0][chunk] }
    // Only channels with a finite capacity keep priorities: slot k of `capacitySlot`.
    var capacitySlot = [Int](repeating: -1, count: channels)
    var slots = 0
    for ch in 0..<channels where t.channels[ch].capacityPerPeriod != nil {
      capacitySlot[ch] = slots
      slots += 1
    }
    var reached = [Double](repeating: 0, count: arms * channels)
    var candidates = [Int](repeating: 0, count: channels)
    if priority.count != n * slots {
      priority = .init(repeating: -1, count: n * slots)
      chosen = .init(repeating: false, count: n * slots)
    }
    // Pass 1, per customer: decay fatigue, age histories, and draw every channel's targeting
    // (eligibility depends only on earlier months, so channels can be drawn together).
    let decay = t.decay
    priority.withUnsafeMutableBufferPointer { priority in
      t.contactProbability.withUnsafeBufferPointer { probability in
        history.withUnsafeMutableBufferPointer { history in
          fatigue.withUnsafeMutableBufferPointer { fatigue in
            contacted.withUnsafeMutableBufferPointer { targeted in
              optedOutNow.withUnsafeMutableBufferPointer { optedOutNow in
                optOut.withUnsafeBufferPointer { optOut in
                  for i in 0..<n {
                    fatigue[i] *= decay
                    optedOutNow[i] = false
                    let a = Int(arm[i])
                    let base =
                      ((a * 2 + phaseByArm[a]) * segments + Int(c.segment[i]))
                      * channels
                    let stream = family.stream(for: first + UInt64(i))
                    let blocked = optOut[i]
                    var mask: UInt16 = 0
                    for ch in 0..<channels {
                      let h = FrequencyCap.age(history[i * channels + ch])
                      history[i * channels + ch] = h
                      let p =
                        period >= t.bannedFrom[ch] ? 0 : probability[base + ch]
                      guard p > 0, blocked & (1 << UInt16(ch)) == 0,
                        caps[ch].allows(history: h),
                        stream.uniform(
                          at: CustomerMonthDraw.channelTargeting(ch)) < p
                      else {
                        if capacitySlot[ch] >= 0 {
                          priority[capacitySlot[ch] * n + i] = -1
                        }
                        continue
                      }
                      mask |= 1 << UInt16(ch)
                      reached[a * channels + ch] += 1
                      candidates[ch] += 1
                      if capacitySlot[ch] >= 0 {
                        // The recommendation engine ranks by the propensity model when the
                        // risk stack has one, else by a rule score; others pick at random.
                        let model =
                          propensity.isEmpty ? Float.nan : propensity[i]
                        priority[capacitySlot[ch] * n + i] =
                          ranks[ch]
                          ? (!model.isNaN
                            ? model
                            : 0.6 * c.digitalAffinity[i] + 0.4
                              * (1 - c.priceSensitivity[i]))
                          : Float(
                            stream.uniform(
                              at: CustomerMonthDraw.channelPriority(ch)))
                      }
                    }
                    // Targeted this period; pass 3 turns it into contacted.
                    targeted[i] = mask
                  }
                }
              }
            }
          }
        }
      }
    }
    // Pass 2, per channel over capacity: keep the best `share` candidates.
    var binding = [Bool](repeating: false, count: channels)
    for ch in 0..<channels
    where capacitySlot[ch] >= 0 && candidates[ch] > shares[ch] {
      binding[ch] = true
      let k = capacitySlot[ch]
      priority.withUnsafeBufferPointer { p in
        chosen.withUnsafeMutableBufferPointer { flags in
          let slice = UnsafeMutableBufferPointer(
            rebasing: flags[(k * n)..<((k + 1) * n)])
          for j in slice.indices { slice[j] = false }
          _ = TopSelection.choose(
            priority: UnsafeBufferPointer(rebasing: p[(k * n)..<((k + 1) * n)]),
            k: shares[ch], chosen: slice)
        }
      }
    }
    // Pass 3, per customer in channel order: contact, fatigue, opt-outs.
    var contactedCount = [Double](repeating: 0, count: arms * channels)
    var optOuts = contactedCount
    var complaints = contactedCount
    for i in 0..<n {
      let targeted = contacted[i]
      guard targeted != 0 else { continue }
      let a = Int(arm[i])
      var mask: UInt16 = 0
      let stream = family.stream(for: first + UInt64(i))
      for ch in 0..<channels where targeted & (1 << UInt16(ch)) != 0 {
        if binding[ch], !chosen[capacitySlot[ch] * n + i] { continue }
        let bit = UInt16(1) << UInt16(ch)
        mask |= bit
        history[i * channels + ch] |= 1
        let before = Double(fatigue[i])
        fatigue[i] += 1
        contactedCount[a * channels + ch] += 1
        if stream.uniform(at: CustomerMonthDraw.channelOptOut(ch))
          < t.fatigue.optOutProbability(before)
        {
          optOut[i] |= bit
          optedOutNow[i] = true
          optOuts[a * channels + ch] += 1
          if stream.uniform(at: CustomerMonthDraw.channelComplaint(ch))
            < t.fatigue.complaintShare
          {
            complaints[a * channels + ch] += 1
          }
        }
      }
      contacted[i] = mask
    }
    for a in 0..<arms {
      for ch in 0..<channels {
        let x = a * channels + ch
        counts[a].marketing.channels[ch].reached += reached[x]
        counts[a].marketing.channels[ch].contacted += contactedCount[x]
        counts[a].marketing.channels[ch].contactCost +=
          contactedCount[x] * t.channels[ch].costPerContact
        counts[a].marketing.channels[ch].optOuts += optOuts[x]
        counts[a].marketing.channels[ch].complaints += complaints[x]
      }
    }
    // Opt-outs by how many contacts the customer got this period; warm referral contacts.
    for i in 0..<n where contacted[i] != 0 {
      let bucket = Swift.min(4, contacted[i].nonzeroBitCount) - 1
      let a = Int(arm[i])
      counts[a].marketing.customersByContacts[bucket] += 1
      if optedOutNow[i] { counts[a].marketing.optOutsByContacts[bucket] += 1 }
    }
    for i in 0..<n where invitedNow[i] >= 0 {
      counts[Int(arm[i])].marketing.channels[channels].contacted += 1
    }
  }

  /// What contacting a customer on the channels in `bits` cost this period (yuan).
  @inline(__always)
  static func contactCost(bits: UInt16, tables t: MarketingTables) -> Double {
    var cost = 0.0
    for ch in 0..<t.channelCount where bits & (1 << UInt16(ch)) != 0 {
      cost += t.channels[ch].costPerContact
    }
    return cost
  }

  /// The best contact of a customer: (log response multiplier, channel; `channelCount` for a
  /// referral), or nil when nobody contacted them.
  @inline(__always)
  static func bestContact(
    bits: UInt16, invited: Bool, segment: Int, arm: Int,
    tables t: MarketingTables
  ) -> (Double, Int)? {
    var bestLog = -Double.infinity
    var bestChannel = -1
    if bits != 0 {
      for ch in 0..<t.channelCount where bits & (1 << UInt16(ch)) != 0 {
        let r = t.responseLog[ch * t.segments + segment]
        if bestChannel < 0 || r > bestLog {
          bestLog = r
          bestChannel = ch
        }
      }
    }
    if invited, t.referral[arm] != nil {
      let r = t.referralLog[arm]
      if bestChannel < 0 || r > bestLog {
        bestLog = r
        bestChannel = t.channelCount
      }
    }
    return bestChannel < 0 ? nil : (bestLog, bestChannel)
  }

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

  /// Ends the period: this period's invitations become next period's warm contacts.
  mutating func endPeriod() {
    swap(&invitedNow, &invitedNext)
    for i in invitedNext.indices { invitedNext[i] = -1 }
  }
}
