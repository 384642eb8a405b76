import FenqiOptimization
import Foundation
import Testing

@Suite struct SearchSpaceTests {
  struct RoundTrip: Sendable, CustomTestStringConvertible {
    var dimension: SearchSpace.Dimension
    var testDescription: String {
      "\(dimension.name) [\(dimension.lower), \(dimension.upper)] \(dimension.scale)"
    }
  }

  static let continuous: [RoundTrip] = [
    RoundTrip(
      dimension: SearchSpace.Dimension(name: "discount", lower: 0, upper: 0.3)),
    RoundTrip(
      dimension: SearchSpace.Dimension(name: "shift", lower: -5, upper: 7)),
    RoundTrip(
      dimension: SearchSpace.Dimension(
        name: "budget", lower: 1e4, upper: 1e7, scale: .log)),
    RoundTrip(
      dimension: SearchSpace.Dimension(
        name: "rate", lower: 0.001, upper: 0.5, scale: .log)),
  ]

  /// encode(decode(u)) = u and decode(encode(v)) = v on a continuous range, to 1e-12 of the
  /// range.
  @Test(arguments: continuous)
  func continuousCoordinatesRoundTrip(_ c: RoundTrip) {
    let d = c.dimension
    for k in 0...20 {
      let u = Double(k) / 20
      #expect(abs(d.encode(d.decode(u)) - u) < 1e-12, "u = \(u)")
      let v = d.decode(u)
      #expect(abs(d.decode(d.encode(v)) - v) <= 1e-12 * (d.upper - d.lower))
    }
    #expect(d.decode(0) == d.lower && d.decode(1) == d.upper)
  }

  struct Rounding: Sendable, CustomTestStringConvertible {
    var unit: Double
    var value: Double
    var testDescription: String { "u = \(unit) → \(value)" }
  }

  /// Free months 0…12: u·12 rounded to the nearest integer, halves away from zero, clamped.
  @Test(arguments: [
    Rounding(unit: 0, value: 0), Rounding(unit: 0.04, value: 0),
    Rounding(unit: 0.05, value: 1), Rounding(unit: 0.5, value: 6),
    Rounding(unit: 0.54, value: 6), Rounding(unit: 0.55, value: 7),
    Rounding(unit: 0.9999, value: 12), Rounding(unit: 1.3, value: 12),
    Rounding(unit: -0.2, value: 0),
  ])
  func integersDecodeToTheNearestIntegerWithinBounds(_ c: Rounding) {
    let months = SearchSpace.Dimension(
      name: "freeMonths", lower: 0, upper: 12, isInteger: true)
    #expect(months.decode(c.unit) == c.value)
  }

  @Test func aLogScaleIsEvenInTheLogarithm() {
    let budget = SearchSpace.Dimension(
      name: "budget", lower: 1e4, upper: 1e6, scale: .log)
    #expect(abs(budget.decode(0.5) - 1e5) < 1e-6)
    #expect(abs(budget.encode(1e5) - 0.5) < 1e-12)
    #expect(abs(budget.decode(0.25) - 1e4 * pow(10, 0.5)) < 1e-6)
    // An integer on a log scale rounds the value, not its logarithm: √1000 = 31.6 → 32.
    let cap = SearchSpace.Dimension(
      name: "cap", lower: 1, upper: 1000, isInteger: true, scale: .log)
    #expect(cap.decode(0.5) == 32)
  }

  @Test func encodingClampsIntoTheCube() {
    let d = SearchSpace.Dimension(name: "x", lower: 2, upper: 4)
    #expect(d.encode(1) == 0 && d.encode(5) == 1 && d.encode(.nan) == 0)
  }

  /// Snapping moves integer coordinates onto their integer's coordinate and leaves the plan
  /// unchanged; continuous coordinates are only clamped.
  @Test func snappingKeepsThePlanAndPutsIntegersOnTheirCoordinate() throws {
    let space = try SearchSpace([
      SearchSpace.Dimension(
        name: "months", lower: 0, upper: 12, isInteger: true),
      SearchSpace.Dimension(name: "discount", lower: 0, upper: 0.3),
      SearchSpace.Dimension(
        name: "cap", lower: 1, upper: 1000, isInteger: true, scale: .log),
    ])
    for u in [[0.51, 0.3, 0.52], [0.0, 1.2, 0.99], [0.96, -0.1, 0.01]] {
      let s = space.snapped(u)
      #expect(space.decode(s) == space.decode(u), "\(u)")
      #expect(s[0] == Double(space.decode(u)[0]) / 12)
      #expect(s[1] == min(1, max(0, u[1])))
      #expect(space.snapped(s) == s)
    }
    #expect(space.decode([0.5, 0.5, 0]) == [6, 0.15, 1])
    #expect(space.encode([6, 0.15, 1000]) == [0.5, 0.5, 1])
  }

  struct Invalid: Sendable, CustomTestStringConvertible {
    var dimensions: [SearchSpace.Dimension]
    var messages: [String]
    var testDescription: String { messages.first ?? "valid" }
  }

  static let invalid: [Invalid] = [
    Invalid(
      dimensions: [],
      messages: ["dimensions: expected at least one dimension, found none"]),
    Invalid(
      dimensions: [
        SearchSpace.Dimension(name: "discount", lower: 0.3, upper: 0.2)
      ],
      messages: [
        "discount: expected lower < upper, found lower 0.3, upper 0.2"
      ]),
    Invalid(
      dimensions: [
        SearchSpace.Dimension(name: "budget", lower: 0, upper: 1e6, scale: .log)
      ],
      messages: [
        "budget: expected lower > 0 on a log scale, found 0.0"
      ]),
    Invalid(
      dimensions: [
        SearchSpace.Dimension(
          name: "months", lower: 0.5, upper: 12.5, isInteger: true)
      ],
      messages: [
        "months: expected whole-number bounds for an integer, found 0.5",
        "months: expected whole-number bounds for an integer, found 12.5",
      ]),
    Invalid(
      dimensions: [
        SearchSpace.Dimension(name: "x", lower: 0, upper: .infinity),
        SearchSpace.Dimension(name: "x", lower: 1, upper: 1),
      ],
      messages: [
        "x: expected finite bounds, found [0.0, inf]",
        "dimensions[1]: expected a unique name, found \"x\" again",
        "x: expected lower < upper, found lower 1.0, upper 1.0",
      ]),
  ]

  /// Every problem is reported at once, with its exact message.
  @Test(arguments: invalid)
  func invalidSpacesListEveryProblem(_ c: Invalid) {
    let error = #expect(throws: SearchSpaceError.self) {
      _ = try SearchSpace(c.dimensions)
    }
    #expect(error?.problems.map { $0.description } == c.messages)
  }

  @Test func theErrorReadsLikeAScenariosProblems() {
    let error = SearchSpaceError(problems: [
      .emptyRange(dimension: "a", lower: 1, upper: 0), .noDimensions,
    ])
    #expect(
      error.description == """
        search space: 2 problems
          - a: expected lower < upper, found lower 1.0, upper 0.0
          - dimensions: expected at least one dimension, found none
        """)
  }
}
