import FenqiCore
import Foundation
import Testing

@testable import FenqiSimulation

@Suite struct BusinessValidationTests {
  /// The problems `b2b-supply-chain.json` has after `edit`.
  static func broken(_ edit: (inout [String: Any]) -> Void) throws -> [String] {
    try problems(editing: "b2b-supply-chain.json", edit)
  }

  static func business(
    _ json: inout [String: Any], _ edit: (inout [String: Any]) -> Void
  ) {
    var b = json["business"] as? [String: Any] ?? [:]
    edit(&b)
    json["business"] = b
  }

  static func arm(
    _ json: inout [String: Any], _ k: Int, _ edit: (inout [String: Any]) -> Void
  ) {
    var arms = json["arms"] as? [[String: Any]] ?? []
    edit(&arms[k])
    json["arms"] = arms
  }

  @Test func badCategoryAndShockFieldsAreNamedWithTheirPaths() throws {
    let problems = try Self.broken { json in
      Self.business(&json) { b in
        var categories = b["categories"] as? [[String: Any]] ?? []
        categories[2]["terms"] = [["months": 5, "weight": 1]]
        categories[2]["needShare"] = ["microFirm": 1]
        categories[3]["kind"] = "service"
        b["categories"] = categories
        var shocks = b["sectorShocks"] as? [[String: Any]] ?? []
        shocks[0]["sector"] = "mining"
        shocks[1]["toMonth"] = 2
        b["sectorShocks"] = shocks
      }
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "$.business.categories[2].terms[0].months: expected one of")
      }, "\(problems)")
    #expect(
      problems.contains(
        "$.business.categories[2].needShare.microFirm: unknown field; did you mean \"microFirms\"?"
      ), "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix(
          "$.business.categories[3].kind: expected one of \"goods\", \"prepaidService\""
        )
      })
    #expect(
      problems.contains {
        $0.hasPrefix(
          "$.business.sectorShocks[0].sector: expected one of \"manufacturing\""
        )
      })
    #expect(
      problems.contains(
        "$.business.sectorShocks[1].toMonth: expected a month ≥ fromMonth (5), found 2"
      ))
  }

  @Test func badLinePoliciesAreNamedWithTheirPaths() throws {
    let problems = try Self.broken { json in
      Self.arm(&json, 0) { arm in
        var lines = arm["lines"] as? [String: Any] ?? [:]
        lines["cut"] = ["factor": 1.5, "monthsPastDue": 1]
        arm["lines"] = lines
      }
      Self.arm(&json, 1) { arm in
        var lines = arm["lines"] as? [String: Any] ?? [:]
        lines["raise"] = ["factor": 1.2, "maxIncomeMultiple": 0.5]
        lines["freeze"] = ["monthsPastDue": 1]
        lines["cut"] = ["monthsPastDue": 2]
        arm["lines"] = lines
        arm["recourse"] = ["clawbackShare": 2]
      }
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "$.arms[0].lines.cut.factor: expected a number in [0.01, 0.99]")
      }, "\(problems)")
    #expect(
      problems.contains(
        "$.arms[1].lines.freeze.monthsPastDue: expected at least cut.monthsPastDue (2), found 1"
      ), "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix("$.arms[1].recourse.clawbackShare: expected a fraction")
      })
  }

  @Test func firmsNeedTheirSectorsAndSharesThatSumToOne() throws {
    let missing = try Self.broken { json in
      Self.business(&json) { $0["firms"] = nil }
    }
    #expect(
      missing.contains {
        $0.hasPrefix(
          "$.business.firms: missing: the population has firm segments")
      }, "\(missing)")
    let shares = try Self.broken { json in
      Self.business(&json) { b in
        var firms = b["firms"] as? [String: Any] ?? [:]
        var sectors = firms["sectors"] as? [[String: Any]] ?? []
        sectors[0]["share"] = 0.5
        firms["sectors"] = sectors
        b["firms"] = firms
      }
    }
    #expect(
      shares == [
        "$.business.firms.sectors: expected sector shares that sum to 1, found 1.15"
      ])
  }

  @Test func targetingPoliciesAreRefusedBesideABusinessLayer() throws {
    let problems = try problems(editing: "targeting.json") { json in
      let segments =
        (json["population"] as? [String: Any])?["segments"]
        as? [[String: Any]] ?? []
      json["business"] = [
        "categories": [
          [
            "name": "all", "priceMedian": 4000, "priceSigma": 0.5,
            "terms": [["months": 12]],
            "needShare": Dictionary(
              uniqueKeysWithValues: segments.compactMap {
                $0["name"] as? String
              }.map { ($0, 1) }),
          ]
        ]
      ]
    }
    #expect(
      problems.contains {
        $0.hasPrefix("$.arms[")
          && $0.contains("].targeting: targeting policies cannot run")
      }, "\(problems)")
  }

  @Test func firmSegmentsAndLinesNeedABusinessLayer() throws {
    let problems = try Self.broken { $0["business"] = nil }
    #expect(
      problems.contains(
        "$.population.segments[1].borrower: a firm segment needs a top-level \"business\" with \"firms\""
      ), "\(problems)")
    #expect(
      problems.contains(
        "$.arms[0].lines: an arm's lines needs a top-level \"business\" with its categories"
      ))
  }
}
