import FenqiCore
import FenqiOptimization
import Testing

@Suite struct CMAESTests {
  /// −sphere in 8 dimensions from the cube's centre: within 1e-10 of the maximum (1e-5 in
  /// distance) in at most 2,000 evaluations; it typically takes 1,100–1,500.
  @Test(arguments: 0..<3 as Range<UInt64>)
  func maximisesTheNegativeSphereIn8Dimensions(seed: UInt64) throws {
    let space = try TestProblems.cube(8)
    let centre = TestProblems.centre(8)
    var search = CMAES(space: space, seed: seed)
    let best = try #require(
      search.run(budget: 2000) {
        Evaluation(objective: TestProblems.negativeSphere($0, centre: centre))
      })
    #expect(best.evaluation.objective > -1e-10, "\(best)")
    #expect(search.evaluationCount <= 2000)
  }

  /// −Rosenbrock in 4 dimensions (x = 4u − 2): the curved valley is followed to the optimum
  /// u = 0.75 to 1e-3 in 3,000 evaluations (1e-8 in value is typically reached by 1,500).
  @Test(arguments: 0..<3 as Range<UInt64>)
  func followsRosenbrocksValleyIn4Dimensions(seed: UInt64) throws {
    let space = try TestProblems.cube(4)
    var search = CMAES(space: space, seed: seed, start: [0.2, 0.3, 0.2, 0.3])
    let best = try #require(
      search.run(budget: 3000) {
        Evaluation(objective: TestProblems.negativeRosenbrock($0))
      })
    #expect(best.evaluation.objective > -1e-6)
    #expect(best.point.allSatisfy { abs($0 - 0.75) < 1e-3 }, "\(best.point)")
  }

  /// Maximise x + y subject to x² + y² ≤ 1 in [−1.5, 1.5]²: the best plan is feasible and within
  /// 1e-3 of (1/√2, 1/√2), ranked by Deb's rules with no penalty weight.
  @Test(arguments: 0..<3 as Range<UInt64>)
  func findsTheConstrainedOptimumOnTheCircle(seed: UInt64) throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(name: "x", lower: -1.5, upper: 1.5),
      SearchSpace.Dimension(name: "y", lower: -1.5, upper: 1.5),
    ])
    var search = CMAES(space: space, seed: seed)
    let best = try #require(
      search.run(budget: 1000) { u in
        let p = space.decode(u)
        return Evaluation(
          objective: p[0] + p[1],
          violations: [max(0, p[0] * p[0] + p[1] * p[1] - 1)])
      })
    let p = space.decode(best.point)
    let r = 0.5.squareRoot()
    #expect(best.evaluation.isFeasible)
    #expect(abs(p[0] - r) < 1e-3 && abs(p[1] - r) < 1e-3, "\(p)")
  }

  /// An integer parameter (free months 0…20, best at 7.4) ends at 7, next to a continuous
  /// one; every point asked decodes to whole months.
  @Test(arguments: 0..<3 as Range<UInt64>)
  func anIntegerDimensionEndsAtTheRightInteger(seed: UInt64) throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(
        name: "freeMonths", lower: 0, upper: 20, isInteger: true),
      SearchSpace.Dimension(name: "discount", lower: 0, upper: 0.3),
    ])
    var search = CMAES(space: space, seed: seed)
    var allWhole = true
    let best = try #require(
      search.run(budget: 600) { u in
        let p = space.decode(u)
        allWhole = allWhole && p[0] == p[0].rounded()
        let (m, d) = (p[0] - 7.4, (p[1] - 0.12) * 100)
        return Evaluation(objective: -(m * m) - d * d)
      })
    #expect(allWhole)
    #expect(space.decode(best.point)[0] == 7)
    #expect(abs(space.decode(best.point)[1] - 0.12) < 1e-4)
    #expect(space.decode(search.recommendation)[0] == 7)
  }

  /// The margin keeps an integer coordinate's spread at the floor once σ has collapsed: with
  /// the continuous part converged, the integer coordinate's deviation stays at a fixed
  /// fraction of its step while the continuous one's falls far below.
  @Test func theIntegerCoordinateKeepsItsFloorAfterSigmaCollapses() throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(name: "n", lower: 0, upper: 10, isInteger: true),
      SearchSpace.Dimension(name: "x", lower: 0, upper: 1),
    ])
    var search = CMAES(space: space, seed: 4)
    search.run(budget: 1200) { u in
      let p = space.decode(u)
      return Evaluation(objective: -abs(p[0] - 3) - (p[1] - 0.4) * (p[1] - 0.4))
    }
    let p = search.parameters
    let z = Normal.quantile(1 - p.marginProbability / 2)
    let floor = 0.1 / (2 * z)
    let deviations = search.coordinateDeviations
    #expect(deviations[0] >= floor * (1 - 1e-12), "\(deviations)")
    #expect(deviations[1] < 1e-4, "\(deviations)")
  }

  /// Started on the wrong integer (0 of 0…3, best 3) with a small step, the integer moves.
  ///
  /// The margin keeps a chance ≥ α per candidate of trying the next integer while the
  /// continuous coordinates converge. Without it, 11 of seeds 0–19 stay frozen at 0.
  @Test(arguments: 0..<8 as Range<UInt64>)
  func theMarginLetsAFrozenIntegerMove(seed: UInt64) throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(name: "n", lower: 0, upper: 3, isInteger: true),
      SearchSpace.Dimension(name: "x", lower: 0, upper: 1),
      SearchSpace.Dimension(name: "y", lower: 0, upper: 1),
    ])
    var search = CMAES(
      space: space, seed: seed, start: [0, 0.45, 0.55], stepSize: 0.05)
    let best = try #require(
      search.run(budget: 400) { u in
        let p = space.decode(u)
        let (x, y) = (p[1] - 0.4, p[2] - 0.6)
        return Evaluation(objective: -(x * x + y * y) - 0.1 * abs(p[0] - 3))
      })
    #expect(space.decode(best.point)[0] == 3)
  }

  /// An optimum beyond a face (more spend always better in x₀) is found on the face by
  /// mirroring, and no point asked leaves the cube.
  @Test func anOptimumBeyondTheBoxIsFoundOnItsFace() throws {
    let space = try TestProblems.cube(3)
    var search = CMAES(space: space, seed: 11)
    var inside = true
    let best = try #require(
      search.run(budget: 900) { u in
        inside = inside && u.allSatisfy { (0...1).contains($0) }
        let c = [1.4, 0.2, 0.5]
        return Evaluation(objective: TestProblems.negativeSphere(u, centre: c))
      })
    #expect(inside)
    #expect(abs(best.point[0] - 1) < 1e-6, "\(best.point)")
    #expect(abs(best.point[1] - 0.2) < 1e-4 && abs(best.point[2] - 0.5) < 1e-4)
  }

  /// Failed evaluations (NaN) rank last and do not break the update.
  @Test func failedEvaluationsAreRankedLast() throws {
    let space = try TestProblems.cube(4)
    let centre = TestProblems.centre(4)
    var search = CMAES(space: space, seed: 2)
    let best = try #require(
      search.run(budget: 1500) { u in
        u[0] > 0.8
          ? Evaluation(objective: .nan)
          : Evaluation(
            objective: TestProblems.negativeSphere(u, centre: centre))
      })
    #expect(best.evaluation.objective > -1e-8)
    #expect(search.mean.allSatisfy(\.isFinite) && search.stepSize.isFinite)
  }
}
