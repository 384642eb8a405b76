/// The help and usage texts of every command.
enum HelpText {
  static let version = "0.1.0"

  /// `fenqi --help`: the commands come from ``Fenqi/commands``.
  static let overview = """
    OVERVIEW: Fenqi — campaign simulation and A/B experiments for consumer instalment lending.

    USAGE: fenqi <command> [options]

    COMMANDS:
    \(commandLines)

    OPTIONS:
      --version  Show the version.
      -h, --help Show this help.

    See 'fenqi help <command>' for a command's options.
    Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
    """

  /// The overview's COMMANDS lines, one per command.
  static var commandLines: String {
    Fenqi.commands.map {
      "  " + TextColumns.pad($0.name, 11, left: true) + $0.summary
    }.joined(separator: "\n")
  }

  static let helpUsage = "USAGE: fenqi help [<command>]"

  static let help = """
    OVERVIEW: Show the overview, or a command's help.

    \(helpUsage)
    """

  /// The `--force` line of the commands that write a folder.
  static let forceOption = """
      --force           Replace the output folder if it is a fenqi folder (it holds only
                        files fenqi writes); any other folder is refused. An empty folder is
                        written without --force.
    """

  static let runUsage =
    "USAGE: fenqi run <scenario.json> [--out <dir>] [--seed <n>] [--threads <n>] [--replicates <r>] [--tape-loans <n>] [--excel] [--force] [--quiet]"

  static let run = """
    OVERVIEW: Simulate a scenario month by month and write its results. Given a calibration file,
    run one of its evaluations: the scenario it calibrates with its overrides, at its seed.

    \(runUsage)

    ARGUMENTS:
      <scenario.json>   The scenario file (see Scenarios/ and the README).

    OPTIONS:
      --out <dir>       The run folder to create (default: Results/<scenario name>/<UTC time>/,
                        with -2, -3, … when a run of the same second has that name).
      --seed <n>        Override the scenario's seed (an integer in [0, 2^53 − 1]).
      --threads <n>     Worker threads (default: all cores). Results are identical for any value.
      --replicates <r>  Run the experiment under r seeds (the scenario's, then seed+1, …; overrides
                        experiment.replicates when larger), each with its own population: the
                        intervals of economics.csv; for a split experiment also each seed's
                        counterfactual truth, replicates.csv and replicates-summary.csv (coverage of
                        the true effect, rejection rates), with the summary printed.
      --tape-loans <n>  Also write tape.csv: the month-by-month performance of a random sample of n
                        booked loans in the loan-tape format (the same sample at any thread count).
      --excel           Also write report.xlsx: every CSV table of the folder as a sheet of
                        one Excel workbook (numbers as numbers; empty cells: not meaningful).
    \(forceOption)
      -q, --quiet       No progress on stderr.
      -h, --help        Show this help.

    Writes manifest.json, summary.json, periods.csv, arms.csv, segments.csv, vintages.csv,
    report.md and report.html (and economics.csv with two arms or more: each treatment arm's
    incremental economics against the control; tests.csv when the scenario declares an experiment; channels.csv
    and contact_frequency.csv with channels; macro.csv and ecl.csv with a macro path; risk.csv and
    decisions.csv with a riskStack, whose burn-in book and first models are built before month 1;
    targeting.csv, uplift.csv and off_policy.csv with targeting policies; business.csv, value.csv
    and merchants.csv with a business layer; replicates.csv and replicates-summary.csv with
    --replicates; tape.csv with --tape-loans) into a temporary folder beside the target and renames it into place when
    everything is written. manifest.json lists every other file written.
    """

  static let initUsage =
    "USAGE: fenqi init <template> <name> [--dir <dir>] [--force] | fenqi init --list"

  static let initCommand = """
    OVERVIEW: Write a commented starting scenario: <name>.json from a template, its "name" set to
    <name>, with "$comment" keys explaining each section and its main fields (yuan, months,
    fractions). Beside it, scenario.schema.json (the JSON Schema editors complete and check
    scenarios with) when the folder has none. Both are written atomically. Then edit the file,
    'fenqi validate' it and 'fenqi run' it.

    \(initUsage)

    ARGUMENTS:
      <template>        promotion-ab, seasonal-campaign, stress, risk-stack or business
                        ('fenqi init --list' says what each is for).
      <name>            The scenario's name and file name (a trailing .json is dropped).

    OPTIONS:
      --dir <dir>       The folder to write into (default: Scenarios/ when the working
                        directory has one, else the working directory); created if missing.
      --force           Replace an existing <name>.json (the schema is never replaced).
      --list            List the templates, one line each.
      -h, --help        Show this help.
    """

  static let validateUsage =
    "USAGE: fenqi validate <scenario.json | calibration.json | optimization.json> [--no-quick-run]"

  static let validate = """
    OVERVIEW: Check a scenario file: JSON syntax, unknown fields (with a 'did you mean' hint), every
    range and cross-field rule. Prints every problem with its JSON path; writes nothing. A
    calibration file is checked with the scenario and moments file it names, as 'fenqi calibrate'
    checks it; an optimisation file with its scenario, as 'fenqi optimize' checks it.

    A valid scenario (or calibration) is then run once at min(size, 5,000) customers with its own
    seed, months and arms, and degenerate outcomes are printed on stderr as 'warning: …' (the exit
    code stays 0): an arm with allocation 0 or no customers, an arm whose channels or targeting
    contacted nobody, an arm that booked no loans (holdouts at reachRate 0 aside), no charge-off in
    the whole run, or an arm that lost nothing where the other arms' loss rate predicts at least
    10 charge-offs. The quick run adds under 0.1 s to most scenarios and a few seconds to one
    with a risk stack's burn-in or targeting models (release build).

    \(validateUsage)

    OPTIONS:
      --no-quick-run    Check the file only; skip the quick run and its warnings.
      -h, --help        Show this help.
    """

  static let schemaUsage =
    "USAGE: fenqi schema [--out <file>] [--fields] [--force]"

  static let schema = """
    OVERVIEW: Print the JSON Schema (draft 2020-12) of scenario files. It is generated from the
    validator's own rules — every field, its type, range, allowed words and default — with a
    description, unit and typical values for each, so an editor can complete and check a
    scenario as it is typed (add "$schema": "scenario.schema.json" at the top of the file).
    The rules that relate fields to one another (shares that sum to 1, a positive-definite
    correlation matrix, offers under the APR cap) are beyond a JSON Schema: 'fenqi validate'
    checks those. Scenarios/scenario.schema.json is this output, checked in CI.

    \(schemaUsage)

    OPTIONS:
      --out <file>      Write the schema (or the field list) to a file instead of stdout.
      --fields          List every field path with its description, one a line (tab-separated).
      --force           Replace an existing --out file.
      -h, --help        Show this help.
    """

  static let reportUsage = "USAGE: fenqi report <run-folder>"

  static let report = """
    OVERVIEW: Regenerate report.md and report.html from a run folder's files alone (summary.json,
    periods.csv, arms.csv, segments.csv, vintages.csv and the optional files), replacing the two
    reports in place. A folder whose files were cut short or edited into something a run does
    not write (a missing file, a ragged row, text among numbers, a month out of range, arms that
    disagree between files) is refused with the file and the line or JSON path.

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
      --out <dir>       The folder to create (default: Results/comparisons/<UTC time>/, with
                        -2, -3, … when that is taken).
    \(forceOption)
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
      --allocation <…>  Planned shares of every arm, e.g. control=0.5,treatment=0.5, for the
                        sample-ratio check (its p-value goes to tests.csv as srm_p_value).
      --out <dir>       Where to write tests.csv (default: Results/analyses/<UTC time>/, with
                        -2, -3, … when that is taken).
    \(forceOption)
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
      --power <p>       Power, above --alpha (default 0.8).
      --ratio <r>       Treatment units per control unit (default 1).
      -h, --help        Show this help.
    """

  static let trainUsage =
    "USAGE: fenqi train <data.csv> --target <column> [--positive <label>] [--model gbdt|logistic|scorecard|mlp] [--valid-fraction <f>] [--seed <n>] [--out <model.json>] [--force]"

  static let train = """
    OVERVIEW: Train a binary scoring model on any CSV file with a header, print its validation
    metrics (AUC, Gini, KS, log-loss, Brier, confusion at 0.5, calibration by decile) and its most
    important inputs, and save it as versioned JSON.

    Numeric columns are read as numbers and every other column as categories; empty cells and
    NA, N/A, NaN, NULL, None and #N/A are missing values. A column of numbers with other text in
    it ("abc", "1e999") is refused with its line. Categories unseen in training are treated as
    missing when scoring.

    \(trainUsage)

    ARGUMENTS:
      <data.csv>               The data, first line the header.

    OPTIONS:
      --target <column>        The column to predict (two classes).
      --positive <label>       The positive (bad) class; needed for a text target. A numeric
                               target's larger value is positive by default.
      --model <kind>           gbdt (default), logistic, scorecard or mlp.
      --valid-fraction <f>     Share of rows held out for validation (default 0.3); rows are
                               drawn from the seed, so the split is reproducible.
      --seed <n>               Seed of the split and of any sampling (default 1).
      --out <model.json>       Where to save the model (default <data>.<kind>.json).
      --force                  Replace an existing model file.
      --threads <n>            Worker threads (default 2); results do not depend on it.
    GBDT:
      --trees <n>              Boosting rounds (default 100).
      --leaves <n>             Most leaves per tree (default 8).
      --learning-rate <x>      Shrinkage (default 0.05; the MLP's Adam step when --model mlp).
      --min-data-in-leaf <n>   Fewest rows per leaf (default 20).
      --monotone <c=+1,...>    Monotone constraints on numeric columns (+1 rising, -1 falling).
      --early-stopping <n>     Stop when validation log-loss has not improved for n rounds.
    LOGISTIC, SCORECARD AND MLP:
      --l2 <x>                 L2 penalty (default 0.0001); --l1 <x> adds a lasso penalty.
      --hidden <w,w>           MLP hidden layer widths (default 32,16): 1 to 8 widths, each in
                               1…1024; --epochs <n> (200).
      -h, --help               Show this help.
    """

  static let predictUsage =
    "USAGE: fenqi predict <model.json> <data.csv> [--out <scores.csv>] [--explain] [--top <k>] [--force]"

  static let predict = """
    OVERVIEW: Score every row of a CSV file with a model saved by 'fenqi train'. Writes a CSV with
    the row number (1 = first data row) and the probability of the positive class (and the
    points score for a scorecard). Columns are matched by name; extra columns are ignored.

    \(predictUsage)

    OPTIONS:
      --out <scores.csv>   Write the scores here (default: standard output). If the file holds
                           the model's target column, its metrics are printed too.
      --explain            Add each input's contribution: exact TreeSHAP values for gbdt (in
                           log-odds, summing with expected_margin to the row's margin),
                           coefficient × value for logistic, points for a scorecard; and the
                           top reasons (the inputs pushing hardest towards the positive class,
                           or the lowest-scoring characteristics of a scorecard).
      --top <k>            Reasons per row with --explain (default 3).
      --force              Replace an existing output file.
      --threads <n>        Worker threads (default 2).
      -h, --help           Show this help.
    """

  static let synthesizeUsage =
    "USAGE: fenqi synthesize <sample.csv> --rows <n> --out <synthetic.csv> [--seed <n>] [--by <column>] [--target <column>] [--fidelity <file>] [--force]"

  static let synthesize = """
    OVERVIEW: Fit a synthesizer to a CSV sample and write synthetic rows with the same columns in
    the same order, none equal to a sample row. Each column gets its own margin — numbers from
    the smoothed empirical distribution (integer columns stay integers), categories and numeric
    columns with at most 10 distinct values from their frequencies, both with their share of
    missing values — and a Gaussian copula on normal scores joins them. Prints a fidelity summary
    and writes it as JSON.

    \(synthesizeUsage)

    ARGUMENTS:
      <sample.csv>         A CSV file with a header (blank, NA, NaN and NULL are missing).

    OPTIONS:
      --rows <n>           Synthetic rows to write (a positive integer).
      --out <synthetic.csv>
                           The synthetic file.
      --seed <n>           The seed (default 1): the same sample and seed give the same bytes.
      --by <column>        Fit one copula per value of this column (at most 64 values).
      --target <column>    A binary column: order categories by it and add a train-on-synthetic,
                           test-on-real check — the sample is split into training and held-out
                           rows, the synthesizer is fitted on the training rows only, and the same
                           model trained on real and on synthetic rows is scored on the held-out
                           rows by AUC.
      --positive <class>   The target's positive class (default: the rarer of two texts, the
                           larger of two numbers).
      --model <kind>       The model of the check: gbdt (default) or logistic.
      --holdout <f>        The held-out share of the check (default 0.3).
      --tstr-rows <n>      Synthetic rows the check trains on (default: as many as the real
                           training rows, and at least 5000).
      --fidelity <file>    The summary's JSON file (default: the output's name with
                           .fidelity.json, beside it).
      --force              Replace existing output files.
      -h, --help           Show this help.

    The summary: per column the Kolmogorov–Smirnov distance (numeric) or the total-variation
    distance (categorical) between sample and synthetic rows, their mean, and the mean absolute
    difference of the Spearman rank correlations over column pairs. Both files are written to
    temporary names and renamed into place together.
    """

  static let stressUsage =
    "USAGE: fenqi stress <scenario.json> [--paths <n>] [--reverse <measure=limit>] [--shock <kind>] [--arm <name>] [--out <dir>] [--seed <n>] [--threads <n>] [--shard <i/n>] [--force] [--quiet]"

  static let stress = """
    OVERVIEW: Monte-Carlo stress test: run the scenario under N draws of the systematic factor path
    (Vasicek one-factor, one draw per path and year, on the scenario's macro path and shocks) and
    write each arm's loss distribution — expected loss, VaR and expected shortfall at 95%, 99% and
    99.9% — with the weighted scenario set (baseline, adverse, severely adverse), the lender's
    forward-looking ECL beside the true one, Basel IRB and economic capital, the loss attributed
    to each shock, and report.html.

    \(stressUsage)

    ARGUMENTS:
      <scenario.json>   A scenario with a "macro" path (see the README's stress section).

    OPTIONS:
      --paths <n>       Factor paths, 1…1,000,000 (default 1000).
      --reverse <m=v>   Reverse stress test: the severity of a shock at which a limit breaks,
                        loss_rate=<fraction> (breaks above) or net_income=<yuan> (breaks below).
      --shock <kind>    The shock --reverse scales (default recession): recession, rateRise,
                        sectorCollapse, aprCap or channelBan; the first of that kind.
      --arm <name>      The arm whose limit --reverse tests (default the first arm).
      --out <dir>       The folder to create (default: Results/<name>-stress/<UTC time>/, with
                        -2, -3, … when that is taken).
      --seed <n>        Override the scenario's seed (an integer in [0, 2^53 − 1]).
      --threads <n>     Worker threads (default: all cores); results do not depend on it.
    \(forceOption)
      -q, --quiet       No progress on stderr.
      -h, --help        Show this help.
    """

  static let sweepUsage =
    "USAGE: fenqi sweep <scenario.json> --grid <path=v1,v2,...> [--grid ...] [--replicates <r>] [--out <dir>] [--shard <i/n>] [--resume] [--force] [--threads <n>] [--quiet]"

  static let sweep = """
    OVERVIEW: Run a scenario at every point of a grid over its fields, with common random numbers
    across points, and write sweep.csv (one row per point × replicate × arm) and a Pareto frontier
    of net income and conversion against bad-debt rate. Every point is validated before anything
    runs. Each finished unit (point × replicate) is written at once, so a killed sweep resumes.

    \(sweepUsage)

    OPTIONS:
      --grid <path=v1,...>  A scenario field by its JSON path (array elements by index or by their
                            "name", e.g. arms.treatment.offer.interestFreePeriods=0,3,6,12) and
                            its values. Repeat for more axes; points are the cartesian product.
      --replicates <r>      Replicates per point, seeds seed … seed + r − 1 (default 1).
      --out <dir>           The sweep folder (default Results/<name>-sweep).
      --shard <i/n>         Run only units u with u mod n = i − 1; combine with 'fenqi merge'.
                            Defaults from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or from
                            JOB_COMPLETION_INDEX with FENQI_SHARDS (Kubernetes Indexed Jobs).
      --resume              Continue the sweep already in --out, skipping finished units and
                            running again any unit file cut short. The scenario may be given
                            by another path to the same file (its SHA-256 must match).
      --force               Replace an existing sweep folder (only a fenqi folder).
      --threads <n>         Threads per unit (default: all cores).
      -q, --quiet           No progress on stderr.
      -h, --help            Show this help.
    """

  static let optimizeUsage =
    "USAGE: fenqi optimize <optimization.json> [--out <dir>] [--threads <n>] [--shard <i/n>] [--resume] [--force] [--algorithm cmaes|random] [--seed <n>] [--budget <n>] [--quiet]"

  static let optimize = """
    OVERVIEW: Search one treatment arm's plan — the scenario fields the optimisation file names,
    each in its range, integers where they must be — for the best figure of its incremental
    economics against the control (economics.csv: npv over the lifetime, say), under
    constraints on other figures (the campaign cohort's lifetime loss rate ≤ 3%, say). Every
    plan runs on the same seeds (common random numbers), every customer under the plan and
    under the control; the shipped plan is evaluated first. The search is CMA-ES with Deb's
    feasibility rules (or uniform random search, its baseline). The best plan, every shipped
    treatment arm and the frontier are then re-run on fresh seeds with 95% intervals.

    \(optimizeUsage)

    The optimisation file: {"scenario", "arm", "customers", "objective": {"item", "horizon",
    "of", "direction"}, "constraints": [{"item", "horizon", "of", "max" | "min"}],
    "parameters": [{"path", "min", "max", "integer", "scale"}], "algorithm", "budget",
    "replicates", "verification": {"replicates", "frontierPoints"}, "seed"}. "of" is
    "increment" (default), "perCustomer" or "treatment"; "horizon" "lifetime" (default) or
    "window". See the README's optimisation section.

    OPTIONS:
      --out <dir>           Output folder (default Results/<file name>).
      --threads <n>         Worker threads per simulation (default: every core).
      --shard <i/n>         Run restart i of n independent restarts (its own optimiser seed);
                            combine the shard folders with 'fenqi merge'.
      --resume              Continue the search in --out from its trials.csv.
      --force               Replace an existing optimisation folder.
      --algorithm <name>    cmaes or random (overrides the file).
      --seed <n>            The optimiser's seed (overrides the file).
      --budget <n>          Plans to evaluate (overrides the file).
      --quiet               No progress lines.

    Writes optimization.json (the identity --resume and merge check), trials.csv (after every
    batch), frontier.csv, verification.csv, best.json (the scenario with the best plan) and
    report.html.
    """

  static let calibrateUsage =
    "USAGE: fenqi calibrate <calibration.json> [--out <dir>] [--threads <n>] [--shard <i/n>] [--resume] [--quiet]"

  static let calibrate = """
    OVERVIEW: Fit a scenario's free parameters to a lender's observed moments by the method of
    simulated moments: a scrambled Halton design over the parameters' box (60% of the budget),
    Nelder–Mead from the best points (the rest), then a bootstrap over the observed moments for
    95% intervals (re-minimised by Nelder–Mead, or by the sandwich's Gauss–Newton approximation;
    correlated when the moments file has bootstrap replicates). Writes trials.csv, fit.csv,
    parameters.csv, calibrated.json (the scenario with the estimates, validated) and report.html. The calibration file, its scenario and its
    moments file are checked together before anything runs, every problem at its JSON path.
    Each trial is written as it finishes, so a killed calibration resumes.

    \(calibrateUsage)

    ARGUMENTS:
      <calibration.json>  {"scenario", "moments", "parameters": [{"path", "min", "max",
                          "scale"}], "budget", "replicates", "seed", "momentNames", "exclude",
                          "overrides", "uncertainty": {"method": "bootstrap" | "sandwich",
                          "draws", "evaluationsPerDraw", "step"}}
                          (see the README's calibration section).

    OPTIONS:
      --out <dir>         The calibration folder (default Results/<file name>-calibration).
      --threads <n>       Simulations run at once (default: all cores); results do not depend
                          on it.
      --shard <i/n>       Evaluate only global trials t with (t − 1) mod n = i − 1 and stop;
                          'fenqi merge' combines the shards and runs the local and uncertainty
                          stages. Defaults from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or
                          from JOB_COMPLETION_INDEX with FENQI_SHARDS.
      --resume            Continue the calibration in --out: stored trials are reused, a trial
                          file cut short is evaluated again. The folder must hold the same
                          calibration (its files' SHA-256 must match) and shard.
      -q, --quiet         No progress on stderr.
      -h, --help          Show this help.
    """

  static let mergeUsage =
    "USAGE: fenqi merge <shard-dir> [<shard-dir> ...] --out <dir> [--force]"

  static let merge = """
    OVERVIEW: Combine the shard folders of one sweep, stress run or calibration into the folder a
    single process would have written, byte for byte. Refuses shards of different runs (scenario
    content, grid, seed, replicates or paths, version; the scenario's path may be spelled
    differently), a missing or duplicated shard, and unfinished shards or unit files cut short,
    naming the shard and file. --force replaces only a fenqi folder. For a calibration, merge
    copies the shards' global trials into --out (new, empty, or a merge to continue) and runs the
    local and uncertainty stages there.

    \(mergeUsage)
    """

  static let benchUsage =
    "USAGE: fenqi bench [--customers <n>] [--scaling <n,n,...>] [--scenarios <dir>]"

  static let bench = """
    OVERVIEW: Speed and memory in one table: every scenario in Scenarios/ at 1,000,000 customers on
    1 and 2 threads (customer-periods per second over the simulated months, the speed-up, set-up
    time, peak memory per customer), then a scaling series of the baseline at 10^4 … 10^7
    customers. Each figure is its own fenqi-bench process (build with 'swift build -c release').

    \(benchUsage)
    """

  static let satelliteUsage =
    "USAGE: fenqi satellite <tape.csv> --macro <macro.csv> --scenario <scenario.json> [--fit-through <month>] [--out <fitted.json>] [--force]"

  static let satellite = """
    OVERVIEW: Fit the macro sensitivities of the monthly miss rate from a loan tape and its macro
    history (a Vasicek-Z probit regression with one intercept per segment and standard errors),
    back-test it (fit on the early months, forecast the later ones from their macro values) and
    write the scenario with the fitted macro.vasicek sensitivities.

    \(satelliteUsage)

    ARGUMENTS:
      <tape.csv>          A loan tape (the format of 'fenqi moments').

    OPTIONS:
      --macro <file>      The macro history: columns period, unemployment, benchmark_rate,
                          confidence, one row per tape month (a run's macro.csv has them).
      --scenario <file>   The scenario whose asset correlations are used and whose
                          sensitivities are replaced.
      --fit-through <m>   The back-test's last fitted month (default two thirds of the tape).
      --out <file>        The fitted scenario (default <scenario>.fitted.json).
    \(forceOption)
      -h, --help          Show this help.
    """

  static let momentsUsage =
    "USAGE: fenqi moments <tape.csv> [--out <moments.json>] [--bootstrap <B>] [--seed <n>] [--threads <n>] [--force]"

  static let moments = """
    OVERVIEW: Compute what a lender's MIS shows of a loan book from a loan tape — vintage curves
    (ever 30+, ever 90+, cumulative charge-off and prepayment by month on book, over the loans
    observable to each month), the monthly roll-rate matrix and cure rates, the mean principal
    and the term mix — each with a standard error from a Poisson bootstrap over loans, and write
    them to moments.json for calibration, each with its replicate values (so a calibration's
    intervals keep the moments' correlations). Prints the tape, the vintage table at a few months on
    book and the roll matrix. A vintage month or a roll-matrix row is kept when at least 30
    loans (transitions) stand behind it.

    \(momentsUsage)

    ARGUMENTS:
      <tape.csv>          One row per loan per month on book, with the columns loan_id,
                          customer_id, segment, origination_period, month_on_book, product,
                          term, principal, apr, balance, dpd_bucket, status, paid, charge_off,
                          recovery in any order (more columns are allowed). Every row is
                          checked; up to 20 problems are reported with their line and column.

    OPTIONS:
      --out <file>        Where to write the moments (default <tape>.moments.json).
      --bootstrap <B>     Bootstrap replicates, 2…100,000 (default 200).
      --seed <n>          The bootstrap's seed, an integer in [0, 2^53 − 1] (default 1).
      --threads <n>       Worker threads (default: all cores); results do not depend on it.
      --force             Replace an existing output file.
      -h, --help          Show this help.

    A tape that does not validate exits 2 and writes nothing; the file is written atomically.
    """
}
