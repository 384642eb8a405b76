import FenqiCore
import FenqiModels
import Foundation

/// `fenqi-bench gbdt`: trains gradient-boosted trees on the synthetic 30-feature data set and
/// prints training time, prediction throughput, validation AUC and peak memory as one JSON line.
///
/// The last fifth of the rows validate. `--write FILE` writes the data set as CSV instead (for
/// the LightGBM comparison in Notebooks/gbdt_vs_lightgbm.py); `--data FILE` trains on such a file.
enum GBDTBenchmark {
  static func run(_ args: [String]) {
    let rows = FenqiBench.positiveInteger(
      "--rows", in: args, default: 1_000_000)
    let threads = FenqiBench.positiveInteger("--threads", in: args, default: 2)
    let trees = FenqiBench.positiveInteger("--trees", in: args, default: 100)
    let leaves = FenqiBench.positiveInteger("--leaves", in: args, default: 31)
    if let path = FenqiBench.option("--write", in: args) {
      do {
        try SyntheticClassification.writeCSV(rows: rows, seed: 2026, to: path)
      } catch { FenqiBench.fail("cannot write '\(path)': \(error)") }
      print("{\"wrote\": \"\(path)\", \"rows\": \(rows)}")
      return
    }
    let clock = ContinuousClock()
    var features: FeatureTable
    var labels: [Double]
    var loadSeconds = 0.0
    if let path = FenqiBench.option("--data", in: args) {
      let start = clock.now
      do {
        let data = try BinaryTarget(
          table: try CSVTableLoader.load(path: path), column: "y", positive: nil
        )
        features = data.features
        labels = data.labels
      } catch { FenqiBench.fail("cannot load '\(path)': \(error)") }
      loadSeconds = seconds(clock.now - start)
    } else {
      (features, labels) = SyntheticClassification.make(rows: rows, seed: 2026)
    }
    // The last fifth of the rows validate.
    let n = labels.count
    let cut = n * 4 / 5
    let trainTable = features.selecting(rows: Array(0..<cut))
    let validTable = features.selecting(rows: Array(cut..<n))
    let trainLabels = Array(labels[0..<cut])
    let validLabels = Array(labels[cut...])
    var p = GBDTParameters()
    p.trees = trees
    p.maxLeaves = leaves
    p.learningRate = 0.1
    p.minDataInLeaf = 20
    p.threads = threads
    let start = clock.now
    let model: GradientBoostedTrees
    do {
      model = try GBDTTrainer(parameters: p).train(
        features: trainTable, labels: trainLabels
      ).model
    } catch { FenqiBench.fail("\(error)") }
    let trainSeconds = seconds(clock.now - start)
    let predictStart = clock.now
    let scores: [Double]
    do { scores = try model.margins(for: validTable, threads: threads) } catch {
      FenqiBench.fail("\(error)")
    }
    let predictSeconds = seconds(clock.now - predictStart)
    let auc = RankMetrics.auc(scores: scores, labels: validLabels)
    print(
      "{\"rows\": \(n), \"features\": \(features.names.count), \"trees\": \(model.trees.count), "
        + "\"leaves\": \(leaves), \"threads\": \(threads), "
        + "\"load_seconds\": \(round3(loadSeconds)), \"train_seconds\": \(round3(trainSeconds)), "
        + "\"predict_rows_per_second\": \(Int(Double(validLabels.count) / predictSeconds)), "
        + "\"valid_auc\": \(round5(auc)), "
        + "\"peak_rss_mib\": \(round3(Double(EngineBenchmark.peakResidentBytes()) / 1_048_576))}"
    )
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
  static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
  static func round5(_ x: Double) -> Double {
    (x * 100_000).rounded() / 100_000
  }
}
