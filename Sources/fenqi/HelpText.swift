/// The help and usage texts of every command.
enum HelpText {
  static let version = "0.1.0"

  static let overview = """
    OVERVIEW: Fenqi — campaign simulation and A/B experiments for consumer instalment lending.

    USAGE: fenqi <command> [options]

    COMMANDS:
      run        Simulate a scenario and write a result folder.
      validate   Check a scenario file and report every problem at once.
      help       Show help for a command.

    OPTIONS:
      --version  Show the version.
      -h, --help Show this help.

    See 'fenqi help <command>' for a command's options.
    Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
    """

  static let runUsage =
    "USAGE: fenqi run <scenario.json> [--out <dir>] [--seed <n>] [--threads <n>] [--replicates <r>] [--force] [--quiet]"

  static let run = """
    OVERVIEW: Simulate a scenario month by month and write its results.

    \(runUsage)

    ARGUMENTS:
      <scenario.json>   The scenario file (see Scenarios/ and the README).

    OPTIONS:
      --out <dir>       The run folder to create (default: Results/<scenario name>/<UTC time>/).
      --seed <n>        Override the scenario's seed.
      --threads <n>     Worker threads (default: all cores). Results are identical for any value.
      --replicates <r>  For a split experiment: run r seeds (the scenario's, then seed+1, …), each with
                        its own counterfactual truth; write replicates.csv and replicates-summary.csv
                        (coverage of the true effect, rejection rates) and print the summary.
      --force           Replace the output folder if it exists.
      --quiet           No progress on stderr.
      -h, --help        Show this help.

    Writes manifest.json, summary.json, periods.csv, arms.csv, segments.csv, vintages.csv,
    report.md and report.html (and tests.csv when the scenario declares an experiment) into a
    temporary folder beside the target and renames it into place when everything is written.
    """

  static let validateUsage = "USAGE: fenqi validate <scenario.json>"

  static let validate = """
    OVERVIEW: Check a scenario file: JSON syntax, unknown fields (with a 'did you mean' hint), every
    range and cross-field rule. Prints every problem with its JSON path; writes nothing.

    \(validateUsage)

    OPTIONS:
      -h, --help        Show this help.
    """

  static let reportUsage = "USAGE: fenqi report <run-folder>"

  static let report = """
    OVERVIEW: Regenerate report.md and report.html from a run folder's files alone (summary.json,
    periods.csv, arms.csv, segments.csv, vintages.csv), replacing the two reports in place.

    \(reportUsage)

    OPTIONS:
      -h, --help        Show this help.
    """

  static let compareUsage =
    "USAGE: fenqi compare <run-folder> <run-folder> [<run-folder> ...] [--out <dir>] [--force]"

  static let compare = """
    OVERVIEW: Compare several runs (different scenarios or settings) in one report: comparison.html,
    comparison.md and a tidy comparison.csv (one row per run × arm × measure, with the difference
    from the first run's arm of the same name).

    \(compareUsage)

    OPTIONS:
      --out <dir>       The folder to create (default: Results/comparisons/<UTC time>/).
      --force           Replace the output folder if it exists.
      -h, --help        Show this help.
    """

  static let analyzeUsage =
    "USAGE: fenqi analyze <stats.csv> [--control <arm>] [--alpha <a>] [--allocation <arm=share,...>] [--out <dir>] [--force]"

  static let analyze = """
    OVERVIEW: Run Fenqi's statistics engine on a real experiment's summary statistics, one row per
    metric × arm (see the README for the columns): two-proportion z-tests, Welch t-tests, CUPED
    when pre-period columns are present, the delta method for ratio metrics; Holm and
    Benjamini–Hochberg corrections; the Bayesian chance to beat control; the sample-ratio check
    with --allocation. Prints the results and writes tests.csv.

    \(analyzeUsage)

    OPTIONS:
      --control <arm>   The control arm (default: each metric's first arm).
      --alpha <a>       Family-wise error rate, in (0, 1) (default 0.05).
      --allocation <…>  Planned shares, e.g. control=0.5,treatment=0.5, for the sample-ratio check.
      --out <dir>       Where to write tests.csv (default: Results/analyses/<UTC time>/).
      --force           Replace the output folder if it exists.
      -h, --help        Show this help.
    """

  static let powerUsage =
    "USAGE: fenqi power --baseline <rate|mean> (--mde <effect> [--relative] | --n <units>) [--sd <sd>] [--alpha <a>] [--power <p>] [--ratio <r>]"

  static let power = """
    OVERVIEW: Sample size for a two-arm test (give --mde) or its minimum detectable effect (give
    --n control units). Proportions by Cohen's h; means (with --sd) by the standardised difference;
    normal approximation, two-sided.

    \(powerUsage)

    OPTIONS:
      --baseline <x>    The control's rate (a fraction) or, with --sd, its mean.
      --mde <effect>    The effect to detect: absolute, or relative with --relative.
      --n <units>       Control-arm units available.
      --sd <sd>         The outcome's standard deviation (makes the metric a mean).
      --alpha <a>       Two-sided significance level (default 0.05).
      --power <p>       Power (default 0.8).
      --ratio <r>       Treatment units per control unit (default 1).
      -h, --help        Show this help.
    """
}
