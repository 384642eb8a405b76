import FenqiCore
import FenqiModels
import Testing

@Suite struct DataLoadingTests {
  static func load(_ text: String) throws -> FeatureTable {
    try CSVTableLoader.parse(bytes: Array(text.utf8))
  }

  @Test func typesQuotesBlanksAndLineEndings() throws {
    let table = try Self.load(
      "\u{FEFF}id,amount,city,note\r\n1,12.5,\"Shanghai, PD\",\"say \"\"hi\"\"\"\r\n2,,Beijing,\n3,-3e2,,x\n"
    )
    #expect(table.rowCount == 3)
    #expect(table.names == ["id", "amount", "city", "note"])
    guard case .numeric(let amount) = table.columns[1] else {
      Issue.record("amount should be numeric")
      return
    }
    #expect(amount[0] == 12.5 && amount[1].isNaN && amount[2] == -300)
    guard case .categorical(let codes, let levels) = table.columns[2],
      case .categorical(_, let notes) = table.columns[3]
    else {
      Issue.record("city and note should be categorical")
      return
    }
    #expect(levels == ["Shanghai, PD", "Beijing"] && codes == [0, 1, -1])
    #expect(notes == ["say \"hi\"", "x"])
  }

  @Test(arguments: [
    ("", "the file is empty"),
    ("a,b\n", "header but no data rows"),
    ("a,b\n1,2\n3\n", "line 3 has 1 cells, but the header has 2"),
    ("a,b\n1,\"2\n", "unterminated quoted cell"),
    ("a,a\n1,2\n", "column 'a' appears twice"),
  ])
  func badFilesAreRejectedWithTheLine(text: String, message: String) {
    #expect {
      try Self.load(text)
    } throws: { error in
      (error as? CSVTableLoader.Failure)?.description.contains(message) == true
    }
  }

  @Test func targetsNeedTwoClassesAndANamedPositive() throws {
    let table = try Self.load(
      "x,status,flag,grade\n1,bad,0,A\n2,good,1,B\n3,good,1,C\n")
    let target = try BinaryTarget(
      table: table, column: "status", positive: "bad")
    #expect(
      target.labels == [1, 0, 0]
        && target.features.names == ["x", "flag", "grade"])
    #expect(
      try BinaryTarget(table: table, column: "flag", positive: nil).labels == [
        0, 1, 1,
      ])
    let failures: [(String, String?, String)] = [
      ("stauts", "bad", "did you mean 'status'"),
      ("status", nil, "name the positive (bad) class"),
      ("status", "ugly", "is not a class"),
      ("grade", "A", "exactly two classes, found 3"),
      ("x", nil, "exactly two classes, found 3"),
    ]
    for (column, positive, message) in failures {
      #expect {
        try BinaryTarget(table: table, column: column, positive: positive)
      } throws: { error in
        (error as? BinaryTarget.Failure)?.description.contains(message) == true
      }
    }
  }

  @Test func decimalParserIsExact() {
    for text in [
      "0.1", "-12.5e-3", "123456789012345678901", "1e22", "4.9e-324", "007.50",
    ] {
      let bytes = Array(text.utf8)
      #expect(
        DecimalParser.parse(bytes, 0, bytes.count) == Double(text), "\(text)")
    }
    for text in ["", "-", ".", "1e", "abc", "1.2.3", "nan", "inf"] {
      let bytes = Array(text.utf8)
      #expect(DecimalParser.parse(bytes, 0, bytes.count) == nil, "\(text)")
    }
  }

  @Test func validationSplitIsReproducibleAndNearItsFraction() {
    let a = ValidationSplit(rowCount: 10_000, fraction: 0.3, seed: 1)
    let b = ValidationSplit(rowCount: 10_000, fraction: 0.3, seed: 1)
    #expect(a == b)
    #expect(Set(a.training).isDisjoint(with: a.validation))
    #expect(a.training.count + a.validation.count == 10_000)
    #expect(abs(Double(a.validation.count) / 10_000 - 0.3) < 0.015)
  }
}
