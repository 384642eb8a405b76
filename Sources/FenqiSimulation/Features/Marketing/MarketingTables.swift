import FenqiCore
import FenqiCredit
import FenqiMarketing
import FenqiRisk
import Foundation

/// The marketing part of a scenario flattened for the customer loop.
final class MarketingTables: Sendable {
  let channelCount: Int
  let channels: [Channel]
  let segments: Int
  /// Contact probability, [((arm · 2 + inCampaign) · segments + segment) · channels + channel].
  let contactProbability: [Double]
  /// log(response multiplier × affinity), [channel · segments + segment].
  let responseLog: [Double]
  /// Whether any arm uses channels (so the contact passes run).
  let active: Bool
  /// Whether each arm uses channels.
  let armUsesChannels: [Bool]
  /// Offer variants, [((arm · 2 + inCampaign) · segments + segment) · 2 + tierQualifies].
  let variants: [OfferVariant]
  /// The tier privilege's minimum tier per arm (Int.max without one).
  let minimumTier: [Int]
  /// Need multiplier per arm and period (urgency and the calendar's demand), [arm][period].
  let needMultiplier: [[Double]]
  /// log of the calendar's competition per period (index = period).
  let competitionLog: [Double]
  /// Whether each arm's campaign runs in each period, [arm][period].
  let inCampaign: [[Bool]]
  let referral: [ReferralProgramme?]
  let referralLog: [Double]
  let points: [PointsProgramme?]
  let fatigue: FatigueModel
  let decay: Float
  let lambda: Float
  let capacityShare: [[Int]]
  let usesGraph: Bool
  let graph: SocialGraph.Settings
  /// The first period each channel is banned from (a policy shock); Int.max: never.
  let bannedFrom: [Int]

  init(
    _ s: Scenario,
    base: (terms: [PlanTerms], rate: [Double], constant: [Double])
  ) {
    channels = s.channels
    channelCount = s.channels.count
    let segments = s.behaviours.count
    self.segments = segments
    contactProbability = Self.contactProbabilities(s, segments: segments)
    responseLog = s.channels.flatMap { channel in
      (0..<segments).map { g in
        log(
          Swift.max(
            1e-12,
            channel.responseMultiplier
              * (channel.segmentAffinity.isEmpty
                ? 1 : channel.segmentAffinity[g])))
      }
    }
    armUsesChannels = s.arms.map { $0.marketing != nil }
    active = armUsesChannels.contains(true) && channelCount > 0
    variants = Self.offerVariants(s, base: base, segments: segments)
    minimumTier = s.arms.map {
      $0.marketing?.tierPrivilege?.minimumTier ?? Int.max
    }
    let calendarMonth = { (p: Int) in (s.startMonth - 1 + p - 1) % 12 + 1 }
    needMultiplier = s.arms.map { arm in
      (0...s.periods).map { p in
        let period = Swift.max(1, p)
        var x = s.calendar.demand(month: calendarMonth(period))
        if let m = arm.marketing, let campaign = m.campaign,
          let urgency = m.urgency
        {
          x *= urgency.needMultiplier(period: period, campaign: campaign)
        }
        return x
      }
    }
    competitionLog = (0...s.periods).map {
      log(s.calendar.competition(month: calendarMonth(Swift.max(1, $0))))
    }
    inCampaign = s.arms.map { arm in
      (0...s.periods).map { p in arm.marketing?.campaign?.contains(p) ?? false }
    }
    referral = s.arms.map { $0.marketing?.referral }
    referralLog = referral.map { log(Swift.max(1e-12, $0?.warmResponse ?? 1)) }
    points = s.arms.map { $0.marketing?.points }
    fatigue = s.fatigue
    decay = Float(s.fatigue.monthlyDecay)
    lambda = Float(s.fatigue.lambda)
    capacityShare = Self.capacityShares(s)
    usesGraph = s.usesReferrals
    graph = s.socialGraph
    let bans =
      s.macro.map { MacroPath($0, periods: s.periods).channelBans } ?? [:]
    bannedFrom = s.channels.map { bans[$0.name] ?? Int.max }
  }

  /// Per arm × phase (0 outside, 1 inside the campaign) × segment × channel: the probability of
  /// a contact (the strategy's, campaign's or arm's intensity × segment affinity × the hidden
  /// segments' fraud exposure, at most 1).
  static func contactProbabilities(_ s: Scenario, segments: Int) -> [Double] {
    let channelCount = s.channels.count
    let arms = s.arms.count
    var contact = [Double](
      repeating: 0, count: arms * 2 * segments * Swift.max(1, channelCount))
    for (a, arm) in s.arms.enumerated() {
      guard let m = arm.marketing else { continue }
      for phase in 0..<2 {
        for g in 0..<segments {
          let strategy = m.segmentStrategies.first { $0.segments.contains(g) }
          let intensity =
            strategy?.channelIntensity
            ?? (phase == 1 ? m.campaignChannelIntensity : nil)
            ?? m.channelIntensity
          for (c, channel) in s.channels.enumerated() {
            let fraud = s.hiddenSegments[g] ? channel.fraudExposure : 1
            let affinity =
              channel.segmentAffinity.isEmpty ? 1 : channel.segmentAffinity[g]
            contact[((a * 2 + phase) * segments + g) * channelCount + c] =
              Swift.min(
                1, intensity[c] * affinity * fraud)
          }
        }
      }
    }
    return contact
  }

  /// The offer variants per arm × phase × segment × tier qualification (see ``variant(arm:inCampaign:segment:tierQualifies:)``).
  static func offerVariants(
    _ s: Scenario,
    base: (terms: [PlanTerms], rate: [Double], constant: [Double]),
    segments: Int
  ) -> [OfferVariant] {
    var variants: [OfferVariant] = []
    for (a, arm) in s.arms.enumerated() {
      let m = arm.marketing
      for phase in 0..<2 {
        for g in 0..<segments {
          let strategy = m?.segmentStrategies.first { $0.segments.contains(g) }
          for tier in 0..<2 {
            var product: InstalmentProduct? = strategy?.offer
            if phase == 1 {
              if tier == 1, let privilege = m?.tierPrivilege {
                product = privilege.offer
              } else if let campaignOffer = m?.campaignOffer,
                strategy?.offer == nil
              {
                product = campaignOffer
              }
            }
            let plain =
              product.map { OfferVariant(product: $0, split: s.choice.split) }
              ?? OfferVariant(
                terms: base.terms[a],
                lenderFunded: arm.offer.subsidyFunder == .lender,
                splitConstant: base.constant[a], rate: base.rate[a])
            let v = plain.applying(
              Promotion.of(m, inCampaign: phase == 1, strategy: strategy))
            variants.append(v)
          }
        }
      }
    }
    return variants
  }

  /// Each channel's capacity split over chunks in proportion to their customers, by largest
  /// remainder, so the shares sum to the capacity whatever the thread count.
  static func capacityShares(_ s: Scenario) -> [[Int]] {
    let n = s.population.size
    let chunkCount = (n + ChunkState.size - 1) / ChunkState.size
    return s.channels.map { channel in
      guard let capacity = channel.capacityPerPeriod else {
        return [Int](repeating: Int.max, count: chunkCount)
      }
      var shares: [Int] = []
      var remainders: [(Double, Int)] = []
      for c in 0..<chunkCount {
        let size = Swift.min(n, (c + 1) * ChunkState.size) - c * ChunkState.size
        let exact = Double(capacity) * Double(size) / Double(n)
        shares.append(Int(exact.rounded(.down)))
        remainders.append((exact - exact.rounded(.down), c))
      }
      var left = capacity - shares.reduce(0, +)
      for (_, c) in remainders.sorted(by: {
        $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1
      }) {
        guard left > 0 else { break }
        shares[c] += 1
        left -= 1
      }
      return shares
    }
  }

  /// The variant index of a customer.
  @inline(__always)
  func variant(arm: Int, inCampaign: Bool, segment: Int, tierQualifies: Bool)
    -> Int
  {
    (((arm * 2) + (inCampaign ? 1 : 0)) * segments + segment) * 2
      + (tierQualifies ? 1 : 0)
  }
}
