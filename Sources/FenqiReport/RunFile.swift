/// Every file a run folder can hold, in the order ``RunFolderWriter`` writes them.
///
/// The one list of a run folder's files: the writer names its files from it, `manifest.json`
/// lists the ones written, ``RunData/load(folder:)`` reads them, and `--force` recognises a run
/// folder by them.
public enum RunFile: String, CaseIterable, Sendable {
  /// The run's identity, times and file list.
  case manifest = "manifest.json"
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
  /// The Markdown report, rendered from the files above.
  case markdownReport = "report.md"
  /// The HTML report, rendered from the files above.
  case htmlReport = "report.html"

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
}
