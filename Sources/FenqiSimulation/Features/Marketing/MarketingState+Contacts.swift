import FenqiCore
import FenqiMarketing
import FenqiPopulation

extension MarketingState {
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
    var plan = ContactPlan(
      period: period, customers: c, tables: t, seed: seed, arms: counts.count,
      chunk: chunk)
    if priority.count != plan.n * plan.slots {
      priority = .init(repeating: -1, count: plan.n * plan.slots)
      chosen = .init(repeating: false, count: plan.n * plan.slots)
    }
    drawTargets(
      &plan, arm: arm, customers: c, tables: t, propensity: propensity)
    bindCapacity(&plan)
    contactTargets(plan, arm: arm, tables: t, counts: &counts)
  }

  /// Pass 1, per customer: decay fatigue, age histories, and draw every channel's targeting
  /// (eligibility depends only on earlier months, so channels can be drawn together).
  private mutating func drawTargets(
    _ plan: inout ContactPlan, arm: [UInt8], customers c: CustomerColumns,
    tables t: MarketingTables, propensity: [Float]
  ) {
    let (n, channels, segments) = (plan.n, plan.channels, t.segments)
    let (period, family, first) = (plan.period, plan.family, plan.first)
    let phaseByArm = t.inCampaign.map { $0[period] ? 1 : 0 }
    let ranks = t.channels.map(\.ranksByPropensity)
    let caps = t.channels.map {
      $0.frequencyCap ?? FrequencyCap(contacts: 16, months: 16)
    }
    let capacitySlot = plan.capacitySlot
    var reached = plan.reached
    var candidates = plan.candidates
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
    plan.reached = reached
    plan.candidates = candidates
  }

  /// Pass 2, per channel over capacity: keep the best `share` candidates.
  private mutating func bindCapacity(_ plan: inout ContactPlan) {
    let (n, channels, capacitySlot) = (plan.n, plan.channels, plan.capacitySlot)
    let (candidates, shares) = (plan.candidates, plan.shares)
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
    plan.binding = binding
  }

  /// Pass 3, per customer in channel order: contact, fatigue, opt-outs; then the month's
  /// channel counts.
  private mutating func contactTargets(
    _ plan: ContactPlan, arm: [UInt8], tables t: MarketingTables,
    counts: inout [ArmPeriodCounts]
  ) {
    let (n, channels, arms) = (plan.n, plan.channels, plan.arms)
    let (family, first) = (plan.family, plan.first)
    let (capacitySlot, binding, reached) = (
      plan.capacitySlot, plan.binding, plan.reached
    )
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
}
