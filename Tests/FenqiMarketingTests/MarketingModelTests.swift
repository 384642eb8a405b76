import FenqiCore
import FenqiCredit
import FenqiMarketing
import Foundation
import Testing

@Suite struct MarketingModelTests {
  @Test(arguments: [0.5, 1.5, 3.0])
  func fatigueCurveEqualsItsFormula(halfLife: Double) {
    let model = FatigueModel(halfLifeMonths: halfLife, lambda: 0.3)
    // Contacts in months 0, 1 and 4; F(t) = Σ 2^(−(t − tₖ)/h) over contacts up to t.
    var stock = 0.0
    for month in 0...8 {
      stock *= model.monthlyDecay
      if [0, 1, 4].contains(month) { stock += 1 }
      let expected = [0, 1, 4].filter { $0 <= month }
        .reduce(0.0) { $0 + pow(2, -Double(month - $1) / halfLife) }
      #expect(abs(stock - expected) < 1e-12)
      #expect(
        abs(model.responseMultiplier(stock) - exp(-0.3 * expected)) < 1e-12)
    }
    #expect(abs(model.decayed(1, months: halfLife) - 0.5) < 1e-15)
    #expect(model.optOutProbability(10) > model.optOutProbability(1))
  }

  @Test func frequencyCapCountsOnlyItsWindow() {
    let cap = FrequencyCap(contacts: 2, months: 3)
    // Contacted 1 and 2 months ago (bits 1, 2): the window of 3 months is full.
    #expect(!cap.allows(history: 0b110))
    // Contacted 3 months ago: outside the window.
    #expect(cap.allows(history: 0b1000))
    #expect(FrequencyCap.age(0b011) == 0b110)
  }

  @Test func probabilityWeightingOverweightsSmallChances() {
    #expect(
      ProbabilityWeighting.weight(0) == 0 && ProbabilityWeighting.weight(1) == 1
    )
    let p = 0.001
    let w = ProbabilityWeighting.weight(p)
    // w(p) = p^γ / (p^γ + (1 − p)^γ)^(1/γ) at γ = 0.61.
    let g = 0.61
    let expected = pow(p, g) / pow(pow(p, g) + pow(1 - p, g), 1 / g)
    #expect(abs(w - expected) < 1e-15)
    #expect(w > 10 * p)
    #expect(ProbabilityWeighting.weight(0.9) < 0.9)
  }

  @Test func referralRewardsAreStepped() {
    let programme = ReferralProgramme(
      steps: [.init(from: 1, reward: 10), .init(from: 3, reward: 30)],
      inviteBase: 0.02, invitePerYuan: 0.001, warmResponse: 2)
    #expect(
      (1...5).map { programme.reward(forReferral: $0) } == [10, 10, 30, 30, 30])
    #expect(abs(programme.inviteProbability(successes: 0) - 0.03) < 1e-15)
    #expect(abs(programme.inviteProbability(successes: 2) - 0.05) < 1e-15)
  }

  @Test func urgencyPullsDemandForwardAndPaysItBack() {
    let campaign = Campaign(start: 10, end: 11)
    let urgency = Urgency(pullForward: 0.3, dipMonths: 3)
    let multipliers = (1...16).map {
      urgency.needMultiplier(period: $0, campaign: campaign)
    }
    #expect(multipliers[9] == 1.3 && multipliers[10] == 1.3)
    #expect(
      abs(multipliers[11] - 0.8) < 1e-12 && abs(multipliers[13] - 0.8) < 1e-12)
    #expect(multipliers[14] == 1)
    // Total need over the cycle is conserved.
    #expect(abs(multipliers.reduce(0, +) - 16) < 1e-12)
  }

  @Test func subsidyOfAnInterestFreePlanEqualsTheInterestItsScheduleForgoes() {
    for pricing in [
      InstalmentProduct.Pricing.annualRate(0.18), .flatMonthlyFee(0.006),
    ] {
      for (term, free) in [(12, 3), (12, 12), (6, 1), (24, 6)] {
        let full = InstalmentProduct(
          termMonths: term, pricing: pricing, interestFreePeriods: 0,
          subsidyFunder: .merchant)
        var promo = full
        promo.interestFreePeriods = free
        let principal = 10_000.0
        let forgone =
          Amortization.schedule(principal: principal, product: full).reduce(0) {
            $0 + $1.interest
          }
          - Amortization.schedule(principal: principal, product: promo).reduce(
            0
          ) {
            $0 + $1.interest
          }
        let terms = Amortization.terms(of: promo)
        #expect(abs(terms.merchantSubsidyPerYuan * principal - forgone) < 1e-6)
        #expect(abs(terms.interestForgonePerYuan * principal - forgone) < 1e-6)
        promo.subsidyFunder = .lender
        #expect(Amortization.terms(of: promo).merchantSubsidyPerYuan == 0)
      }
    }
  }

  @Test func topSelectionPicksExactlyTheBest() {
    var priority: [Float] = (0..<1000).map { Float(($0 * 7919) % 1000) / 1000 }
    priority[3] = -1
    priority[10] = -1
    var chosen = [Bool](repeating: false, count: 1000)
    let count = priority.withUnsafeBufferPointer { p in
      chosen.withUnsafeMutableBufferPointer {
        TopSelection.choose(priority: p, k: 100, chosen: $0)
      }
    }
    #expect(count == 100 && chosen.filter { $0 }.count == 100)
    let cutoff =
      priority.enumerated().filter { chosen[$0.offset] }.map(\.element).min()
      ?? 0
    let bestLeft =
      priority.enumerated().filter { !chosen[$0.offset] }.map(\.element).max()
      ?? 0
    #expect(cutoff >= bestLeft)
    #expect(!chosen[3] && !chosen[10])
  }

  @Test func socialGraphIsSymmetricHeavyTailedAndReproducible() {
    let settings = SocialGraph.Settings()
    let g = SocialGraph(
      firstIndex: 8192, count: 8192, block: 1, seed: 7, settings: settings)
    let h = SocialGraph(
      firstIndex: 8192, count: 8192, block: 1, seed: 7, settings: settings)
    #expect(g == h)
    var edges = Set<Int>()
    for i in 0..<g.count {
      for k in Int(g.offsets[i])..<Int(g.offsets[i + 1]) {
        let j = Int(g.neighbours[k])
        #expect(j != i)
        edges.insert(i * g.count + j)
      }
    }
    for e in edges {
      #expect(edges.contains((e % g.count) * g.count + e / g.count))
    }
    let degrees = (0..<g.count).map(g.degree)
    let mean = Double(degrees.reduce(0, +)) / Double(g.count)
    #expect(mean > 3 && mean < 9)
    #expect(Double(degrees.max() ?? 0) > 4 * mean)
    let other = SocialGraph(
      firstIndex: 8192, count: 8192, block: 1, seed: 8, settings: settings)
    #expect(other != g)
  }
}
