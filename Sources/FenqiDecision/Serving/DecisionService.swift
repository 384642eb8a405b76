import FenqiCore

/// What the decision service answers: an HTTP status, a JSON body, and one audit line per
/// decision made.
public struct DecisionReply: Sendable {
  /// The HTTP status: 200, or 400 (not a JSON object) or 422 (invalid fields).
  public var status: Int
  /// The JSON body, UTF-8, no trailing newline.
  public var body: [UInt8]
  /// One compact JSON line per decision (no trailing newline), for the audit log.
  public var auditLines: [[UInt8]]
  /// What the monitor needs of each decision (see ``DecisionMonitor/record(_:)``).
  public var observations: [DecisionObservation] = []

  /// Creates a reply.
  public init(status: Int, body: [UInt8], auditLines: [[UInt8]]) {
    self.status = status
    self.body = body
    self.auditLines = auditLines
  }
}

/// One decided application as the monitor sees it: its arm, feature row and PD.
public struct DecisionObservation: Sendable {
  /// The arm's index in the bundle.
  public var arm: Int
  /// The feature row, ``LenderFeature`` order.
  public var features: [Double]
  /// The PD, when a model scored the application.
  public var pd: Double?

  /// Creates an observation.
  public init(arm: Int, features: [Double], pd: Double?) {
    self.arm = arm
    self.features = features
    self.pd = pd
  }
}

/// Decides applications with a ``DecisionBundle``'s stacks: request bytes in, status and JSON
/// bytes out, exactly as the simulator's ``DecisionStack`` decides.
///
/// Never throws or traps on any input: every problem is an answer (400 or 422) naming the field's
/// JSON path, what was expected and what was found.
public struct DecisionService: Sendable {
  /// The bundle served.
  public let bundle: DecisionBundle
  let stacks: [DecisionStack]
  let armNames: [String]
  /// The bundle's version and the first 12 hex digits of its content hash.
  ///
  /// For example `risk-stack-seed42-m24+3f2a9c1e0b7d`.
  public let version: String

  /// Most applications in one batch request.
  public static let batchLimit = 1000

  /// Serves `bundle`.
  public init(bundle: DecisionBundle) {
    self.bundle = bundle
    stacks = bundle.arms.indices.map { bundle.stack(arm: $0) }
    armNames = bundle.arms.map(\.name)
    version = bundle.version + "+" + String(bundle.contentHash.prefix(12))
  }

  /// `POST /v1/decisions`: decides one application.
  ///
  /// - Parameter body: the request body, a JSON object with the application's fields (see
  ///   ``applicationSchema``), an optional `applicationId` and an optional `arm`.
  /// - Returns: 200 with the decision; 400 when the body is not a JSON object; 422 listing every
  ///   invalid field.
  public func decide(body: [UInt8]) -> DecisionReply {
    let value: JSONValue
    switch Self.parse(body) {
    case .success(let v): value = v
    case .failure(let failed): return failed.reply
    }
    var problems: [RequestProblem] = []
    guard
      let request = ApplicationRequest.read(
        value, path: "$", arms: armNames, problems: &problems)
    else { return Self.failure(problems, status: Self.status(value)) }
    let made = decision(request)
    var reply = DecisionReply(
      status: 200, body: Array(made.response.utf8),
      auditLines: [Array(made.audit.utf8)])
    reply.observations = [made.observation]
    return reply
  }

  /// `POST /v1/decisions:batch`: decides up to ``batchLimit`` applications,
  /// `{"applications": [ … ]}`, all or none.
  ///
  /// - Returns: 200 with `{"bundleVersion", "decisions": [ … ]}` in request order; 400 or 422
  ///   listing every problem of every item (`$.applications[3].age`), deciding none.
  public func decideBatch(body: [UInt8]) -> DecisionReply {
    let value: JSONValue
    switch Self.parse(body) {
    case .success(let v): value = v
    case .failure(let failed): return failed.reply
    }
    var problems: [RequestProblem] = []
    guard case .object(let members) = value else {
      return Self.failure(
        [
          .init(
            field: "$", expected: "a JSON object", found: value.shortDescription
          )
        ],
        status: 400)
    }
    var items: [JSONValue]?
    for m in members {
      let field = JSONObjectReader.path("$", m.key)
      if m.key == "applications", case .array(let a) = m.value {
        items = a
      } else if m.key == "applications" {
        problems.append(
          .init(
            field: field, expected: "an array of applications",
            found: m.value.shortDescription))
      } else {
        var expected = "a known field"
        if let hint = Suggestion.nearest(to: m.key, among: ["applications"]) {
          expected += "; did you mean \"\(hint)\"?"
        }
        problems.append(
          .init(field: field, expected: expected, found: "an unknown field"))
      }
    }
    if items == nil, !members.contains(where: { $0.key == "applications" }) {
      problems.append(
        .init(
          field: "$.applications", expected: "an array of applications",
          found: "nothing"))
    }
    if let n = items?.count, n == 0 || n > Self.batchLimit {
      problems.append(
        .init(
          field: "$.applications",
          expected: "1 to \(Self.batchLimit) applications", found: "\(n)"))
      items = nil
    }
    var requests: [ApplicationRequest] = []
    for (i, item) in (items ?? []).enumerated() {
      if let r = ApplicationRequest.read(
        item, path: "$.applications[\(i)]", arms: armNames, problems: &problems)
      {
        requests.append(r)
      }
    }
    guard problems.isEmpty else { return Self.failure(problems, status: 422) }
    let made = requests.map(decision)
    // Keys in order; the decisions are spliced in as formatted.
    let body =
      "{\"bundleVersion\":" + JSONWriter.quoted(version) + ",\"decisions\":["
      + made.map(\.response).joined(separator: ",") + "]}"
    var reply = DecisionReply(
      status: 200, body: Array(body.utf8),
      auditLines: made.map { Array($0.audit.utf8) })
    reply.observations = made.map(\.observation)
    return reply
  }

  /// The JSON description of a request's fields (name, type, unit, meaning, range, required,
  /// default), for documentation and forms.
  public var applicationSchema: [UInt8] {
    let fields: [JSONValue] = RequestField.all.map { f in
      var m: [(key: String, value: JSONValue)] = [
        ("name", .string(f.name)),
        ("type", .string(f.integer ? "integer" : "number")),
        ("unit", .string(f.unit)), ("meaning", .string(f.meaning)),
        ("minimum", .number(f.lower)), ("maximum", .number(f.upper)),
        ("required", .bool(f.defaultValue == nil)),
      ]
      if let d = f.defaultValue { m.append(("default", .number(d))) }
      return .object(m)
    }
    let extra: [JSONValue] = [
      .object([
        ("name", .string("applicationId")), ("type", .string("string")),
        (
          "meaning",
          .string(
            "the caller's identifier, echoed in the reply and the audit log")
        ),
        ("required", .bool(false)),
      ]),
      .object([
        ("name", .string("arm")), ("type", .string("string")),
        ("meaning", .string("which arm's stack decides")),
        ("enum", .array(armNames.map { .string($0) })),
        ("required", .bool(armNames.count > 1)),
      ]),
    ]
    return Array(
      JSONWriter.compact(
        .object([
          ("bundleVersion", .string(version)),
          ("fields", .array(fields + extra)),
          ("batchLimit", .number(Double(Self.batchLimit))),
        ])
      ).utf8)
  }

  // MARK: Replies

  static func parse(_ body: [UInt8]) -> Result<JSONValue, FailedReply> {
    do {
      return .success(
        try JSONParser.parse(String(decoding: body, as: UTF8.self)))
    } catch {
      return .failure(
        FailedReply(
          reply: failure(
            [
              .init(
                field: "$", expected: "a JSON object",
                found: "invalid JSON (\(error.description))")
            ],
            status: 400)))
    }
  }

  /// 400 when the body is not an object at all, 422 for invalid fields.
  static func status(_ value: JSONValue) -> Int {
    if case .object = value { return 422 }
    return 400
  }

  static func failure(_ problems: [RequestProblem], status: Int)
    -> DecisionReply
  {
    let body: JSONValue = .object([
      ("error", problems.first?.json ?? .null),
      ("errors", .array(problems.map(\.json))),
    ])
    return DecisionReply(
      status: status, body: Array(JSONWriter.compact(body).utf8), auditLines: []
    )
  }

  /// A reply carried as an error.
  struct FailedReply: Error {
    var reply: DecisionReply
  }
}
