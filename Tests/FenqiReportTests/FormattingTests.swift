import FenqiReport
import Testing

/// Numbers of any size format without trapping: a 64-bit integer holds only up to 9.2·10^18, so
/// larger magnitudes are written in scientific form (the old code converted and trapped on
/// `analyze` with sum=1e308 and `power --n 1e300`).
@Suite struct FormattingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var value: String
    var expected: String
    var testDescription: String { "\(name) → \(expected)" }
  }

  @Test(arguments: [
    Case(
      name: "integer 1,234", value: Formatting.integer(1234.4),
      expected: "1,234"),
    Case(
      name: "integer 1e18", value: Formatting.integer(1e18), expected: "1.00e18"
    ),
    Case(
      name: "integer 1e300", value: Formatting.integer(1e300),
      expected: "1.00e300"),
    Case(
      name: "integer −2.5e20", value: Formatting.integer(-2.5e20),
      expected: "-2.50e20"),
    Case(
      name: "integer ∞", value: Formatting.integer(.infinity), expected: "–"),
    Case(
      name: "money 1e308", value: Formatting.money(1e308), expected: "1.00e308"),
    Case(
      name: "fixed 0.1234", value: Formatting.fixed(0.12345, digits: 4),
      expected: "0.1235"),
    Case(
      name: "fixed 1e16", value: Formatting.fixed(1e16, digits: 3),
      expected: "1.00e16"),
    Case(
      name: "fixed 1.5e308", value: Formatting.fixed(-1.5e308, digits: 0),
      expected: "-2e308"),
    Case(
      name: "fixed NaN", value: Formatting.fixed(.nan, digits: 2), expected: "–"
    ),
    Case(
      name: "compact 12.3k", value: Formatting.compact(12345), expected: "12.3k"
    ),
    Case(
      name: "compact 3.4B", value: Formatting.compact(3.4e9), expected: "3.4B"),
    Case(
      name: "compact 1e308", value: Formatting.compact(1e308),
      expected: "1.0e308"),
    Case(
      name: "compact −∞", value: Formatting.compact(-.infinity), expected: "–"),
    Case(
      name: "percent 1e20", value: Formatting.percent(1e20, digits: 1),
      expected: "1.0e22%"),
    Case(
      name: "scientific carry", value: Formatting.scientific(9.999e20),
      expected: "1.00e21"),
    Case(
      name: "scientific small", value: Formatting.scientific(-4.5e-7),
      expected: "-4.50e-7"),
  ])
  func numbersOfAnySizeFormatWithoutTrapping(_ c: Case) {
    #expect(c.value == c.expected)
  }
}
