// swift-tools-version: 6.0
// Fenqi: campaign simulation and A/B experiments for consumer instalment lending.
// One package, no dependencies beyond the toolchain (Foundation, Dispatch, Swift Testing).
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "Fenqi",
  products: [
    .executable(name: "fenqi", targets: ["fenqi"]),
    .executable(name: "fenqi-bench", targets: ["fenqi-bench"]),
    .library(name: "FenqiSimulation", targets: ["FenqiSimulation"]),
    .library(name: "FenqiReport", targets: ["FenqiReport"]),
    .library(name: "FenqiModels", targets: ["FenqiModels"]),
  ],
  targets: [
    // Dependencies point one way: Core ← Population, Credit ← Simulation ← Report ← fenqi;
    // Experiment (statistics and the experiment runner) sits between Simulation and Report.
    .target(name: "FenqiCore", swiftSettings: strict),
    .target(
      name: "FenqiPopulation", dependencies: ["FenqiCore"],
      swiftSettings: strict),
    .target(
      name: "FenqiCredit", dependencies: ["FenqiCore"], swiftSettings: strict),
    .target(
      name: "FenqiModels", dependencies: ["FenqiCore"], swiftSettings: strict),
    .target(
      name: "FenqiMarketing", dependencies: ["FenqiCore", "FenqiCredit"],
      swiftSettings: strict),
    .target(
      name: "FenqiRisk", dependencies: ["FenqiCore"], swiftSettings: strict),
    // The lender's decision stack sees no population module: its models cannot read a
    // customer's latent traits.
    .target(
      name: "FenqiDecision",
      dependencies: ["FenqiCore", "FenqiModels", "FenqiRisk"],
      swiftSettings: strict),
    .target(
      name: "FenqiSimulation",
      dependencies: [
        "FenqiCore", "FenqiPopulation", "FenqiCredit", "FenqiMarketing",
        "FenqiRisk", "FenqiModels", "FenqiDecision",
      ],
      swiftSettings: strict),
    .target(
      name: "FenqiExperiment",
      dependencies: ["FenqiCore", "FenqiCredit", "FenqiSimulation"],
      swiftSettings: strict),
    .target(
      name: "FenqiReport",
      dependencies: [
        "FenqiCore", "FenqiCredit", "FenqiSimulation", "FenqiExperiment",
        "FenqiRisk", "FenqiOptimization",
      ],
      swiftSettings: strict),
    // Calibration ties the simulated world to a lender's book: loan tapes, their moments and
    // the method of simulated moments over scenario parameters.
    .target(
      name: "FenqiCalibration",
      dependencies: [
        "FenqiCore", "FenqiCredit", "FenqiSimulation", "FenqiExperiment",
        "FenqiRisk",
      ],
      swiftSettings: strict),
    // Optimization is `fenqi optimize`: a search space over a promotion plan's parameters,
    // CMA-ES and its random-search baseline (asked and told in batches), and the problem that
    // evaluates a plan's incremental economics with common random numbers and verifies the best.
    .target(
      name: "FenqiOptimization",
      dependencies: ["FenqiCore", "FenqiSimulation", "FenqiExperiment"],
      swiftSettings: strict),
    // HTTP/1.1 on POSIX sockets: parser, event loop, worker pool, router, metrics. No domain
    // words; FenqiServe puts fenqi's routes on it.
    .target(name: "FenqiHTTP", swiftSettings: strict),
    // `fenqi serve`'s routes: the runs API over the runs folder, the decision API, the web
    // workspace.
    .target(
      name: "FenqiServe",
      dependencies: [
        "FenqiCore", "FenqiDecision", "FenqiHTTP", "FenqiSimulation",
        "FenqiExperiment", "FenqiReport",
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "fenqi",
      dependencies: [
        "FenqiCore", "FenqiCredit", "FenqiSimulation", "FenqiExperiment",
        "FenqiReport", "FenqiModels", "FenqiCalibration", "FenqiOptimization",
        "FenqiDecision", "FenqiHTTP", "FenqiServe", "FenqiRisk",
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "fenqi-bench",
      dependencies: [
        "FenqiCore", "FenqiSimulation", "FenqiModels", "FenqiDecision",
        "FenqiCalibration", "FenqiExperiment",
      ],
      swiftSettings: strict),

    .testTarget(
      name: "FenqiCoreTests", dependencies: ["FenqiCore"], swiftSettings: strict
    ),
    .testTarget(
      name: "FenqiPopulationTests",
      dependencies: ["FenqiCore", "FenqiPopulation"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiModelsTests", dependencies: ["FenqiCore", "FenqiModels"],
      resources: [.copy("Data")],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiMarketingTests",
      dependencies: ["FenqiCore", "FenqiCredit", "FenqiMarketing"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiRiskTests", dependencies: ["FenqiCore", "FenqiRisk"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiCreditTests", dependencies: ["FenqiCore", "FenqiCredit"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiSimulationTests",
      dependencies: [
        "FenqiCore", "FenqiPopulation", "FenqiCredit", "FenqiSimulation",
        "FenqiMarketing", "FenqiRisk", "FenqiDecision",
      ],
      resources: [.copy("Invalid")],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiDecisionTests",
      dependencies: ["FenqiCore", "FenqiModels", "FenqiDecision"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiExperimentTests",
      dependencies: [
        "FenqiCore", "FenqiCredit", "FenqiMarketing", "FenqiSimulation",
        "FenqiExperiment",
      ],
      exclude: ["reference_values.py"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiReportTests",
      dependencies: ["FenqiCore", "FenqiSimulation", "FenqiReport"],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiCalibrationTests",
      dependencies: [
        "FenqiCore", "FenqiCredit", "FenqiSimulation", "FenqiCalibration",
        "FenqiRisk",
      ],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiOptimizationTests",
      dependencies: [
        "FenqiCore", "FenqiOptimization", "FenqiSimulation", "FenqiExperiment",
      ],
      swiftSettings: strict),
    .testTarget(
      name: "FenqiHTTPTests", dependencies: ["FenqiHTTP"], swiftSettings: strict
    ),
    .testTarget(
      name: "FenqiServeTests",
      dependencies: ["FenqiCore", "FenqiDecision", "FenqiHTTP", "FenqiServe"],
      swiftSettings: strict),
    .testTarget(
      name: "fenqiTests",
      dependencies: [
        "fenqi", "FenqiCore", "FenqiReport", "FenqiDecision", "FenqiServe",
      ],
      swiftSettings: strict),
  ]
)
