import Foundation
import Testing

@testable import FenqiReport

/// Text measurement, tick precision, ratios over zero, colours and the page layout.
@Suite struct ReportLayoutTests {
  struct WidthCase: Sendable, CustomTestStringConvertible {
    var text: String
    var ems: Double
    var testDescription: String { text }
  }

  @Test(arguments: [
    WidthCase(text: "abc", ems: 1.68), WidthCase(text: "对照组", ems: 3),
    WidthCase(text: "免息3期", ems: 3.56), WidthCase(text: "ＡＢ", ems: 2),
    WidthCase(text: "한국", ems: 2), WidthCase(text: "e\u{301}", ems: 0.56),
  ])
  func wideScriptsCountAFullEmPerCharacter(_ c: WidthCase) {
    #expect(abs(Formatting.displayWidth(c.text) - c.ems) < 1e-9)
  }

  @Test func longLabelsAreCutToTheirWidthWithAnEllipsis() {
    let cut = Formatting.truncated("双十一金卡十二期免息分期", toWidth: 5)
    #expect(cut == "双十一金…")
    #expect(Formatting.displayWidth(cut) <= 5)
    #expect(Formatting.truncated("control", toWidth: 3) == "cont…")
    #expect(Formatting.truncated("short", toWidth: 20) == "short")
  }

  @Test func chineseLegendNamesDoNotOverlapTheNextSwatch() throws {
    let names = ["对照组（无促销）", "金卡十二期免息", "抽奖折扣"]
    let svg = SVGChart.legend(names, lines: false).svg
    let xs = svg.components(separatedBy: "<rect x=\"").dropFirst().compactMap {
      Double($0.prefix { $0 != "\"" })
    }
    try #require(xs.count == 3)
    for i in 0..<2 {
      // The next swatch starts after this one's text: 32 px lead plus 11 px per em.
      #expect(xs[i + 1] >= xs[i] + 32 + 11 * Formatting.displayWidth(names[i]))
    }
  }

  @Test func ratiosOverZeroAreNotMeaningful() {
    #expect(Formatting.ratio(5, 0) == "n/m")
    #expect(Formatting.ratio(.nan, 2) == "n/m")
    #expect(Formatting.ratio(3, 2) == "1.50×")
    #expect(Formatting.multiple(.infinity) == "n/m")
    #expect(
      EconomicsSection.format(.nan, unit: "ratio", scale: (1, "")) == "n/m")
  }

  @Test func tickLabelsHaveTheDecimalsTheirStepNeeds() {
    let scale = AxisScale(values: [0, 0.012])
    #expect(scale.step == 0.0025)
    let labels = SVGChart.tickLabels(scale) {
      Formatting.percent($0, digits: 1)
    }
    #expect(labels.contains("0.25%"))
    #expect(Set(labels).count == labels.count)
    let counts = AxisScale(values: [0, 1000])
    #expect(SVGChart.tickLabels(counts, Formatting.compact).first == "0")
    #expect(AxisScale.decimals(0.25) == 2)
    #expect(AxisScale.decimals(5) == 0)
    #expect(AxisScale.decimals(0.1) == 1)
  }

  @Test func theSequentialScaleRunsFromViridisLightToDark() {
    #expect(SVGChart.sequentialColour(0) == "#fde725")
    #expect(SVGChart.sequentialColour(1) == "#440154")
    #expect(SVGChart.sequentialColour(.nan) == "#fde725")
    // Fifteen vintages get fifteen colours.
    let colours = (0..<15).map { SVGChart.sequentialColour(Double($0) / 14) }
    #expect(Set(colours).count == 15)
  }

  @Test func pagesGetAContentsListAndScrollingTables() {
    let body =
      "<header><h1>x</h1></header>"
      + ["One", "Two words", "Three"].map {
        HTMLReport.section($0, "<table><tr><td>1</td></tr></table>")
      }.joined()
    let page = HTMLReport.document(title: "t", body: body)
    #expect(page.contains("<nav class=\"toc\">"))
    #expect(page.contains("<a href=\"#s-two-words\">Two words</a>"))
    #expect(page.contains("<h2 id=\"s-two-words\">"))
    #expect(page.contains("<div class=\"scroll\"><table>"))
    #expect(page.contains("@media print"))
    #expect(
      PageLayout.anchor("Vintage triangle and roll rates")
        == "s-vintage-triangle-and-roll-rates")
  }

  @Test func eachForestRowHasItsOwnScaleAndGuardrailsTheirLimit() {
    let svg = SVGChart.forestPanels(
      id: "f", title: "t",
      rows: [
        ForestPanelRow(
          label: "net income", estimate: 120, low: 80, high: 160, primary: true,
          format: Formatting.compact),
        ForestPanelRow(
          label: "bad debt", estimate: 0.001, low: -0.002, high: 0.004,
          limit: 0.005, format: { Formatting.percent($0, digits: 2) }),
      ])
    #expect(svg.contains("primary metric"))
    #expect(svg.contains("guardrail, rise ≤ 0.50%"))
    #expect(svg.contains("data-limit=\"0.005\""))
    // The money row's ticks run to 200 in steps of 50; the rate row's to 0.6% in steps of
    // 0.2%: two scales.
    #expect(svg.contains(">200<") && svg.contains(">150<"))
    #expect(svg.contains(">0.6%<") && svg.contains(">-0.2%<"))
  }
}

/// The vintage triangle and roll-rate files of a run reconcile with its monthly flows.
@Suite struct CreditTablesTests {
  @Test func everyLoanMonthRollsOnceAndTheTriangleIsReported() throws {
    let result = try smallResult()
    let (data, files) = try runData(result)
    let rolls = try Table(csv: try #require(files["roll_rates.csv"]))
    for arm in data.armNames {
      let months = rolls.rows(where: "arm", is: arm).reduce(0) {
        $0 + rolls.number($1, "loan_months")
      }
      let due = data.series(arm, "instalments_due").reduce(0, +)
      #expect(
        months == due,
        "\(arm): \(months) loan-months rolled, \(due) instalments due")
      for from in CreditTables.fromBuckets {
        let shares = rolls.rows(where: "arm", is: arm).filter {
          rolls.text($0, "from_bucket") == from
        }.map { rolls.number($0, "share") }.filter(\.isFinite)
        if !shares.isEmpty {
          #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        }
      }
    }
    let v = data.vintages
    for row in v.rows {
      let (all, d30, d60, d90) = (
        v.number(row, "open_balance"), v.number(row, "balance_dpd_30_plus"),
        v.number(row, "balance_dpd_60_plus"),
        v.number(row, "balance_dpd_90_plus")
      )
      #expect(all >= d30 && d30 >= d60 && d60 >= d90 && d90 >= 0)
    }
    let html = try #require(files["report.html"])
    #expect(html.contains("Vintage triangle and roll rates"))
    #expect(html.contains("class=\"triangle\""))
    #expect(html.contains("id=\"roll-rates-0\""))
  }
}
