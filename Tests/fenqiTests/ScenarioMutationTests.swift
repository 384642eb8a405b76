import Foundation
import Testing

/// The general guard against "validates, then traps".
///
/// Every shipped scenario is mutated (tiny populations, degenerate rates, odd names) and each
/// mutant is run by the real `fenqi` binary in its own process. A mutant must either be refused (exit 2, nothing written) or run (exit 0, a
/// complete folder) — never end on a signal.
@Suite struct ScenarioMutationTests {
  /// Every shipped scenario, by file name.
  static let shipped: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.contains("schema")
        && !$0.hasPrefix("calibrate-") && !$0.hasPrefix("optimize-")
    }
    .sorted()
  }()

  /// The `fenqi` binary built beside the test bundle.
  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("fenqi")
  }

  /// One edited copy of a scenario.
  struct Mutant {
    var label: String
    var json: [String: Any]
  }

  /// The mutants of one scenario (the third is the plain 150-customer one): sizes 1, 2 and 150; every fraction of a top-level section at 0,
  /// then at 1; odd arm and segment names.
  static func mutants(of base: [String: Any]) -> [Mutant] {
    var small = base
    Self.setSize(&small, 150)
    // A short burn-in keeps the risk-stack mutants quick; its minimum is what we test.
    if var stack = small["riskStack"] as? [String: Any] {
      stack["burnIn"] = ["customers": 2_000, "months": 3, "outcomeMonths": 2]
      small["riskStack"] = stack
    }
    var out: [Mutant] = []
    for size in [1, 2, 150] {
      var m = small
      Self.setSize(&m, size)
      out.append(Mutant(label: "size \(size)", json: m))
    }
    for key in small.keys.sorted() where key != "population" {
      for value in [0.0, 1.0] {
        var m = small
        guard let section = m[key], Self.hasFraction(section) else { continue }
        m[key] = Self.settingFractions(section, to: value)
        out.append(Mutant(label: "\(key) fractions = \(value)", json: m))
      }
    }
    for value in [0.0, 1.0] {
      var m = small
      var population = m["population"] as? [String: Any] ?? [:]
      population["segments"] = Self.settingFractions(
        population["segments"] ?? [], to: value)
      m["population"] = population
      out.append(Mutant(label: "segment fractions = \(value)", json: m))
    }
    var odd = small
    let names = [
      "a,b", "quote\"d", "<script>alert(1)</script>", "pipe|cell", "=cmd()",
      "分期,测试", String(repeating: "x", count: 120),
    ]
    if var arms = odd["arms"] as? [[String: Any]] {
      for a in arms.indices {
        arms[a]["name"] = names[a % names.count] + "\(a)"
      }
      odd["arms"] = arms
    }
    out.append(Mutant(label: "odd arm names", json: odd))
    return out
  }

  static func setSize(_ json: inout [String: Any], _ size: Int) {
    var population = json["population"] as? [String: Any] ?? [:]
    population["size"] = size
    json["population"] = population
  }

  static func hasFraction(_ value: Any) -> Bool {
    // Booleans are 0 or 1, never strictly between.
    if let n = value as? NSNumber {
      return n.doubleValue > 0 && n.doubleValue < 1
    }
    if let o = value as? [String: Any] {
      return o.values.contains(where: hasFraction)
    }
    if let a = value as? [Any] { return a.contains(where: hasFraction) }
    return false
  }

  /// The value with every number strictly between 0 and 1 set to `x`.
  static func settingFractions(_ value: Any, to x: Double) -> Any {
    if let n = value as? NSNumber, n.doubleValue > 0, n.doubleValue < 1 {
      return x
    }
    if let o = value as? [String: Any] {
      return o.mapValues { settingFractions($0, to: x) }
    }
    if let a = value as? [Any] { return a.map { settingFractions($0, to: x) } }
    return value
  }

  /// Runs `fenqi` with `arguments`; returns how it ended.
  static func run(_ arguments: [String]) throws -> (
    status: Int32, signalled: Bool, stderr: String
  ) {
    let p = Process()
    p.executableURL = binary
    p.arguments = arguments
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let text = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (
      p.terminationStatus, p.terminationReason == .uncaughtSignal,
      String(decoding: text, as: UTF8.self)
    )
  }

  @Test(arguments: shipped)
  func everyMutantIsRefusedOrRuns(file: String) throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.binary.path),
      "no fenqi binary beside the tests at \(Self.binary.path)")
    let url = repositoryRoot.appendingPathComponent("Scenarios/\(file)")
    let base = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        as? [String: Any])
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-mutants-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var ran = 0
    for (k, mutant) in Self.mutants(of: base).enumerated() {
      let path = folder.appendingPathComponent("m\(k).json")
      try JSONSerialization.data(withJSONObject: mutant.json).write(to: path)
      let out = folder.appendingPathComponent("out\(k)")
      let r = try Self.run([
        "run", path.path, "--out", out.path, "--threads", "1", "--quiet",
      ])
      let what = "\(file), \(mutant.label)"
      #expect(
        !r.signalled && (r.status == 0 || r.status == 2),
        "\(what): exit \(r.status)\(r.signalled ? " (signal)" : ""): \(r.stderr.prefix(400))"
      )
      if r.status == 0 {
        ran += 1
        #expect(
          FileManager.default.fileExists(
            atPath: out.appendingPathComponent("summary.json").path), "\(what)")
      } else if r.status == 2 {
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(what)")
        #expect(!r.stderr.isEmpty, "\(what): refused without a message")
      }
    }
    // Replicated experiments and stress runs of the small scenario end the same way.
    let small = folder.appendingPathComponent("small.json")
    try JSONSerialization.data(withJSONObject: Self.mutants(of: base)[2].json)
      .write(to: small)
    var extra: [[String]] = []
    if base["experiment"] != nil {
      extra.append(["run", small.path, "--replicates", "3"])
    }
    if base["macro"] != nil {
      extra.append(["stress", small.path, "--paths", "3"])
    }
    for (k, words) in extra.enumerated() {
      let out = folder.appendingPathComponent("extra\(k)")
      let r = try Self.run(
        words + ["--out", out.path, "--threads", "1", "--quiet"])
      #expect(
        !r.signalled && (r.status == 0 || r.status == 2),
        "\(file), \(words[0]) \(words[2...].joined(separator: " ")): exit \(r.status): \(r.stderr.prefix(400))"
      )
    }
    // The guard is not vacuous: the plain small sizes of every scenario run.
    #expect(ran >= 3, "\(file): only \(ran) mutants ran")
  }
}
