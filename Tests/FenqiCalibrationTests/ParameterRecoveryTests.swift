import FenqiCalibration
import FenqiCore
import Testing

@Suite struct ParameterRecoveryTests {
  /// Runs a calibration of the toy book in memory.
  static func calibrate(
    observedNoise: UInt64?, seed: Int = 11, draws: Int = 40, threads: Int = 2,
    budget: Int = 300, method: String = "bootstrap"
  ) throws -> CalibrationResult {
    let inputs = try ToyBook.inputs(
      ToyBook.calibrationText(
        budget: budget, seed: seed, draws: draws, method: method),
      moments: ToyBook.observedText(loans: 20_000, noiseSeed: observedNoise))
    let calibration = Calibration(
      inputs: inputs, simulator: ToyBook(loans: 20_000, seed: UInt64(seed)),
      threads: threads)
    return try calibration.run(store: InMemoryTrialStore(), progress: { _ in })
  }

  /// Observed moments at their true values: the estimate lands near the truth (within 5% of
  /// each box's width) and every interval covers it.
  @Test func recoversKnownParametersAndItsIntervalsCoverThem() throws {
    let r = try Self.calibrate(observedNoise: nil)
    for (k, p) in ToyBook.parameters.enumerated() {
      let width = p.max - p.min
      #expect(
        abs(r.estimate[k] - ToyBook.truth[k]) < 0.05 * width,
        "\(p.path): \(r.estimate[k]) vs \(ToyBook.truth[k])")
      let interval = try #require(r.intervals?[k])
      #expect(
        interval.low <= ToyBook.truth[k] && ToyBook.truth[k] <= interval.high,
        "\(p.path): [\(interval.low), \(interval.high)] misses \(ToyBook.truth[k])"
      )
      #expect(
        interval.low <= r.estimate[k] + 1e-12
          && r.estimate[k] <= interval.high + 1e-12)
    }
    #expect(r.records.count { $0.stage == .global } == 180)
    #expect(r.records.count { $0.stage == .local } <= 120)
    #expect(r.target.names.count == 21 && r.unsimulated.isEmpty)
  }

  /// Over 12 books observed with sampling noise, the 95% intervals cover the truth at least
  /// 80% of the time (48 intervals; the nominal rate is 95%).
  @Test func intervalsCoverTheTruthAcrossNoisyBooks() throws {
    var covered = 0
    var total = 0
    for noise in 1...12 as ClosedRange<UInt64> {
      let r = try Self.calibrate(observedNoise: noise, seed: Int(noise) + 100)
      for k in ToyBook.truth.indices {
        let i = try #require(r.intervals?[k])
        if i.low <= ToyBook.truth[k] && ToyBook.truth[k] <= i.high {
          covered += 1
        }
        total += 1
      }
    }
    #expect(Double(covered) >= 0.8 * Double(total), "\(covered) of \(total)")
  }

  /// The sandwich's intervals, from 2 simulations per parameter (and a few Gauss–Newton steps),
  /// cover the truth at least 80% of the time over the same 12 noisy books (48 intervals;
  /// nominal 95%), and contain the estimate.
  @Test func sandwichIntervalsCoverTheTruthAcrossNoisyBooks() throws {
    var covered = 0
    var total = 0
    for noise in 1...12 as ClosedRange<UInt64> {
      let r = try Self.calibrate(
        observedNoise: noise, seed: Int(noise) + 100, draws: 400,
        method: "sandwich")
      #expect(
        r.records.count { $0.stage == .uncertainty }
          <= 2 * ToyBook.truth.count + Calibration<ToyBook>.polishingSteps)
      for k in ToyBook.truth.indices {
        let i = try #require(r.intervals?[k])
        #expect(i.low <= r.estimate[k] && r.estimate[k] <= i.high)
        if i.low <= ToyBook.truth[k] && ToyBook.truth[k] <= i.high {
          covered += 1
        }
        total += 1
      }
    }
    #expect(Double(covered) >= 0.8 * Double(total), "\(covered) of \(total)")
  }

  /// The thread count changes nothing.
  @Test func oneAndFourThreadsAgree() throws {
    let a = try Self.calibrate(observedNoise: 3, draws: 10, threads: 1)
    let b = try Self.calibrate(observedNoise: 3, draws: 10, threads: 4)
    #expect(a.records == b.records)
    #expect(
      try CalibrationFiles.files(a).map(\.text)
        == CalibrationFiles.files(b).map(\.text))
  }
}
