import FenqiCore
import FenqiPopulation
import Testing

@Suite struct FirmColumnsTests {
  static let profile: FirmProfile = {
    var p = FirmProfile(sectors: [
      .init(name: "m", share: 0.6, peakMonth: 11, seasonalAmplitude: 0.4),
      .init(name: "r", share: 0.4, peakMonth: 12, seasonalAmplitude: 0.2),
    ])
    p.receivableDaysMin = 30
    p.receivableDaysMax = 120
    return p
  }()

  static let spec = PopulationSpec(
    size: 20_000,
    segments: [
      SegmentProfile(name: "people", share: 0.5),
      SegmentProfile(name: "firms", share: 0.5, borrower: .firm),
    ],
    correlations: [])

  @Test func onlyFirmsGetFirmAttributesWithinTheirRanges() throws {
    let c = try PopulationGenerator(spec: Self.spec).generate(
      range: 0..<20_000, seed: 3)
    let f = FirmColumns(
      customers: c, isFirm: [false, true], profile: Self.profile, seed: 3)
    var sectorM = 0.0
    var firms = 0.0
    for i in 0..<c.count {
      if c.segment[i] == 0 {
        #expect(f.employees[i] == 0 && f.receivableDays[i] == 0)
        continue
      }
      firms += 1
      if f.sector[i] == 0 { sectorM += 1 }
      #expect((30...120).contains(Int(f.receivableDays[i])))
      #expect(f.employees[i] >= 1 && f.yearsTrading[i] > 0)
      let base = f.sector[i] == 0 ? 0.4 : 0.2
      #expect(Double(f.amplitude[i]) >= base * 0.5 - 1e-6)
      #expect(Double(f.amplitude[i]) <= base * 1.5 + 1e-6)
      #expect((1...4).contains(f.receivableLag(i)))
    }
    // Sector shares within four standard errors of the profile's 60%.
    #expect(abs(sectorM / firms - 0.6) < 4 * (0.24 / firms).squareRoot())
  }

  @Test func firmAttributesDependOnlyOnTheSeedAndTheFirm() throws {
    let g = try PopulationGenerator(spec: Self.spec)
    let whole = g.generate(range: 0..<4_000, seed: 9)
    let tail = g.generate(range: 2_000..<4_000, seed: 9)
    let a = FirmColumns(
      customers: whole, isFirm: [false, true], profile: Self.profile, seed: 9)
    let b = FirmColumns(
      customers: tail, isFirm: [false, true], profile: Self.profile, seed: 9)
    #expect(Array(a.receivableDays[2_000...]) == b.receivableDays)
    #expect(Array(a.amplitude[2_000...]) == b.amplitude)
  }

  /// One harmonic: 1 + a at the peak month, 1 − a six months away, 1 three months away.
  @Test(arguments: [
    (11, 10, 1.4), (11, 4, 0.6), (11, 1, 1.0), (1, 0, 1.4), (12, 5, 0.6),
  ])
  func revenueIndexFollowsTheCycle(peak: Int, month: Int, expected: Double) {
    let x = FirmProfile.revenueIndex(
      amplitude: 0.4, peakMonth: peak, calendarMonth: month)
    #expect(abs(x - expected) < 1e-12)
  }
}
