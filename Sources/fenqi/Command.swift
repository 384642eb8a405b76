import FenqiCore

/// One `fenqi` command: its word, its line in the overview, its help and where it runs.
///
/// ``Fenqi/commands`` lists every command once; dispatch, `fenqi help <command>`, the overview's
/// COMMANDS section and the unknown-command hint are all read from it.
struct Command: Sendable {
  /// The word that selects it (`run`).
  var name: String
  /// Its one-line description in the overview.
  var summary: String
  /// The text of `fenqi help <name>` and `fenqi <name> --help`.
  var help: String
  /// Runs it on the words after the command word.
  var execute: @Sendable ([String], Console) -> ExitCode
}

extension Fenqi {
  /// Every command, in the overview's order.
  static let commands: [Command] = [
    Command(
      name: "run", summary: "Simulate a scenario and write a result folder.",
      help: HelpText.run, execute: RunCommand.execute),
    Command(
      name: "init",
      summary: "Write a commented starting scenario from a template.",
      help: HelpText.initCommand, execute: InitCommand.execute),
    Command(
      name: "validate",
      summary: "Check a scenario file and report every problem at once.",
      help: HelpText.validate, execute: ValidateCommand.execute),
    Command(
      name: "schema",
      summary:
        "Print the JSON Schema of scenario files, for editors and checks.",
      help: HelpText.schema, execute: SchemaCommand.execute),
    Command(
      name: "report",
      summary: "Regenerate a run folder's reports from its files.",
      help: HelpText.report, execute: ReportCommand.execute),
    Command(
      name: "compare", summary: "Compare run folders side by side.",
      help: HelpText.compare, execute: CompareCommand.execute),
    Command(
      name: "analyze",
      summary: "Analyse a live experiment's summary statistics.",
      help: HelpText.analyze, execute: AnalyzeCommand.execute),
    Command(
      name: "power",
      summary: "Sample size or minimum detectable effect of a two-arm test.",
      help: HelpText.power, execute: PowerCommand.execute),
    Command(
      name: "stress",
      summary:
        "Monte-Carlo stress test: loss distributions under the macro path.",
      help: HelpText.stress, execute: StressCommand.execute),
    Command(
      name: "sweep",
      summary:
        "Run a scenario over a grid of settings (shardable, resumable).",
      help: HelpText.sweep, execute: SweepCommand.execute),
    Command(
      name: "calibrate",
      summary:
        "Fit scenario parameters to a lender's moments (shardable, resumable).",
      help: HelpText.calibrate, execute: CalibrateCommand.execute),
    Command(
      name: "optimize",
      summary:
        "Search a promotion plan for the best incremental NPV under constraints (resumable).",
      help: HelpText.optimize, execute: OptimizeCommand.execute),
    Command(
      name: "merge",
      summary:
        "Combine the shard folders of a sweep, stress run or calibration.",
      help: HelpText.merge, execute: MergeCommand.execute),
    Command(
      name: "serve",
      summary: "Serve decisions, runs and the web workspace over HTTP.",
      help: ServeCommand.help, execute: ServeCommand.execute),
    Command(
      name: "bench",
      summary: "Speed and memory of every scenario, and a scaling series.",
      help: HelpText.bench, execute: BenchCommand.execute),
    Command(
      name: "train",
      summary:
        "Train a scoring model on a CSV file and print its validation metrics.",
      help: HelpText.train, execute: TrainCommand.execute),
    Command(
      name: "predict",
      summary: "Score a CSV file with a trained model, with explanations.",
      help: HelpText.predict, execute: PredictCommand.execute),
    Command(
      name: "bundle",
      summary: "Wrap a trained PD model into a decision bundle for serving.",
      help: HelpText.bundle, execute: BundleCommand.execute),
    Command(
      name: "audit-tape",
      summary:
        "Turn a decision audit log into a loan tape for re-training and PSI.",
      help: HelpText.auditTape, execute: AuditTapeCommand.execute),
    Command(
      name: "moments",
      summary:
        "A loan tape's vintage curves and roll rates, with standard errors.",
      help: HelpText.moments, execute: MomentsCommand.execute),
    Command(
      name: "satellite",
      summary:
        "Macro sensitivities of the miss rate fitted from a tape, back-tested.",
      help: HelpText.satellite, execute: SatelliteCommand.execute),
    Command(
      name: "synthesize",
      summary:
        "Synthetic rows like a CSV sample (Gaussian copula), with fidelity figures.",
      help: HelpText.synthesize, execute: SynthesizeCommand.execute),
    Command(
      name: "help", summary: "Show help for a command.",
      help: HelpText.help, execute: Fenqi.help),
  ]

  /// The command named `name`, if there is one.
  static func command(_ name: String) -> Command? {
    commands.first { $0.name == name }
  }

  /// `fenqi help [<command>]`.
  static func help(_ words: [String], console: Console) -> ExitCode {
    guard let name = words.first else {
      console.out(HelpText.overview)
      return .success
    }
    guard let command = command(name) else {
      console.err(unknownCommand(name))
      return .badInput
    }
    console.out(command.help)
    return .success
  }

  /// The message for a word that names no command, with the nearest command as a hint.
  static func unknownCommand(_ word: String) -> String {
    var message = "Error: unknown command '\(word)'"
    if let hint = Suggestion.nearest(to: word, among: commands.map(\.name)) {
      message += "; did you mean '\(hint)'?"
    }
    return message + "\nSee 'fenqi --help'."
  }
}
