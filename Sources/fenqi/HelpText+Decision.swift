extension HelpText {
  static let auditTapeUsage =
    "USAGE: fenqi audit-tape <audit.jsonl> --out <tape.csv> [--outcomes <outcomes.csv>] [--decisions] [--force]"

  static let auditTape = """
    OVERVIEW: Turn a decision audit log (JSON lines, one decision each, as `fenqi serve
    --audit-log` writes it) back into a loan-tape-like CSV: the 27 lender features in their
    order and a `bad` label, the columns `fenqi train --target bad` and `fenqi bundle --pd` expect.

    \(auditTapeUsage)

    OPTIONS:
      --out <tape.csv>         Where to write the tape (written whole or not at all).
      --outcomes <file.csv>    Labels to join: a header `applicationId,bad`, then an identifier
                               and 0 or 1 a line. Only decisions with an outcome are written (the
                               others have not matured). Without it the bad column is empty (a
                               tape for monitoring).
      --decisions              Lead with applicationId, arm, bundleVersion, outcome, pd, apr and
                               creditLine (for monitoring and joins; leave out to train).
      --force                  Replace an existing output file.

    A bad line is reported as `audit.jsonl:LINE: $.path: problem`; the command then exits 2 and
    writes nothing. Reference: Sources/FenqiDecision/FenqiDecision.docc/DecisionAPI.md.
    """

  static let bundleUsage =
    "USAGE: fenqi bundle --pd <model.json> --out <bundle.json> [--base <decision-bundle.json>] [--arm <name>] [--threshold <p>] [--data <tape.csv>] [--version <label>] [--force]"

  static let bundle = """
    OVERVIEW: Wrap a PD model from `fenqi train` into a decision bundle that `fenqi serve` loads.
    The model must be a gbdt or scorecard trained on the 27 lender features in their order (an
    mlp on any of them): the columns of `fenqi audit-tape`.

    \(bundleUsage)

    OPTIONS:
      --pd <model.json>        The PD model (fenqi train's output).
      --out <bundle.json>      Where to write the bundle.
      --base <bundle.json>     Start from a run's decision-bundle.json: its fraud screen, pricing,
                               line tiers and other arms stay; the named arm takes the new model
                               (a challenger beside the champion). Without it the bundle has one
                               arm, the default fraud rules (no forest), the default pricing and no
                               line tiers.
      --arm <name>             The arm that takes the model (default: the base's only arm, or
                               "champion").
      --threshold <p>          The PD threshold, a probability in (0, 1) (required without
                               --base; default: the base arm's).
      --data <tape.csv>        A tape with the 27 feature columns: its feature and score
                               distributions become the monitoring reference.
      --version <label>        The bundle's version label (default: the model file's name).
      --force                  Replace an existing output file.
    """
}
