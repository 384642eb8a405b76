import FenqiCore

/// One problem with a request: the field's JSON path, what was expected and what was found.
public struct RequestProblem: Sendable, Equatable {
  /// The JSON path, such as `$.applications[3].age`.
  public var field: String
  /// What a valid value is.
  public var expected: String
  /// What the request held.
  public var found: String

  /// Creates a problem.
  public init(field: String, expected: String, found: String) {
    self.field = field
    self.expected = expected
    self.found = found
  }

  var json: JSONValue {
    .object([
      ("field", .string(field)), ("expected", .string(expected)),
      ("found", .string(found)),
    ])
  }
}

/// One validated application of a decision request.
struct ApplicationRequest: Sendable {
  /// The caller's identifier, echoed back.
  var applicationId: String?
  /// The arm that decides it (an index into the bundle's arms).
  var arm: Int
  /// The field values in ``RequestField/all`` order, defaults filled in.
  var values: [Double]

  /// The longest application identifier, in characters.
  static let maxIdentifierLength = 100

  /// Reads one application object at `path`; appends every problem and returns nil when any.
  static func read(
    _ value: JSONValue, path: String, arms: [String],
    problems: inout [RequestProblem]
  ) -> ApplicationRequest? {
    guard case .object(let members) = value else {
      problems.append(
        .init(
          field: path, expected: "an application object",
          found: value.shortDescription))
      return nil
    }
    let before = problems.count
    var values = RequestField.all.map { $0.defaultValue ?? .nan }
    var seen = [Bool](repeating: false, count: values.count)
    var applicationId: String?
    var arm: Int? = arms.count == 1 ? 0 : nil
    var armGiven = false
    let known = RequestField.names + ["applicationId", "arm"]
    for m in members {
      let field = JSONObjectReader.path(path, m.key)
      if let k = RequestField.names.firstIndex(of: m.key) {
        guard !seen[k] else {
          problems.append(
            .init(field: field, expected: "the field once", found: "it again"))
          continue
        }
        seen[k] = true
        let f = RequestField.all[k]
        guard case .number(let x) = m.value, x >= f.lower, x <= f.upper,
          !f.integer || x == x.rounded()
        else {
          problems.append(
            .init(
              field: field, expected: f.expectation,
              found: m.value.shortDescription))
          continue
        }
        values[k] = x
      } else if m.key == "applicationId" {
        guard case .string(let s) = m.value,
          (1...maxIdentifierLength).contains(s.count),
          !s.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control
          })
        else {
          problems.append(
            .init(
              field: field,
              expected:
                "a string of 1 to \(maxIdentifierLength) characters without control characters",
              found: m.value.shortDescription))
          continue
        }
        applicationId = s
      } else if m.key == "arm" {
        armGiven = true
        guard case .string(let s) = m.value, let a = arms.firstIndex(of: s)
        else {
          var expected =
            "one of " + arms.map { "\"\($0)\"" }.joined(separator: ", ")
          if case .string(let s) = m.value,
            let hint = Suggestion.nearest(to: s, among: arms)
          {
            expected += " (did you mean \"\(hint)\"?)"
          }
          problems.append(
            .init(
              field: field, expected: expected, found: m.value.shortDescription)
          )
          continue
        }
        arm = a
      } else {
        var expected = "a known field"
        if let hint = Suggestion.nearest(to: m.key, among: known) {
          expected += "; did you mean \"\(hint)\"?"
        }
        problems.append(
          .init(field: field, expected: expected, found: "an unknown field"))
      }
    }
    for (k, f) in RequestField.all.enumerated()
    where !seen[k] && f.defaultValue == nil {
      problems.append(
        .init(
          field: JSONObjectReader.path(path, f.name), expected: f.expectation,
          found: "nothing (the field is required)"))
    }
    if arm == nil, !armGiven {
      problems.append(
        .init(
          field: JSONObjectReader.path(path, "arm"),
          expected: "one of " + arms.map { "\"\($0)\"" }.joined(separator: ", ")
            + " (the bundle holds several arms)",
          found: "nothing"))
    }
    guard problems.count == before, let arm else { return nil }
    return ApplicationRequest(
      applicationId: applicationId, arm: arm, values: values)
  }

  /// The application's feature row (``LenderFeature`` order), computed as the simulator does.
  func fill(_ row: UnsafeMutablePointer<Double>) {
    typealias I = RequestField.Index
    typealias F = LenderFeature
    func v(_ i: I) -> Double { values[i.rawValue] }
    let data = ApplicationData(
      declaredIncome: v(.declaredIncome), bureauScore: v(.bureauScore),
      debtToIncome: v(.debtToIncome),
      creditHistoryMonths: v(.creditHistoryMonths),
      priorDelinquencies: v(.priorDelinquencies), age: v(.age),
      cityTier: v(.cityTier),
      requestedAmount: v(.requestedAmount), termMonths: v(.termMonths),
      instalment: v(.instalment),
      externalApplications: v(.externalApplications),
      deviceApplicants: v(.deviceApplicants), openLoans: v(.openLoans))
    FeatureLedger.fillForm(row, application: data, profile: data)
    let history: [(F, I)] = [
      (.applications1m, .applications1m), (.applications3m, .applications3m),
      (.applications6m, .applications6m), (.bookings6m, .bookings6m),
      (.bookedPrincipal6m, .bookedPrincipal6m), (.contacts3m, .contacts3m),
      (.missedPayments3m, .missedPayments3m),
      (.missedPayments6m, .missedPayments6m),
      (.monthsSinceLastBooking, .monthsSinceLastBooking),
      (.monthsSinceLastMiss, .monthsSinceLastMiss),
      (.lineUtilisation, .lineUtilisation),
      (.tenureMonths, .tenureMonths),
    ]
    for (f, i) in history { row[f.rawValue] = v(i) }
    row[F.applicationTrend.rawValue] = FeatureLedger.applicationTrend(
      applications1m: v(.applications1m), applications6m: v(.applications6m))
  }

  /// What the applicant already owes the lender, yuan.
  var balance: Double { values[RequestField.Index.outstandingBalance.rawValue] }
}

extension JSONObjectReader {
  /// The path of member `key` of the object at `path` (`$.a.b`, or `$.a["odd key"]`).
  static func path(_ path: String, _ key: String) -> String {
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
      }
    return plain ? "\(path).\(key)" : "\(path)[\(JSONWriter.quoted(key))]"
  }
}
