import FenqiCore
import FenqiCredit
import FenqiSimulation

/// Every file a run folder can hold, in the order ``RunFolderWriter`` writes them.
///
/// The one list of a run folder's files — each file's name, when it is written and how it is
/// built (``text(for:experiment:)``): the writer writes them from it, `manifest.json` lists the
/// ones written, ``RunData/load(folder:)`` reads them back (every optional table lands in
/// ``RunData/tables``), and `--force` recognises a run folder by them. Adding an output file
/// means a case here, its line in ``text(for:experiment:)``, and the function that builds it.
public enum RunFile: String, CaseIterable, Sendable {
  /// The run's identity, times and file list.
  case manifest = "manifest.json"
  /// With two arms or more: each treatment arm's incremental economics against the control.
  case economics = "economics.csv"
  /// Every arm's figures and the experiment's verdicts.
  case summary = "summary.json"
  /// One row per period × arm.
  case periods = "periods.csv"
  /// One row per arm.
  case arms = "arms.csv"
  /// One row per arm × segment.
  case segments = "segments.csv"
  /// One row per arm × origination month × month on book.
  case vintages = "vintages.csv"
  /// Per arm: loan-months by delinquency bucket at the month's start and outcome at its end.
  case rollRates = "roll_rates.csv"
  /// With channels: one row per period × arm × channel.
  case channels = "channels.csv"
  /// With channels: customer-months by contacts received.
  case contactFrequency = "contact_frequency.csv"
  /// With a macro path: the resolved path.
  case macro = "macro.csv"
  /// With a macro path: expected credit loss by month, arm and stage.
  case ecl = "ecl.csv"
  /// With a risk stack: the lender's models by month.
  case risk = "risk.csv"
  /// With a risk stack: the decisions by month.
  case decisions = "decisions.csv"
  /// With a risk stack: each arm's decision stack as trained at the end of the run, for
  /// `fenqi serve` (see ``FenqiDecision/DecisionBundle``).
  case decisionBundle = "decision-bundle.json"
  /// With targeting policies: per month and arm against the truth.
  case targeting = "targeting.csv"
  /// With targeting policies: the uplift scores' Qini and AUUC.
  case uplift = "uplift.csv"
  /// With targeting policies: the off-policy estimates.
  case offPolicy = "off_policy.csv"
  /// With a business layer: per month × arm × borrower kind.
  case business = "business.csv"
  /// With a business layer: customer value per arm × segment.
  case value = "value.csv"
  /// With merchant agents: every merchant.
  case merchants = "merchants.csv"
  /// With an experiment: one row per metric × treatment arm.
  case tests = "tests.csv"
  /// With `--replicates`: one row per replicate × metric × treatment arm.
  case replicates = "replicates.csv"
  /// With `--replicates`: one row per metric × treatment arm.
  case replicatesSummary = "replicates-summary.csv"
  /// With `--tape-loans N`: the monthly performance of a random sample of N booked loans, in
  /// the loan-tape format (see ``LoanTapeWriter``).
  case tape = "tape.csv"
  /// The Markdown report, rendered from the files above.
  case markdownReport = "report.md"
  /// The HTML report, rendered from the files above.
  case htmlReport = "report.html"
  /// With `--excel`: every CSV table of the folder as a sheet of one Excel workbook.
  case workbook = "report.xlsx"

  /// The file's name in the folder.
  public var name: String { rawValue }

  /// The files every run folder holds and a report needs.
  public static let required: [RunFile] = [
    .summary, .periods, .arms, .segments, .vintages,
  ]

  /// The file's place in the writing order.
  public var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Whether the file is a report rendered from the others.
  public var isReport: Bool { self == .markdownReport || self == .htmlReport }

  /// Whether the reports read the file (the loan tape, a sample for calibration, the decision
  /// bundle, for serving, and the workbook, a copy of the tables, they do not).
  public var feedsReports: Bool {
    !isReport && self != .tape && self != .decisionBundle && self != .workbook
  }

  /// Whether the file is a table (CSV).
  public var isTable: Bool { rawValue.hasSuffix(".csv") }

  /// The data file's text for a run, or nil when the run does not write it.
  ///
  /// The manifest (which lists the others), the replicates (written by a replicate study) and
  /// the reports (rendered from the others) are built by ``RunFolderWriter`` and give nil here.
  func text(for r: RunResult, experiment: ExperimentFiles?) -> String? {
    switch self {
    case .summary:
      JSONWriter.text(RunFolderWriter.summary(r, experiment: experiment))
    case .periods: ResultTables.periods(r).text
    case .arms: ResultTables.arms(r).text
    case .segments: ResultTables.segments(r).text
    case .vintages: ResultTables.vintages(r).text
    case .rollRates: CreditTables.rollRates(r).text
    case .channels:
      r.scenario.usesChannels ? MarketingResultTables.channels(r).text : nil
    case .contactFrequency:
      r.scenario.usesChannels
        ? MarketingResultTables.contactFrequency(r).text : nil
    case .macro:
      r.scenario.macro == nil ? nil : StressTables.macro(r.scenario).text
    case .ecl: r.scenario.macro == nil ? nil : StressTables.ecl(r).text
    case .risk: r.risk == nil ? nil : RiskResultTables.risk(r).text
    case .decisions: r.risk == nil ? nil : RiskResultTables.decisions(r).text
    case .decisionBundle: r.risk?.bundle?.text
    case .targeting:
      r.targeting == nil ? nil : TargetingResultTables.months(r).text
    case .uplift:
      r.targeting == nil ? nil : TargetingResultTables.uplift(r).text
    case .offPolicy:
      r.targeting == nil ? nil : TargetingResultTables.offPolicy(r).text
    case .business:
      r.business == nil ? nil : BusinessResultTables.months(r).text
    case .value: r.business == nil ? nil : BusinessResultTables.value(r).text
    case .merchants:
      r.business?.merchants == nil
        ? nil : BusinessResultTables.merchants(r).text
    case .tests: experiment?.testsTable.text
    case .tape: r.tape.map { LoanTapeWriter.csv($0.loanTape()) }
    case .manifest, .economics, .replicates, .replicatesSummary,
      .markdownReport, .htmlReport, .workbook:
      nil
    }
  }
}
