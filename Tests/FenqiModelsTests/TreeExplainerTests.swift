import FenqiCore
import FenqiModels
import Foundation
import Testing

@Suite struct TreeExplainerTests {
  @Test func contributionsSumToTheMarginForEveryRow() throws {
    let (features, labels) = SyntheticClassification.make(rows: 3000, seed: 21)
    var p = GBDTParameters()
    p.trees = 40
    p.subsample = 0.8
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: features, labels: labels)
    let explainer = TreeExplainer(model: model)
    let (test, _) = SyntheticClassification.make(rows: 500, seed: 22)
    let margins = try model.margins(for: test)
    let phi = try explainer.contributions(for: test)
    for r in 0..<500 {
      let total = explainer.expectedValue + phi[r].reduce(0, +)
      #expect(abs(total - margins[r]) < 1e-9)
    }
  }

  @Test func germanCreditContributionsSumToTheMargin() throws {
    let data = try GermanCredit.load()
    let (model, _) = try GBDTTrainer().train(
      features: data.features, labels: data.labels)
    let explainer = TreeExplainer(model: model)
    let margins = try model.margins(for: data.features)
    let phi = try explainer.contributions(for: data.features)
    for r in 0..<data.labels.count {
      #expect(
        abs(explainer.expectedValue + phi[r].reduce(0, +) - margins[r]) < 1e-9)
    }
  }

  /// The path-dependent conditional expectation E[f(x) | x_S]: follow x on features in S,
  /// average children by cover elsewhere.
  static func conditional(
    _ model: GradientBoostedTrees, _ matrix: BinnedMatrix, row: Int,
    known: Set<Int>
  ) -> Double {
    var total = model.baseScore
    for tree in model.trees {
      func walk(_ c: Int32) -> Double {
        if c < 0 { return tree.leafValue[Int(~c)] }
        let n = Int(c)
        let f = Int(tree.feature[n])
        if known.contains(f) {
          let bin = Int(matrix.bins[row * matrix.featureCount + f])
          let left = tree.goesLeft(
            node: n, bin: bin, missingBin: model.mappers[f].missingBin)
          return walk(left ? tree.left[n] : tree.right[n])
        }
        func cover(_ c: Int32) -> Double {
          c < 0 ? tree.leafCount[Int(~c)] : tree.nodeCount[Int(c)]
        }
        return
          (cover(tree.left[n]) * walk(tree.left[n]) + cover(tree.right[n])
          * walk(tree.right[n])) / tree.nodeCount[n]
      }
      total += walk(0)
    }
    return total
  }

  @Test func contributionsEqualBruteForceShapleyValues() throws {
    // Four features, so all 16 coalitions can be enumerated.
    let (full, labels) = SyntheticClassification.make(rows: 2000, seed: 5)
    let names = ["x0", "x1", "x2", "x8"]
    let table = FeatureTable(
      names: names, columns: names.compactMap { full.column(named: $0) },
      rowCount: 2000)
    var p = GBDTParameters()
    p.trees = 5
    p.maxLeaves = 12
    let (model, _) = try GBDTTrainer(parameters: p).train(
      features: table, labels: labels)
    let explainer = TreeExplainer(model: model)
    let matrix = try model.binned(table)
    let m = names.count
    func factorial(_ k: Int) -> Double {
      k <= 1 ? 1 : Double(k) * factorial(k - 1)
    }
    for row in [0, 7, 99, 1234] {
      let phi = explainer.contributions(matrix, row: row)
      for i in 0..<m {
        var shapley = 0.0
        for mask in 0..<(1 << m) where mask & (1 << i) == 0 {
          let s = Set((0..<m).filter { mask & (1 << $0) != 0 })
          let weight =
            factorial(s.count) * factorial(m - s.count - 1) / factorial(m)
          shapley +=
            weight
            * (Self.conditional(model, matrix, row: row, known: s.union([i]))
              - Self.conditional(model, matrix, row: row, known: s))
        }
        #expect(abs(phi[i] - shapley) < 1e-9)
      }
    }
  }

  @Test func topReasonsAreTheLargestPositivePushes() {
    let reasons = TreeExplainer.topReasons(
      contributions: [0.1, -0.5, 0.7, 0.0, 0.3],
      names: ["a", "b", "c", "d", "e"], count: 3)
    #expect(reasons.map(\.name) == ["c", "e", "a"])
    #expect(
      TreeExplainer.topReasons(
        contributions: [-1, 0], names: ["a", "b"], count: 2
      ).isEmpty)
  }
}
