/// The process exit codes of `fenqi`.
enum ExitCode: Int32 {
  /// The command did what was asked.
  case success = 0
  /// A run started but failed (for example the results could not be written).
  case runFailed = 1
  /// Bad usage or bad input: unknown options, a scenario that does not validate, a missing file.
  case badInput = 2
}

/// Where a command writes; tests capture both streams.
struct Console {
  var out: (String) -> Void
  var err: (String) -> Void
}
