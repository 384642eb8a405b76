import FenqiModels
import Foundation
import Testing

/// Tampered model files fail on load with the JSON path of the bad value; one whose tree pointed
/// back to its own node used to make `predict` loop forever.
@Suite struct ModelFileValidationTests {
  static let schema = FeatureSchema(features: [
    .init(name: "x", levels: nil), .init(name: "c", levels: ["a", "b", "c"]),
  ])

  static func tree() -> DecisionTree {
    // Node 0 → node 1 | leaf 2; node 1 → leaf 0 | leaf 1.
    var t = DecisionTree()
    t.feature = [0, 0]
    t.thresholdBin = [1, 0]
    t.thresholdValue = [1.5, 0.5]
    t.defaultLeft = [true, false]
    t.categorySet = [-1, -1]
    t.left = [1, ~0]
    t.right = [~2, ~1]
    t.gain = [2, 1]
    t.nodeCount = [10, 6]
    t.leafValue = [0.1, 0.2, 0.3]
    t.leafCount = [3, 3, 4]
    return t
  }

  static let encoder = DenseEncoder(
    schema: schema,
    inputs: [
      .numeric(mean: 0, scale: 1, flagsMissing: false),
      .categorical(keptLevels: [1]),
    ])

  static let models: [String: TrainedModel] = [
    "gbdt": .gbdt(
      GradientBoostedTrees(
        schema: schema,
        mappers: [
          BinMapper(rule: .numeric(upperBounds: [1, 2]), valueBins: 3),
          BinMapper(rule: .categorical(binOfLevel: [0, 1, -1]), valueBins: 2),
        ], objective: .binary, baseScore: -0.5, trees: [tree()],
        monotone: [0, 0])),
    "logistic": .logistic(
      encoder: encoder,
      regression: LogisticRegression(intercept: 0.1, coefficients: [0.5, -0.5])),
    "mlp": .mlp(
      NeuralNetwork(
        encoder: encoder,
        layers: [
          .init(inputs: 2, outputs: 2, weights: [1, 2, 3, 4], biases: [0, 0]),
          .init(inputs: 2, outputs: 1, weights: [1, -1], biases: [0.5]),
        ])),
  ]

  /// The model file of `kind` as JSON objects.
  static func json(_ kind: String) throws -> Any {
    let model = try #require(models[kind])
    let text = ModelFile(
      model: model, target: "y", positive: "1", negative: "0"
    ).text
    return try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  /// One step into JSON: an object member or an array element.
  enum Step: Sendable {
    case key(String)
    case index(Int)
  }

  /// A replacement value.
  enum Value: Sendable {
    case int(Int)
    case null
    case ints([Int])
    case string(String)
    case nested([[Int]])

    var json: Any {
      switch self {
      case .nested(let v): return v
      case .int(let v): return v
      case .null: return NSNull()
      case .ints(let v): return v
      case .string(let v): return v
      }
    }
  }

  /// `root` with the value at `path` replaced.
  static func replacing(_ root: Any, _ path: ArraySlice<Step>, with value: Any)
    -> Any
  {
    guard let step = path.first else { return value }
    switch step {
    case .key(let k):
      guard var d = root as? [String: Any], let child = d[k] else {
        return root
      }
      d[k] = replacing(child, path.dropFirst(), with: value)
      return d
    case .index(let i):
      guard var a = root as? [Any], a.indices.contains(i) else { return root }
      a[i] = replacing(a[i], path.dropFirst(), with: value)
      return a
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: String
    var message: String
    var edits: [([Step], Value)]
    var testDescription: String { name }
  }

  static func tree(_ field: String, _ i: Int) -> [Step] {
    [.key("gbdt"), .key("trees"), .index(0), .key(field), .index(i)]
  }

  static func bins(_ i: Int, _ field: String) -> [Step] {
    [.key("gbdt"), .key("bins"), .index(i), .key(field)]
  }

  static let cases: [Case] = [
    Case(
      name: "a node that is its own child", kind: "gbdt",
      message:
        "$.gbdt.trees[0].left[0]: expected a node in 1…1 or a leaf −1…−3 (children come after their parent, so no path can loop), found 0",
      edits: [(tree("left", 0), .int(0))]),
    Case(
      name: "a child pointing back to its parent", kind: "gbdt",
      message: "$.gbdt.trees[0].left[1]: expected a leaf −1…−3",
      edits: [(tree("left", 1), .int(0))]),
    Case(
      name: "a leaf out of range", kind: "gbdt",
      message:
        "$.gbdt.trees[0].right[0]: expected a leaf −1…−3 (leaf k is −k−1), found -9",
      edits: [(tree("right", 0), .int(-9))]),
    Case(
      name: "a leaf with two parents", kind: "gbdt",
      message: "$.gbdt.trees[0]: expected leaf 0 to have one parent, found 2",
      edits: [(tree("right", 1), .int(-1))]),
    Case(
      name: "an index past 32 bits", kind: "gbdt",
      message:
        "$.gbdt.trees[0].left[0]: expected an integer in −2147483648…2147483647",
      edits: [(tree("left", 0), .int(3_000_000_000))]),
    Case(
      name: "a negative category-set part", kind: "gbdt",
      message:
        "$.gbdt.trees[0].categorySets[0][3]: expected a sixteen-bit part in 0…65535, found -2",
      edits: [
        (
          [.key("gbdt"), .key("trees"), .index(0), .key("categorySets")],
          .nested([[0, 0, 0, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])
        )
      ]),
    Case(
      name: "a leaf value that is not a number", kind: "gbdt",
      message:
        "$.gbdt.trees[0].leafValue[1]: expected a finite number, found null",
      edits: [(tree("leafValue", 1), .null)]),
    Case(
      name: "bounds out of order", kind: "gbdt",
      message:
        "$.gbdt.bins[0].upperBounds[1]: expected bounds in ascending order, found 1.0 after 2.0",
      edits: [(bins(0, "upperBounds"), .ints([2, 1]))]),
    Case(
      name: "more bins than a byte holds", kind: "gbdt",
      message: "$.gbdt.bins[0].upperBounds: expected at most 253 bounds",
      edits: [(bins(0, "upperBounds"), .ints(Array(0..<300)))]),
    Case(
      name: "a category bin out of range", kind: "gbdt",
      message: "$.gbdt.bins[1].binOfLevel[2]: expected a bin in −1…1, found 7",
      edits: [(bins(1, "binOfLevel"), .ints([0, 1, 7]))]),
    Case(
      name: "a base score that is not a number", kind: "gbdt",
      message: "$.gbdt.baseScore: expected a finite number",
      edits: [([.key("gbdt"), .key("baseScore")], .null)]),
    Case(
      name: "monotone constraints of the wrong length", kind: "gbdt",
      message: "$.gbdt.monotone: expected one of −1, 0 or +1 per feature",
      edits: [([.key("gbdt"), .key("monotone")], .ints([0]))]),
    Case(
      name: "a feature named twice", kind: "gbdt",
      message: "$.features[1].name: expected a name used once, found 'x' again",
      edits: [([.key("features"), .index(1), .key("name")], .string("x"))]),
    Case(
      name: "a zero scale", kind: "logistic",
      message: "$.encoder[0].scale: expected a finite number > 0",
      edits: [([.key("encoder"), .index(0), .key("scale")], .int(0))]),
    Case(
      name: "a kept level that does not exist", kind: "logistic",
      message:
        "$.encoder[1].keptLevels[0]: expected ascending level indices in 0…2, found 5",
      edits: [([.key("encoder"), .index(1), .key("keptLevels")], .ints([5]))]),
    Case(
      name: "a coefficient missing", kind: "logistic",
      message:
        "$.regression.coefficients: expected 2 coefficients, one per encoded column",
      edits: [([.key("regression"), .key("coefficients")], .ints([1]))]),
    Case(
      name: "layers that do not chain", kind: "mlp",
      message: "$.layers[1].inputs: expected 2, the previous layer's outputs",
      edits: [
        ([.key("layers"), .index(1), .key("inputs")], .int(3)),
        ([.key("layers"), .index(1), .key("weights")], .ints([1, 2, 3])),
      ]),
    Case(
      name: "a network with two outputs", kind: "mlp",
      message: "$.layers[1].outputs: expected 1 (the margin)",
      edits: [
        ([.key("layers"), .index(1), .key("outputs")], .int(2)),
        ([.key("layers"), .index(1), .key("weights")], .ints([1, -1, 1, -1])),
        ([.key("layers"), .index(1), .key("biases")], .ints([0, 0])),
      ]),
  ]

  @Test func undamagedFilesLoad() throws {
    for kind in Self.models.keys.sorted() {
      let data = try JSONSerialization.data(withJSONObject: try Self.json(kind))
      #expect(throws: Never.self) {
        try ModelFile(text: String(decoding: data, as: UTF8.self))
      }
    }
  }

  @Test(arguments: cases)
  func damagedFilesFailWithTheJSONPath(_ c: Case) throws {
    var json = try Self.json(c.kind)
    for (path, value) in c.edits {
      json = Self.replacing(json, path[...], with: value.json)
    }
    let text = String(
      decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    let error = #expect(throws: ModelFile.Failure.self) {
      try ModelFile(text: text)
    }
    #expect(
      error?.description.contains(c.message) == true,
      "\(String(describing: error))")
  }
}
