import FenqiCore
import FenqiHTTP
import FenqiSimulation

/// A scenario sent in a request body: parsed and validated as `fenqi validate` does, with every
/// problem named by its JSON path.
enum ScenarioBody {
  /// A valid scenario, the SHA-256 of the body and a short summary.
  struct Parsed {
    var scenario: Scenario
    var sha256: String
    var summary: JSONValue
  }

  /// Why a body is not a runnable scenario.
  struct Failure: Error {
    var status: Int
    var problems: [FieldProblem]

    /// `{"error": {first problem}, "problems": [...], "valid": false}`.
    var response: HTTPResponse {
      let first = problems.first ?? FieldProblem(path: "$", message: "invalid")
      let error = ServeApplication.object([
        ("field", .string(first.path)),
        (
          "message",
          .string(
            problems.count == 1
              ? first.message
              : "\(problems.count) problems; the first: \(first.message)")
        ),
        ("status", .number(Double(status))),
      ])
      let list = problems.map {
        ServeApplication.object([
          ("message", .string($0.message)), ("path", .string($0.path)),
        ])
      }
      return ServeApplication.json(
        ServeApplication.object([
          ("error", error), ("problems", .array(list)), ("valid", .bool(false)),
        ]), status: status)
    }
  }

  static func parse(_ body: [UInt8]) -> Result<Parsed, Failure> {
    guard let text = String(validating: body, as: UTF8.self) else {
      return .failure(
        Failure(
          status: 400,
          problems: [.init(path: "$", message: "the body is not UTF-8 text")]))
    }
    let json: JSONValue
    do { json = try JSONParser.parse(text) } catch {
      return .failure(
        Failure(
          status: 400,
          problems: [.init(path: "$", message: "not valid JSON: \(error)")]))
    }
    // A scenario from the network may not make the server read its files.
    if json["population"]?["fromSample"] != nil {
      return .failure(
        Failure(
          status: 422,
          problems: [
            .init(
              path: "$.population.fromSample",
              message:
                "a scenario sent over the API cannot name a file on the server; run it with fenqi run"
            )
          ]))
    }
    do {
      let scenario = try ScenarioLoader.decode(json, file: "scenario")
      return .success(
        Parsed(
          scenario: scenario, sha256: SHA256.hexDigest(of: body),
          summary: summary(scenario)))
    } catch {
      let problems =
        error.problems.isEmpty
        ? [FieldProblem(path: "$", message: error.message)] : error.problems
      return .failure(Failure(status: 422, problems: problems))
    }
  }

  static func summary(_ s: Scenario) -> JSONValue {
    ServeApplication.object([
      ("arms", .array(s.arms.map { .string($0.name) })),
      ("customers", .number(Double(s.population.size))),
      ("months", .number(Double(s.periods))),
      ("name", .string(s.name)),
      ("seed", .number(Double(s.seed))),
    ])
  }
}
