import FenqiModels
import Testing

/// The single-row scoring paths the decision stack uses agree with the batch ones.
@Suite struct RowScoringTests {
  static func data() -> (FeatureTable, [Double], [Double]) {
    let (table, labels) = SyntheticClassification.make(rows: 3000, seed: 11)
    var x = [Double](repeating: 0, count: table.rowCount * table.names.count)
    for (f, column) in table.columns.enumerated() {
      guard case .numeric(let values) = column else { continue }
      // A few missing values, so the missing bins are exercised.
      for r in values.indices {
        x[r * table.names.count + f] = r % 37 == f ? .nan : values[r]
      }
    }
    let names = table.names
    let withMissing = FeatureTable(names: names, rowMajor: x)
    return (withMissing, labels, x)
  }

  @Test func treeRowScorerMatchesBatchMargins() throws {
    let (table, labels, x) = Self.data()
    var p = GBDTParameters()
    p.trees = 25
    p.maxLeaves = 15
    let model = try GBDTTrainer(parameters: p).train(
      features: table, labels: labels
    ).model
    let batch = try model.margins(for: table)
    let scorer = TreeRowScorer(model: model)
    var bins = [UInt8](repeating: 0, count: scorer.width)
    let width = table.names.count
    x.withUnsafeBufferPointer { all in
      bins.withUnsafeMutableBufferPointer { b in
        for r in 0..<table.rowCount {
          let m = scorer.margin(
            all.baseAddress.unsafelyUnwrapped + r * width,
            bins: b.baseAddress.unsafelyUnwrapped)
          #expect(m == batch[r])
        }
      }
    }
  }

  @Test func scorecardRowMatchesTheTable() throws {
    let (table, labels, x) = Self.data()
    let card = Scorecard(fitting: table, labels: labels)
    let batch = try card.probabilities(for: table)
    let width = table.names.count
    var scratch = [Double](repeating: 0, count: card.selected.count)
    for r in stride(from: 0, to: table.rowCount, by: 7) {
      let p = x.withUnsafeBufferPointer { all in
        scratch.withUnsafeMutableBufferPointer {
          card.probability(
            row: all.baseAddress.unsafelyUnwrapped + r * width,
            scratch: $0.baseAddress.unsafelyUnwrapped)
        }
      }
      #expect(abs(p - batch[r]) < 1e-12)
    }
  }
}
