import FenqiCalibration
import FenqiCore
import FenqiCredit
import Testing

@Suite struct TapeMomentsTests {
  static let tolerance = 1e-12

  static func value(_ m: TapeMoments, _ name: String) -> Double? {
    m[name]?.value
  }

  @Test func vintageCurvesMatchHandComputedValuesWithCensoring() throws {
    let m = TapeMoments.compute(
      TapeFixtures.tape(TapeFixtures.handBuilt), minimumCount: 1)
    #expect(m.loans == 4)
    // D is open and observed to month 2 only: 4 loans observable to months 1–2, 3 after.
    let observable = [4, 4, 3, 3, 3, 3]
    let ever30 = [0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3]
    let ever90 = [0, 0, 0, 0, 1.0 / 3, 1.0 / 3]
    let prepaid = [0, 0.25, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3]
    // 800 written off of A by month 6, over the principal of A, B and C (4,000).
    let chargeOff = [0, 0, 0, 0, 0, 0.2]
    for k in 1...6 {
      let name = MomentName.vintage(.ever30, month: k)
      #expect(m[name]?.count == observable[k - 1], "\(name)")
      let expected: [(VintageMeasure, Double)] = [
        (.ever30, ever30[k - 1]), (.ever90, ever90[k - 1]),
        (.prepaid, prepaid[k - 1]), (.chargeOff, chargeOff[k - 1]),
      ]
      for (measure, x) in expected {
        let name = MomentName.vintage(measure, month: k)
        let v = try #require(Self.value(m, name), "\(name)")
        #expect(abs(v - x) < Self.tolerance, "\(name): \(v) vs \(x)")
      }
    }
    #expect(m[MomentName.vintage(.ever30, month: 7)] == nil)
  }

  @Test func rollMatrixAndCureRatesMatchHandCounts() throws {
    let m = TapeMoments.compute(
      TapeFixtures.tape(TapeFixtures.handBuilt), minimumCount: 1)
    // Out of current: A 0→1 current, 1→2 to 1-30; B current, prepaid; C 0→1 to 1-30, 2→3
    // repaid; D current twice: 8 transitions.
    let expected: [(String, Double, Int)] = [
      ("roll.current.current", 0.5, 8), ("roll.current.1-30", 0.25, 8),
      ("roll.current.prepaid", 0.125, 8), ("roll.current.repaid", 0.125, 8),
      ("roll.current.charged_off", 0, 8), ("roll.1-30.31-60", 0.5, 2),
      ("roll.1-30.current", 0.5, 2), ("roll.31-60.61-90", 1, 1),
      ("roll.61-90.90+", 1, 1), ("roll.90+.charged_off", 1, 1),
      ("roll.90+.current", 0, 1), ("cure.1-30", 0.5, 2), ("cure.90+", 0, 1),
      ("principal.mean", 1750, 4), ("term.3.share", 0.5, 4),
      ("term.6.share", 0.5, 4),
    ]
    for (name, x, n) in expected {
      let moment = try #require(m[name], "\(name)")
      #expect(abs(moment.value - x) < Self.tolerance, "\(name)")
      #expect(moment.count == n, "\(name)")
    }
    for from in DelinquencyBucket.allCases {
      let row = RollTarget.allCases.compactMap {
        m[MomentName.roll(from: from, to: $0)]?.value
      }
      #expect(row.count == RollTarget.allCases.count)
      #expect(abs(row.reduce(0, +) - 1) < Self.tolerance, "\(from.name)")
    }
  }

  @Test func minimumCountDropsThinMonthsAndRows() {
    let m = TapeMoments.compute(
      TapeFixtures.tape(TapeFixtures.handBuilt), minimumCount: 4)
    #expect(m[MomentName.vintage(.ever30, month: 2)] != nil)
    #expect(m[MomentName.vintage(.prepaid, month: 3)] == nil)
    #expect(m["roll.current.current"] != nil)
    #expect(m["roll.1-30.current"] == nil)
    #expect(m["cure.1-30"] == nil)
    let names = m.moments.map(\.name)
    #expect(
      names.prefix(3) == ["ever30.mob01", "ever30.mob02", "ever90.mob01"])
    #expect(
      names.suffix(3) == ["principal.mean", "term.3.share", "term.6.share"])
  }

  @Test func rowsAppendedMonthByMonthGiveTheSameMoments() {
    let rows = TapeFixtures.handBuilt
    // Calendar order, as a simulation appends them.
    let byPeriod = rows.enumerated().sorted {
      let a = $0.element.originationPeriod + $0.element.monthOnBook
      let b = $1.element.originationPeriod + $1.element.monthOnBook
      return a != b ? a < b : $0.offset < $1.offset
    }.map(\.element)
    let grouped = TapeFixtures.tape(rows)
    let interleaved = TapeFixtures.tape(byPeriod)
    #expect(!interleaved.isGroupedByLoan)
    #expect(
      TapeMoments.compute(interleaved, minimumCount: 1).moments.map(\.value)
        == TapeMoments.compute(grouped, minimumCount: 1).moments.map(\.value))
  }

  @Test func bootstrapErrorOfAShareIsCloseToTheBinomialError() throws {
    let n = 20_000
    let share = 0.2
    let tape = TapeFixtures.prepaidShare(loans: n, share: share, seed: 11)
    let m = TapeMoments.compute(tape, replicates: 400, seed: 3, threads: 2)
    let moment = try #require(m["prepaid.mob01"])
    let analytic = (moment.value * (1 - moment.value) / Double(n)).squareRoot()
    // The estimate recovers the known share within 4 binomial standard errors.
    #expect(abs(moment.value - share) < 4 * analytic)
    // 400 replicates estimate a standard error to about ±3.5%; allow 12%.
    #expect(
      abs(moment.standardError / analytic - 1) < 0.12,
      "bootstrap \(moment.standardError) vs binomial \(analytic)")
    #expect(m["term.1.share"]?.standardError == 0)
    #expect(m.bootstrap == 400 && m.seed == 3)
  }

  @Test(arguments: [1, 3])
  func bootstrapIsIdenticalForAnyThreadCount(threads: Int) {
    let tape = TapeFixtures.prepaidShare(loans: 3_000, share: 0.3, seed: 5)
    let one = TapeMoments.compute(tape, replicates: 50, seed: 9, threads: 2)
    let other = TapeMoments.compute(
      tape, replicates: 50, seed: 9, threads: threads)
    #expect(one == other)
    #expect(MomentsFile.text(one) == MomentsFile.text(other))
    let reseeded = TapeMoments.compute(tape, replicates: 50, seed: 10)
    #expect(
      reseeded["prepaid.mob01"]?.standardError
        != one["prepaid.mob01"]?.standardError)
    #expect(reseeded["prepaid.mob01"]?.value == one["prepaid.mob01"]?.value)
  }

  @Test func plainComputeHasNoStandardErrors() {
    let m = TapeMoments.compute(TapeFixtures.tape(TapeFixtures.handBuilt))
    #expect(m.bootstrap == 0)
    #expect(m.moments.allSatisfy { $0.standardError == 0 })
    // Four loans are too few for any ratio at the default minimum of 30.
    #expect(
      m.moments.map(\.name) == [
        "principal.mean", "term.3.share", "term.6.share",
      ])
  }
}
