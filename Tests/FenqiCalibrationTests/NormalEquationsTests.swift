import Testing

@testable import FenqiCalibration

@Suite struct NormalEquationsTests {
  /// J = [[1, 0], [0, 2], [1, 1]], y = (1, 2, 3): JᵀJ = [[2, 1], [1, 5]], Jᵀy = (4, 7), so
  /// x = (13/9, 10/9) by hand.
  @Test func solvesTheLeastSquaresStepOfAWorkedExample() throws {
    let n = try #require(
      NormalEquations(jacobian: [1, 0, 0, 2, 1, 1], rows: 3, columns: 2))
    let x = n.solve([1, 2, 3])
    #expect(abs(x[0] - 13.0 / 9) < 1e-12 && abs(x[1] - 10.0 / 9) < 1e-12)
  }

  /// Columns of very different sizes are solved alike: scaling a column by 10⁶ scales its
  /// coefficient by 10⁻⁶.
  @Test func isIndifferentToTheColumnsScale() throws {
    let n = try #require(
      NormalEquations(jacobian: [1e6, 0, 0, 2, 1e6, 1], rows: 3, columns: 2))
    let x = n.solve([1, 2, 3])
    #expect(abs(x[0] * 1e6 - 13.0 / 9) < 1e-9 && abs(x[1] - 10.0 / 9) < 1e-9)
  }

  /// A parameter no moment responds to has no step.
  @Test func aZeroColumnHasNoSolution() {
    #expect(
      NormalEquations(jacobian: [1, 0, 2, 0], rows: 2, columns: 2) == nil)
  }
}
