import FenqiCalibration
import FenqiCore
import FenqiRisk
import FenqiSimulation
import Testing

/// The satellite model on the engine's own tapes: a book whose miss rates move with unemployment
/// at a known sensitivity (0.3 per point, ρ 0.04 and 0.08) gives it back.
///
/// Its two segments are homogeneous (latent-risk SD 0.02, no burden term): the pooled probit
/// of a segment with spread σ in Φ⁻¹(p) recovers s/√(1 + σ²), not s (the reference page).
@Suite struct SatelliteRecoveryTests {
  static let truth = 0.3
  static let text = """
    {
     "name": "satellite-recovery",
     "seed": 1,
     "periods": 30,
     "population": {
      "size": 8000,
      "segments": [
       {
        "name": "steady",
        "share": 0.6,
        "attributes": {
         "latentRisk": {
          "kind": "normal",
          "mean": 0,
          "sd": 0.02
         }
        },
        "behaviour": {
         "needRate": 0.08,
         "priceMedian": 3000,
         "priceSigma": 0.3,
         "cureProbability": 0.3,
         "prepaymentRate": 0.01
        }
       },
       {
        "name": "fragile",
        "share": 0.4,
        "attributes": {
         "latentRisk": {
          "kind": "normal",
          "mean": 1,
          "sd": 0.02
         }
        },
        "behaviour": {
         "needRate": 0.08,
         "priceMedian": 3000,
         "priceSigma": 0.3,
         "cureProbability": 0.3,
         "prepaymentRate": 0.01
        }
       }
      ]
     },
     "repayment": {
      "miss": {
       "intercept": -3.6,
       "latentRisk": 0.6,
       "burden": 0
      },
      "roll": {
       "intercept": 0.3,
       "latentRisk": 0.5
      },
      "chargeOffDaysPastDue": 120,
      "lossGivenDefault": 0.85,
      "recoveryLagMonths": 3
     },
     "macro": {
      "unemployment": 0.05,
      "benchmarkRate": 0.035,
      "confidence": 100,
      "shocks": [
       {
        "kind": "recession",
        "start": 8,
        "rampMonths": 4,
        "points": 0.04,
        "holdMonths": 6,
        "recoveryMonths": 8
       }
      ],
      "vasicek": {
       "rho": {
        "default": 0.04,
        "fragile": 0.08
       },
       "unemploymentSensitivity": 0.3
      }
     },
     "arms": [
      {
       "name": "lender",
       "allocation": 1,
       "reachRate": 0.8,
       "costPerContact": 0,
       "offer": {
        "termMonths": 12,
        "pricing": {
         "kind": "flatMonthlyFee",
         "rate": 0.01
        },
        "interestFreePeriods": 0
       }
      }
     ],
     "choice": {
      "split": {
       "intercept": -0.2,
       "priceToIncome": -0.6,
       "instalmentToIncome": -2.0,
       "annualRate": -3.0,
       "interestFreePeriods": 0.12,
       "digitalAffinity": 0.6,
       "priceSensitivityRate": -4.0
      },
      "payInFull": {
       "intercept": 0.2,
       "priceToIncome": -1.2
      }
     },
     "approval": {
      "minimumCreditScore": 0,
      "maxOpenLoans": 3,
      "maxDebtToIncome": 5
     },
     "economics": {
      "annualFundingRate": 0.035
     }
    }
    """

  /// The run's macro history: its resolved path per month.
  static func history(_ s: Scenario) throws -> MacroHistory {
    let m = try #require(s.macro)
    let path = MacroPath(m, periods: s.periods)
    let months = Array(1...s.periods)
    return MacroHistory(
      periods: months, unemployment: months.map { path.unemployment[$0] },
      benchmarkRate: months.map { path.benchmarkRate[$0] },
      confidence: months.map { path.confidence[$0] })
  }

  @Test func twentyTapesCoverTheKnownSensitivityAtLeastEighteenTimes() throws {
    var covered = 0
    var errors: [Double] = []
    var estimates: [Double] = []
    for seed in 1...20 as ClosedRange<UInt64> {
      var s = try ScenarioLoader.parse(
        text: Self.text, file: "satellite-recovery.json")
      s.seed = seed
      var engine = SimulationEngine(scenario: s, threads: 2)
      engine.tapeLoans = Int(Int32.max)
      let tape = try #require(engine.run().tape).loanTape()
      let observations = SatelliteObservations(tape: tape)
      let rho = observations.segments.map { $0 == "fragile" ? 0.08 : 0.04 }
      let history = try Self.history(s)
      let fit = try SatelliteModel(observations, history: history, rho: rho)
      #expect(fit.drivers == [.unemployment])
      if fit.interval(0).contains(Self.truth) { covered += 1 }
      estimates.append(fit.sensitivities[0])
      let early = try SatelliteModel(
        observations, history: history, rho: rho, through: 20)
      errors.append(
        SatelliteBackTest(
          model: early, observations: observations, history: history
        )
        .rootMeanSquareError)
    }
    let mean = estimates.reduce(0, +) / 20
    print(
      "satellite recovery: 95% intervals cover the true 0.3 in \(covered)/20 tapes; mean estimate \(mean); back-test RMSE (months 21–30, fitted on 1–20) mean \(errors.reduce(0, +) / 20 * 100) pp"
    )
    #expect(covered >= 18)
    #expect(abs(mean - Self.truth) < 0.05)
    #expect(errors.allSatisfy { $0 < 0.02 })
  }

  @Test func aFlatHistoryIsNotIdentified() throws {
    let s = try ScenarioLoader.parse(
      text: Self.text, file: "satellite-recovery.json")
    var engine = SimulationEngine(scenario: s, threads: 2)
    engine.tapeLoans = 2000
    let tape = try #require(engine.run().tape).loanTape()
    let flat = MacroHistory(
      periods: Array(1...s.periods),
      unemployment: Array(repeating: 0.05, count: s.periods),
      benchmarkRate: Array(repeating: 0.03, count: s.periods),
      confidence: Array(repeating: 100, count: s.periods))
    #expect(throws: SatelliteModel.Failure.self) {
      try SatelliteModel(
        SatelliteObservations(tape: tape), history: flat, rho: [0.04, 0.08])
    }
  }

  @Test func theMacroHistoryCSVNamesItsBadLine() {
    let csv =
      "period,unemployment,benchmark_rate,confidence\n1,0.05,0.03,100\n2,abc,0.03,100\n"
    #expect(
      throws: CSVFailure(
        line: 3,
        message: "column unemployment: expected a number, found \"abc\"")
    ) {
      try MacroHistory(csv: Array(csv.utf8))
    }
  }
}
