import FenqiCore
import FenqiModels
import Foundation
import Testing

/// Samples with known distributions, drawn from counter-based streams.
enum KnownSample {
  /// `rows` rows: x log-normal (median 100, σ 0.5, two decimals, 10% missing), n = the integer
  /// part of 20 + 5·z₁ (numeric with many values), c a category with shares 0.5 / 0.3 / 0.2,
  /// b = 1{z₂ > 0.3} as "yes"/"no"; z₁ and x's normal have correlation `rho`, z₂ and x's normal
  /// correlation `rho` too.
  static func table(rows: Int, rho: Double, seed: UInt64) -> FeatureTable {
    var x: [Double] = []
    var n: [Double] = []
    var c: [Int32] = []
    var b: [Int32] = []
    let family = StreamFamily(seed: seed, period: 0, purpose: .modelRowSample)
    let side = (1 - rho * rho).squareRoot()
    for r in 0..<rows {
      var rng = family.stream(for: UInt64(r))
      let z0 = rng.normal()
      let z1 = rho * z0 + side * rng.normal()
      let z2 = rho * z0 + side * rng.normal()
      let u = rng.uniform()
      let missing = rng.uniform() < 0.1
      x.append(missing ? .nan : ((100 * exp(0.5 * z0)) * 100).rounded() / 100)
      n.append((20 + 5 * z1).rounded(.down))
      c.append(u < 0.5 ? 0 : u < 0.8 ? 1 : 2)
      b.append(z2 > 0.3 ? 1 : 0)
    }
    return FeatureTable(
      names: ["x", "n", "c", "b"],
      columns: [
        .numeric(x), .numeric(n),
        .categorical(codes: c, levels: ["p", "q", "r"]),
        .categorical(codes: b, levels: ["no", "yes"]),
      ], rowCount: rows)
  }

  /// Spearman's correlation of two numeric columns (missing rows dropped), by the fidelity code.
  static func spearman(_ table: FeatureTable, _ a: Int, _ b: Int) throws
    -> Double
  {
    guard case .numeric(let x) = table.columns[a],
      case .numeric(let y) = table.columns[b]
    else { throw SynthesisFailure.emptySample }
    let kept = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
    let small = FeatureTable(
      names: ["a", "b"],
      columns: [.numeric(kept.map { x[$0] }), .numeric(kept.map { y[$0] })],
      rowCount: kept.count)
    let synthesizer = try CopulaSynthesizer(fitting: small)
    // The rank-correlation error against a copy with one column reversed is |ρ − (−ρ)| = 2|ρ|.
    let reversed = FeatureTable(
      names: ["a", "b"],
      columns: [.numeric(kept.map { x[$0] }), .numeric(kept.map { -y[$0] })],
      rowCount: kept.count)
    let summary = FidelitySummary(
      sample: small, synthetic: reversed, synthesizer: synthesizer)
    return summary.rankCorrelationError / 2
  }
}

@Suite struct SynthesisTests {
  @Test func interpolatedQuantilesFollowHyndmanFanType5() {
    let sorted: [Double] = [1, 2, 4, 8]
    let cases: [(Double, Double)] = [
      (0, 1), (0.125, 1), (0.25, 1.5), (0.5, 3), (0.8, 6.8), (1, 8),
    ]
    sorted.withUnsafeBufferPointer { s in
      for (p, expected) in cases {
        #expect(
          abs(EmpiricalQuantile.interpolatedOfSorted(s, p) - expected) < 1e-12,
          "p \(p)")
      }
    }
  }

  @Test func columnsAreNumericOnlyWithMoreThanTenDistinctNumbers() throws {
    let table = try CSVTableLoader.parse(
      bytes: Array(
        "few,many,text,decimals\n1,1,a,0.5\n2,2,b,1.25\n1,3,a,2\n2,4,b,\n,5,a,3\n1,6,a,4\n1,7,a,5\n1,8,a,6\n1,9,a,7\n1,10,a,8\n1,11,a,9\n1,12,a,10\n"
          .utf8))
    let kinds = SynthesisColumn.classify(table).map(\.kind)
    #expect(kinds[0] == .categorical(levels: ["1", "2"], numbers: [1, 2]))
    #expect(kinds[1] == .numeric(decimals: 0))
    #expect(kinds[2] == .categorical(levels: ["a", "b"], numbers: nil))
    #expect(kinds[3] == .numeric(decimals: 2))
  }

  @Test func marginsRecoverKnownDistributions() throws {
    let sample = KnownSample.table(rows: 20_000, rho: 0.5, seed: 7)
    let synthesizer = try CopulaSynthesizer(fitting: sample)
    // Refusing copies would redraw rows with x missing: with only three other columns, most of
    // their combinations are in the sample.
    let synthetic = try synthesizer.sample(
      rows: 20_000, seed: 3, avoidingCopies: false
    ).table
    guard case .numeric(let x) = synthetic.columns[0],
      case .categorical(let c, _) = synthetic.columns[2]
    else { throw SynthesisFailure.emptySample }
    let present = x.filter { !$0.isNaN }.sorted()
    // Missing share 0.1; log-normal median 100 and quartiles 100·e^(±0.5·0.6745).
    #expect(abs(Double(x.count - present.count) / 20_000 - 0.1) < 0.01)
    let quartiles = [0.25, 0.5, 0.75].map {
      EmpiricalQuantile.ofSorted(present, $0)
    }
    let truth = [-0.674_49, 0, 0.674_49].map { 100 * exp(0.5 * $0) }
    for (q, t) in zip(quartiles, truth) {
      #expect(abs(q / t - 1) < 0.03, "\(q) vs \(t)")
    }
    // Two decimals, as in the sample.
    #expect(present.allSatisfy { abs($0 * 100 - ($0 * 100).rounded()) < 1e-6 })
    for (code, share) in [0.5, 0.3, 0.2].enumerated() {
      let found = Double(c.filter { $0 == Int32(code) }.count) / 20_000
      #expect(abs(found - share) < 0.015, "level \(code): \(found)")
    }
  }

  @Test(arguments: [0.0, 0.3, 0.6, 0.9])
  func copulaRecoversAKnownRankCorrelation(rho: Double) throws {
    let sample = KnownSample.table(rows: 10_000, rho: rho, seed: 11)
    let synthesizer = try CopulaSynthesizer(fitting: sample)
    // x = 100·e^(z₀/2) and n = ⌊20 + 5·z₁⌋ with corr(z₀, z₁) = ρ; the Spearman correlation
    // of a bivariate normal is (6/π)·asin(ρ/2) (Pearson 1907).
    let expected = 6 / Double.pi * asin(rho / 2)
    let synthetic = try synthesizer.sample(rows: 10_000, seed: 5).table
    let found = try KnownSample.spearman(synthetic, 0, 1)
    #expect(
      abs(found - expected) < 0.03, "Spearman \(found), expected \(expected)")
    // The tie correction recovers the latent correlation of a 0/1 column: ρ between x (whose
    // 10% missing values are random, so its present values still correlate ρ) and b, ρ² between
    // n and b. x's missingness is a fifth coordinate, uncorrelated with the rest.
    let d = synthesizer.latentDimension
    #expect(d == 5 && synthesizer.missingCoordinates == [4, nil, nil, nil])
    let r = synthesizer.segments[0].correlation
    #expect(
      abs(r[3 * d + 0] - rho) < 0.05, "x–b latent \(r[3 * d]), expected \(rho)")
    #expect(abs(r[3 * d + 1] - rho * rho) < 0.05, "n–b latent \(r[3 * d + 1])")
    #expect((0..<4).allSatisfy { abs(r[4 * d + $0]) < 0.05 })
  }

  @Test func sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
    let sample = try GermanCredit.table()
    let synthesizer = try CopulaSynthesizer(
      fitting: sample, options: .init(by: "housing", orderBy: "creditability"))
    let a = try synthesizer.sample(rows: 500, seed: 42).table.csvText
    let b = try synthesizer.sample(rows: 500, seed: 42).table.csvText
    let c = try synthesizer.sample(rows: 500, seed: 43).table.csvText
    #expect(a == b)
    #expect(a != c)
    // The text reads back into the same table.
    let back = try CSVTableLoader.parse(bytes: Array(a.utf8))
    #expect(back.csvText == a)
  }

  @Test func noSyntheticRowCopiesASampleRow() throws {
    let sample = try GermanCredit.table()
    let synthesizer = try CopulaSynthesizer(fitting: sample)
    let synthetic = try synthesizer.sample(rows: 3000, seed: 1).table
    let lines = Set(sample.csvText.split(separator: "\n").dropFirst())
    #expect(
      !synthetic.csvText.split(separator: "\n").dropFirst().contains {
        lines.contains($0)
      })
  }

  @Test func rowsThatCopyAreDrawnAgainAndCounted() throws {
    // Three of the four combinations are in the sample: every synthetic row must be (2, x).
    let sample = try CSVTableLoader.parse(
      bytes: Array("a,b\n1,x\n2,y\n1,y\n".utf8))
    let synthesizer = try CopulaSynthesizer(fitting: sample)
    let result = try synthesizer.sample(rows: 50, seed: 9)
    #expect(result.redrawnRows > 0)
    #expect(
      result.table.csvText == "a,b\n" + String(repeating: "2,x\n", count: 50))
    let copies = try CSVTableLoader.parse(bytes: Array("a\n1\n2\n".utf8))
    #expect(
      throws: SynthesisFailure.copies(
        row: 0, attempts: CopulaSynthesizer.maxDraws)
    ) {
      try CopulaSynthesizer(fitting: copies).sample(rows: 3, seed: 1)
    }
  }

  struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var run: @Sendable () throws -> Void
    var testDescription: String { name }
  }

  @Test(arguments: [
    BadInput(
      name: "ragged row",
      message: "line 3 has 3 cells, but the header has 2",
      run: {
        _ = try CSVTableLoader.parse(bytes: Array("a,b\n1,x\n2,y,3\n".utf8))
      }),
    BadInput(
      name: "no rows", message: "'--rows' expects a positive integer, found 0",
      run: {
        _ = try CopulaSynthesizer(fitting: GermanCredit.table()).sample(
          rows: 0, seed: 1)
      }),
    BadInput(
      name: "unknown by",
      message:
        "'--by': the sample has no column 'housng'; did you mean 'housing'? (columns: status_of_existing_checking_account, duration_in_month, credit_history, purpose, credit_amount, savings_account_and_bonds, present_employment_since, installment_rate_in_percentage_of_disposable_income, personal_status_and_sex, other_debtors_or_guarantors, present_residence_since, property, age_in_years, other_installment_plans, housing, number_of_existing_credits_at_this_bank, job, number_of_people_being_liable_to_provide_maintenance_for, telephone, foreign_worker, creditability)",
      run: {
        _ = try CopulaSynthesizer(
          fitting: GermanCredit.table(), options: .init(by: "housng"))
      }
    ),
    BadInput(
      name: "numeric by",
      message:
        "'--by age_in_years': expected a categorical column or one with at most 10 distinct numbers, found a numeric column with more",
      run: {
        _ = try CopulaSynthesizer(
          fitting: GermanCredit.table(), options: .init(by: "age_in_years"))
      }),
  ])
  func badInputNamesWhereAndWhat(_ c: BadInput) {
    do {
      try c.run()
      Issue.record("\(c.name) was accepted")
    } catch let e as CSVTableLoader.Failure {
      #expect(e.description == c.message)
    } catch let e as SynthesisFailure {
      #expect(e.description == c.message)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func distancesMatchHandComputedValues() throws {
    // x: the sample has 1…11 and one missing value (12 rows, numeric: more than ten numbers); the
    // synthetic rows have 1 eight times, then 12, 13, 14, 15. KS: at the missing point 1/12 vs
    // 0; at 1, 2/12 vs 8/12, the largest gap, ½. c: a a b missing … shares a ½, b ¼, missing ¼
    // against a ¼, b ¾: TV = ½·(¼ + ½ + ¼) = ½.
    let sample = FeatureTable(
      names: ["x", "c"],
      columns: [
        .numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, .nan]),
        .categorical(
          codes: [0, 0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1], levels: ["a", "b"]),
      ],
      rowCount: 12)
    let synthetic = FeatureTable(
      names: ["x", "c"],
      columns: [
        .numeric([1, 1, 1, 1, 1, 1, 1, 1, 12, 13, 14, 15]),
        .categorical(
          codes: [0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1], levels: ["a", "b"]),
      ],
      rowCount: 12)
    let summary = FidelitySummary(
      sample: sample, synthetic: synthetic,
      synthesizer: try CopulaSynthesizer(fitting: sample))
    #expect(summary.columns.map(\.distance) == [0.5, 0.5])
    #expect(summary.columns.map(\.metric) == [.ks, .totalVariation])
    #expect(summary.meanColumnDistance == 0.5)
  }

  /// The figures the README quotes for `fenqi synthesize german_credit.csv --rows 1000
  /// --target creditability` (seed 1).
  @Test func germanCreditFidelityMeetsItsTargets() throws {
    let sample = try GermanCredit.table()
    let options = CopulaSynthesizer.Options(orderBy: "creditability")
    let tstr = try TrainOnSynthetic(
      sample: sample,
      settings: .init(
        target: "creditability", seed: 1, options: options)
    )
    let synthesizer = try CopulaSynthesizer(fitting: sample, options: options)
    let synthetic = try synthesizer.sample(rows: 1000, seed: 1)
    let summary = FidelitySummary(
      sample: sample, synthetic: synthetic.table, synthesizer: synthesizer,
      redrawnRows: synthetic.redrawnRows, trainOnSynthetic: tstr)
    #expect(summary.meanColumnDistance <= 0.05)
    #expect(summary.rankCorrelationError <= 0.05)
    #expect(tstr.positive == "bad")
    #expect(
      abs(tstr.gap) <= 0.03,
      "real \(tstr.realAUC) synthetic \(tstr.syntheticAUC)")
    #expect(
      tstr.trainRows == 691 && tstr.heldOutRows == 309
        && tstr.syntheticRows == 5000)
  }
}
