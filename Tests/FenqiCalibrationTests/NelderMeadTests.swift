import FenqiCalibration
import Foundation
import Testing

@Suite struct NelderMeadTests {
  @Test func findsTheMinimumOfAQuadraticInsideTheCube() {
    let centre = [0.3, 0.7, 0.55]
    let result = NelderMead.minimize(
      start: [0.9, 0.1, 0.2], step: 0.2, budget: 400
    ) { x in
      zip(x, centre).enumerated().reduce(0) { s, e in
        s + Double(e.offset + 1) * (e.element.0 - e.element.1)
          * (e.element.0 - e.element.1)
      }
    }
    for (x, c) in zip(result.point, centre) {
      #expect(abs(x - c) < 1e-4, "\(result.point)")
    }
    #expect(result.value < 1e-8)
    #expect(result.evaluations <= 400)
  }

  /// Rosenbrock's valley, scaled into the cube: the minimum (1, 1) sits at (0.75, 0.75).
  @Test func followsRosenbrocksValleyToItsMinimum() {
    func rosenbrock(_ u: [Double]) -> Double {
      let (x, y) = (4 * u[0] - 2, 4 * u[1] - 2)
      return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
    }
    let result = NelderMead.minimize(
      start: [0.2, 0.8], step: 0.1, budget: 1000, pointTolerance: 1e-9,
      valueTolerance: 1e-14,
      rosenbrock)
    #expect(
      abs(result.point[0] - 0.75) < 1e-3 && abs(result.point[1] - 0.75) < 1e-3)
    #expect(result.value < 1e-6)
  }

  /// A minimum outside the cube is found on its face, by reflection, without leaving the box.
  @Test func aMinimumBeyondTheBoxIsFoundOnItsFace() {
    var asked: [[Double]] = []
    let result = NelderMead.minimize(start: [0.5, 0.5], step: 0.2, budget: 300)
    { x in
      asked.append(x)
      return (x[0] - 1.4) * (x[0] - 1.4) + (x[1] - 0.2) * (x[1] - 0.2)
    }
    #expect(asked.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
    #expect(
      abs(result.point[0] - 1) < 1e-3 && abs(result.point[1] - 0.2) < 1e-3)
  }

  @Test func foldingMirrorsCoordinatesBackIntoTheCube() {
    #expect(
      NelderMead.folded([-0.25, 1.25, 2.5, 0.5, -1.75]) == [
        0.25, 0.75, 0.5, 0.5, 0.25,
      ])
  }

  /// The budget bounds the values asked for, and a batch is the same when asked twice.
  @Test func respectsItsBudgetAndAsksTheSameBatchUntilAnswered() {
    var search = NelderMead(start: [0.5, 0.5, 0.5], step: 0.1, budget: 11)
    var asked = 0
    while let batch = search.request {
      #expect(search.request == batch)
      asked += batch.count
      search.receive(
        batch.map { $0.reduce(0) { $0 + ($1 - 0.1) * ($1 - 0.1) } })
    }
    #expect(asked <= 11 && search.evaluations == asked)
    #expect(search.isFinished)
  }

  /// Infinite values (infeasible points) steer the search away without breaking it.
  @Test func infeasiblePointsAreAvoided() {
    let result = NelderMead.minimize(start: [0.2, 0.2], step: 0.2, budget: 300)
    { x in
      x[0] + x[1] > 1.2
        ? .infinity : (x[0] - 0.5) * (x[0] - 0.5) + (x[1] - 0.6) * (x[1] - 0.6)
    }
    #expect(
      abs(result.point[0] - 0.5) < 1e-3 && abs(result.point[1] - 0.6) < 1e-3)
  }
}
