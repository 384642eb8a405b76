import FenqiCore
import FenqiModels

extension ScoringModel {
  /// A model `fenqi train` wrote, as a scoring model over ``LenderFeature`` rows.
  ///
  /// Trees and scorecards must have been trained on every feature, numeric, in ``LenderFeature``
  /// order (the columns of `fenqi audit-tape`); a network on any numeric subset of them.
  ///
  /// - Returns: the model, or what is wrong with it (for a message that names where it came
  ///   from).
  public static func bundling(_ model: TrainedModel) -> Result<
    ScoringModel, Problem
  > {
    let names = model.schema.names
    if let f = model.schema.features.first(where: { $0.levels != nil }) {
      return .failure(
        Problem(
          description:
            "expected numeric inputs only, found categorical input '\(f.name)'")
      )
    }
    switch model {
    case .gbdt(let trees):
      guard names == LenderFeature.names else {
        return .failure(.featureOrder(names))
      }
      return .success(ScoringModel(trees: trees))
    case .scorecard(let card):
      guard names == LenderFeature.names else {
        return .failure(.featureOrder(names))
      }
      return .success(ScoringModel(scorecard: card))
    case .mlp(let network):
      var features: [LenderFeature] = []
      for name in names {
        guard let k = LenderFeature.names.firstIndex(of: name),
          let f = LenderFeature(rawValue: k)
        else {
          var message =
            "expected inputs named as lender features, found '\(name)'"
          if let hint = Suggestion.nearest(to: name, among: LenderFeature.names)
          {
            message += "; did you mean '\(hint)'?"
          }
          return .failure(Problem(description: message))
        }
        features.append(f)
      }
      return .success(ScoringModel(network: network, features: features))
    case .logistic:
      return .failure(
        Problem(
          description:
            "expected a gbdt, scorecard or mlp model, found a logistic regression (it has no row scorer here)"
        ))
    }
  }

  /// Why a trained model cannot score lender rows.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    static func featureOrder(_ names: [String]) -> Problem {
      let missing = LenderFeature.names.filter { !names.contains($0) }
      let detail =
        missing.isEmpty
        ? "they are in another order"
        : "missing "
          + missing.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
          + (missing.count > 3 ? " and \(missing.count - 3) more" : "")
      return Problem(
        description:
          "expected the \(LenderFeature.count) lender features in their order (the columns of fenqi audit-tape); \(detail)"
      )
    }
  }

  /// The model as bundle JSON: its kind and, for a fitted model, the model file's JSON.
  var bundleJSON: JSONValue {
    func file(_ m: TrainedModel) -> JSONValue {
      ModelFile(model: m, target: "bad", positive: "1", negative: "0").json
    }
    switch form {
    case .trees(let t, _, _):
      return .object([("kind", .string("gbdt")), ("model", file(.gbdt(t)))])
    case .scorecard(let c):
      return .object([
        ("kind", .string("scorecard")), ("model", file(.scorecard(c))),
      ])
    case .network(let n, _):
      return .object([("kind", .string("mlp")), ("model", file(.mlp(n)))])
    case .uninformed(let kind, let p):
      return .object([
        ("kind", .string("uninformed")), ("standsFor", .string(kind.rawValue)),
        ("probability", .number(p)),
      ])
    }
  }

  /// Reads a model written by ``bundleJSON``; reports problems and returns nil when it cannot.
  static func read(_ r: inout JSONObjectReader) -> ScoringModel? {
    let kinds = ["gbdt", "scorecard", "mlp", "uninformed"]
    guard let kind = r.string("kind", allowed: kinds) else { return nil }
    if kind == "uninformed" {
      let p = r.number("probability", .fraction)
      let standsFor = r.string(
        "standsFor", allowed: ScoringModel.Kind.allCases.map(\.rawValue))
      guard let p, let k = standsFor.flatMap(ScoringModel.Kind.init(rawValue:))
      else {
        return nil
      }
      return ScoringModel(uninformed: k, probability: p)
    }
    guard let value = r.value("model") else {
      r.report("model", "missing required field (expected a fenqi model)")
      return nil
    }
    let file: ModelFile
    do { file = try ModelFile(json: value, path: r.childPath("model")) } catch {
      // The model file's message starts with its own JSON path.
      let text = error.description
      if let colon = text.range(of: ": "), text.hasPrefix("$") {
        r.collector.report(
          String(text[..<colon.lowerBound]), String(text[colon.upperBound...]))
      } else {
        r.collector.report(r.childPath("model"), text)
      }
      return nil
    }
    guard file.model.kind == kind else {
      r.report(
        "kind",
        "expected \"\(file.model.kind)\" (the model's kind), found \"\(kind)\"")
      return nil
    }
    switch bundling(file.model) {
    case .success(let m): return m
    case .failure(let problem):
      r.collector.report(
        r.childPath("model") + ".features", problem.description)
      return nil
    }
  }
}
