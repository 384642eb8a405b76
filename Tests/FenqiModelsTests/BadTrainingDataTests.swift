import FenqiCore
import FenqiModels
import Testing

/// Data a credit modeller gets from a warehouse, read, refused or standardised safely.
///
/// Missing-value markers, a stray word in a numeric column, values near the largest double:
/// training reads them, refuses with the line and column, or standardises safely — it never
/// hangs or returns a model that ignores its data.
@Suite(.timeLimit(.minutes(2)))
struct BadTrainingDataTests {
  static func load(_ text: String) throws -> FeatureTable {
    try CSVTableLoader.parse(bytes: Array(text.utf8))
  }

  @Test(arguments: ["NA", "N/A", "NaN", "nan", "NULL", "null", "None", "#N/A"])
  func missingValueMarkersAreMissingNotCategories(marker: String) throws {
    let table = try Self.load(
      "income,city\n1200,sh\n\(marker),\(marker)\n900,bj\n")
    guard case .numeric(let income) = table.columns[0],
      case .categorical(let codes, let levels) = table.columns[1]
    else {
      Issue.record("income should be numeric, city categorical")
      return
    }
    #expect(income[0] == 1200 && income[1].isNaN && income[2] == 900)
    #expect(levels == ["sh", "bj"] && codes == [0, -1, 1])
  }

  struct Refused: Sendable, CustomTestStringConvertible {
    var name: String
    var csv: String
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    Refused(
      name: "one word in a numeric column",
      csv: "income,y\n1200,0\n900,1\nabc,0\n1500,1\n",
      message:
        "line 4, column 'income': expected a number, found 'abc'; 3 of the column's cells are numbers, so it is read as numeric"
    ),
    Refused(
      name: "an overflowing number",
      csv: "balance,y\n1,0\n2,1\n1e999,0\n",
      message: "line 4, column 'balance': expected a number, found '1e999'"),
    Refused(
      name: "several bad cells, the first named",
      csv: "x,y\n1,0\n2,1\n3,0\noops,1\n5,0\n6,1\nbad,0\n",
      message:
        "line 5, column 'x': expected a number, found 'oops' (and 1 other cell)"
    ),
  ])
  func aNumericColumnWithTextIsRefusedWithTheLine(_ c: Refused) {
    let error = #expect(throws: CSVTableLoader.Failure.self) {
      try Self.load(c.csv)
    }
    #expect(
      error?.description.contains(c.message) == true,
      "\(String(describing: error))")
  }

  @Test func aMostlyTextColumnWithNumberLikeCodesStaysCategorical() throws {
    let table = try Self.load("grade,y\nA1,0\nB2,1\n3,0\nC4,1\n")
    guard case .categorical(_, let levels) = table.columns[0] else {
      Issue.record("grade should be categorical")
      return
    }
    #expect(levels == ["A1", "B2", "3", "C4"])
  }

  @Test func valuesNearTheLargestDoubleAreStandardisedSafely() throws {
    let values = (0..<50).map { Double($0 % 5 + 1) * 3e307 }
    let table = FeatureTable(
      names: ["x"], columns: [.numeric(values)], rowCount: values.count)
    let encoder = try DenseEncoder(fitting: table)
    let x = try encoder.encode(table)
    #expect(x.allSatisfy { $0.isFinite })
    // Standardised: mean 0, sample sd 1.
    let mean = x.reduce(0, +) / Double(x.count)
    let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 49).squareRoot()
    #expect(abs(mean) < 1e-9 && abs(sd - 1) < 1e-9)
  }

  @Test func valuesWhoseDifferencesOverflowAreRefusedNamingTheColumn() {
    let values = [1.7e308] + [Double](repeating: -1.7e308, count: 40)
    let table = FeatureTable(
      names: ["balance"], columns: [.numeric(values)], rowCount: values.count)
    let error = #expect(throws: TrainingFailure.self) {
      try DenseEncoder(fitting: table)
    }
    #expect(
      error?.description.hasPrefix(
        "column 'balance': its values (up to 1.7e+308) are too large to standardise"
      )
        == true)
  }

  @Test func logisticRegressionOnNonFiniteInputReturnsAtOnce() {
    let m = LogisticRegression.fit(
      x: [1, .nan, 2, 3], width: 2, labels: [0, 1],
      options: {
        var o = LogisticRegression.Options()
        o.l1 = 0.1
        return o
      }())
    #expect(m.intercept.isNaN && m.coefficients.allSatisfy { $0.isNaN })
  }

  @Test func rankMetricsOfNaNScoresAreNaNNotAnEndlessLoop() {
    let scores = [0.2, .nan, 0.7, 0.4]
    let labels = [0.0, 1, 1, 0]
    #expect(RankMetrics.ks(scores: scores, labels: labels).isNaN)
    #expect(RankMetrics.auc(scores: scores, labels: labels).isNaN)
    #expect(
      RankMetrics.ks(scores: [0.1, 0.1, 0.9], labels: [0, 1, 1]) == 0.5)
  }

  static func separable(rows: Int) -> (FeatureTable, [Double]) {
    var x: [Double] = []
    var y: [Double] = []
    for r in 0..<rows {
      x.append(Double(r % 10))
      y.append(r % 10 >= 5 ? 1 : 0)
    }
    return (
      FeatureTable(names: ["x"], columns: [.numeric(x)], rowCount: rows), y
    )
  }

  struct MLPCase: Sendable, CustomTestStringConvertible {
    var name: String
    var hidden = [4]
    var learningRate = 1e-3
    var rows = 200
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    MLPCase(
      name: "a layer wider than 1,024", hidden: [2048],
      message:
        "hidden layers: expected at most 8 widths, each in 1…1024, found 2048"),
    MLPCase(
      name: "nine layers", hidden: [Int](repeating: 2, count: 9),
      message: "hidden layers: expected at most 8 widths"),
    MLPCase(
      name: "a width of 0", hidden: [0], message: "each in 1…1024, found 0"),
    MLPCase(
      name: "a learning rate that diverges", learningRate: 1e300,
      message: "the MLP "),
    MLPCase(
      name: "too few rows for a hold-out", rows: 3,
      message: "the MLP needs validation rows for early stopping"),
  ])
  func theMLPRefusesWhatItCannotTrain(_ c: MLPCase) {
    var p = MLPTrainer.Parameters()
    p.hidden = c.hidden
    p.learningRate = c.learningRate
    p.epochs = 20
    let (table, labels) = Self.separable(rows: c.rows)
    let error = #expect(throws: TrainingFailure.self) {
      try MLPTrainer(parameters: p).train(features: table, labels: labels)
    }
    #expect(
      error?.description.contains(c.message) == true,
      "\(String(describing: error))")
  }

  @Test func theMLPRefusesOverflowingColumnsInsteadOfTrainingAConstant() {
    let (table, labels) = Self.separable(rows: 200)
    guard case .numeric(let x) = table.columns[0] else { return }
    let huge = FeatureTable(
      names: ["x", "balance"],
      columns: [
        .numeric(x),
        .numeric(x.indices.map { $0 == 7 ? 1.7e308 : -1.7e308 }),
      ], rowCount: table.rowCount)
    let error = #expect(throws: TrainingFailure.self) {
      try MLPTrainer().train(features: huge, labels: labels)
    }
    #expect(error?.description.hasPrefix("column 'balance'") == true)
  }
}
