import FenqiCore
import FenqiPopulation
import Foundation
import Testing

@testable import FenqiSimulation

/// `population.fromSample`: customers drawn from a sample file's copula.
@Suite struct FromSampleTests {
  /// A sample of 4,000 rows in a fresh folder: income (log-normal, two decimals), age (whole
  /// years, correlated with income), tier (tier1…tier5), segment (four of the baseline's
  /// segments) and flag ("bad" more often at low incomes).
  static func sampleFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    var text = "income,age,tier,segment,flag\n"
    let family = StreamFamily(seed: 5, period: 0, purpose: .modelRowSample)
    let segments = ["highNetWorth", "potentialYoung", "mainstream", "risky"]
    for r in 0..<4000 {
      var rng = family.stream(for: UInt64(r))
      let z = rng.normal()
      let income = (8000 * exp(0.5 * z) * 100).rounded() / 100
      let age = Int(35 + 8 * (0.5 * z + 0.87 * rng.normal()))
      let tier = min(
        4, Int(rng.uniform() * 5 * (rng.uniform() < 0.5 ? 0.6 : 1)))
      let segment = segments[min(3, Int(rng.uniform() * 4))]
      let bad = rng.uniform() < 1 / (1 + exp(2 + 1.5 * z))
      text +=
        "\(income),\(min(80, max(18, age))),tier\(tier + 1),\(segment),\(bad ? "bad" : "good")\n"
    }
    try text.write(
      to: dir.appendingPathComponent("sample.csv"), atomically: true,
      encoding: .utf8)
    return dir
  }

  /// The baseline at `size` customers over 2 months, with `fromSample` set, written beside the
  /// sample.
  static func scenario(
    in dir: URL, size: Int = 20_000, fromSample: [String: Any]
  ) throws -> String {
    let url = repositoryRoot.appendingPathComponent("Scenarios/baseline.json")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        as? [String: Any])
    var population = try #require(json["population"] as? [String: Any])
    population["size"] = size
    population["fromSample"] = fromSample
    json["population"] = population
    json["periods"] = 2
    let file = dir.appendingPathComponent("scenario.json").path
    try JSONSerialization.data(withJSONObject: json).write(
      to: URL(fileURLWithPath: file))
    return file
  }

  static var mapping: [String: Any] {
    [
      "file": "sample.csv",
      "columns": ["monthlyIncome": "income", "age": "age", "cityTier": "tier"],
      "segment": "segment",
      "latentRisk": ["fromColumn": "flag", "order": ["good", "bad"]],
    ]
  }

  static func customers(_ scenario: Scenario, threads: Int) -> [CustomerColumns]
  {
    SimulationEngine(scenario: scenario, threads: threads).prepare().chunks.map(
      \.customers)
  }

  @Test func attributesFollowTheSampleMarginals() throws {
    let dir = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = try ScenarioLoader.load(
      path: try Self.scenario(in: dir, fromSample: Self.mapping)
    ).scenario
    let chunks = Self.customers(scenario, threads: 2)
    let income = chunks.flatMap(\.monthlyIncome).sorted()
    let age = chunks.flatMap(\.age).map(Double.init)
    let tier = chunks.flatMap(\.cityTier)
    let segment = chunks.flatMap(\.segment)
    let risk = chunks.flatMap(\.latentRisk).map(Double.init)
    #expect(income.count == 20_000)
    // The sample's own figures: its rows as cells.
    let rows = try String(
      contentsOf: dir.appendingPathComponent("sample.csv"), encoding: .utf8
    )
    .split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").map(String.init)
    }
    let sampleIncome = rows.compactMap { Double($0[0]) }.sorted()
    let sampleAge = rows.compactMap { Double($0[1]) }
    for p in [0.1, 0.25, 0.5, 0.75, 0.9] {
      let q = EmpiricalQuantile.ofSorted(income, p)
      let expected = EmpiricalQuantile.ofSorted(sampleIncome, p)
      #expect(
        abs(q / expected - 1) < 0.03,
        "income quantile \(p): \(q) vs \(expected)")
    }
    let ageMean = sampleAge.reduce(0, +) / Double(sampleAge.count)
    #expect(abs(age.reduce(0, +) / 20_000 - ageMean) < 0.3)
    for k in 0..<5 {
      let share = Double(tier.filter { $0 == k }.count) / 20_000
      let expected =
        Double(rows.filter { $0[2] == "tier\(k + 1)" }.count) / 4000
      #expect(
        abs(share - expected) < 0.015, "tier \(k + 1): \(share) vs \(expected)")
    }
    // Segments follow the sample's shares (a quarter each), not the scenario's.
    let names = ["highNetWorth", "potentialYoung", "mainstream", "risky"]
    for (k, name) in names.enumerated() {
      let share = Double(segment.filter { $0 == k }.count) / 20_000
      let expected = Double(rows.filter { $0[3] == name }.count) / 4000
      #expect(
        abs(share - expected) < 0.015,
        "segment \(name): \(share) vs \(expected)")
    }
    #expect(!segment.contains(4))
    let mean = risk.reduce(0, +) / 20_000
    let sd = (risk.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000)
      .squareRoot()
    #expect(
      abs(mean) < 0.05 && abs(sd - 1) < 0.05, "latent risk \(mean) ± \(sd)")
    let incomes = chunks.flatMap(\.monthlyIncome).map(log)
    let r = Self.correlation(incomes, risk)
    #expect(r < -0.2, "latent risk should fall with income, correlation \(r)")
  }

  @Test func thePopulationIsTheSameAtOneAndTwoThreads() throws {
    let dir = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var mapping = Self.mapping
    mapping["latentRisk"] = [
      "weights": ["income": -1, "age": 0.5], "noise": 1,
    ]
    let scenario = try ScenarioLoader.load(
      path: try Self.scenario(in: dir, fromSample: mapping)
    ).scenario
    let one = Self.customers(scenario, threads: 1)
    let two = Self.customers(scenario, threads: 2)
    #expect(one.count == 3)
    for (a, b) in zip(one, two) {
      #expect(
        a.monthlyIncome == b.monthlyIncome && a.age == b.age
          && a.cityTier == b.cityTier
          && a.segment == b.segment && a.latentRisk == b.latentRisk
          && a.creditScore == b.creditScore)
    }
    // And it runs.
    let result = SimulationEngine(scenario: scenario, threads: 2).run(
      SimulationEngine(scenario: scenario, threads: 2).prepare())
    #expect(!result.periods.isEmpty)
  }

  @Test func badMappingsAreNamedByTheirPaths() throws {
    let dir = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.scenario(
      in: dir,
      fromSample: [
        "file": "sample.csv",
        "columns": [
          "income": "income", "age": "agee", "creditScore": "tier",
          "cityTier": "segment",
          "latentRisk": "flag",
        ],
        "segment": "flag",
        "latentRisk": ["fromColumn": "flag"],
      ])
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: file)
    }
    let problems = Set(error?.problems.map(\.description) ?? [])
    let expected: Set<String> = [
      "$.population.fromSample.columns.income: unknown attribute \"income\"; did you mean \"monthlyIncome\"? (attributes: latentRisk, monthlyIncome, incomeStability, debtToIncome, creditHistoryMonths, priorDelinquencies, creditScore, age, cityTier, digitalAffinity, priceSensitivity, membershipTier, preferredChannel)",
      "$.population.fromSample.columns.age: the sample has no column \"agee\"; did you mean \"age\"? (columns: income, age, tier, segment, flag)",
      "$.population.fromSample.columns.creditScore: expected a numeric column for creditScore, found column \"tier\" of categories (such as \"tier2\")",
      "$.population.fromSample.columns.cityTier: expected categories of cityTier (tier1, tier2, tier3, tier4, tier5, or their indices 0–4), found \"mainstream\", \"risky\", \"potentialYoung\", \"highNetWorth\" in column \"segment\"",
      "$.population.fromSample.columns.latentRisk: latent risk is not copied from a column; set it with $.population.fromSample.latentRisk (\"fromColumn\" or \"weights\")",
      "$.population.fromSample.segment: column \"flag\" has values that name no segment of $.population.segments: \"good\", \"bad\" (segments: highNetWorth, potentialYoung, mainstream, risky, fraudRing)",
      "$.population.fromSample.latentRisk.order: missing required field (expected the levels of \"flag\" from the least to the most risky: \"good\", \"bad\")",
    ]
    #expect(problems == expected, "\(problems.subtracting(expected))")
    let empty = try Self.scenario(
      in: dir, fromSample: ["file": "sample.csv", "columns": [:]])
    let nothing = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: empty)
    }
    #expect(
      nothing?.problems.map(\.description) == [
        "$.population.fromSample.columns: expected at least one attribute mapped to a sample column (or a \"segment\" column, or a \"latentRisk\" rule)"
      ])
    let missing = try Self.scenario(
      in: dir, fromSample: ["file": "none.csv", "columns": ["age": "age"]])
    let notFound = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: missing)
    }
    #expect(
      notFound?.problems.map(\.description).first?.hasPrefix(
        "$.population.fromSample.file: cannot read the sample \"none.csv\": no such file (paths are relative to the scenario's folder;"
      ) == true, "\(notFound?.problems ?? [])")
  }

  static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) * (x[i] - mx)
      syy += (y[i] - my) * (y[i] - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }
}
