import FenqiCore

/// A command line split into positional arguments and `--options`, checked against what a command
/// accepts.
struct Arguments {
  var positionals: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  /// A usage problem, reported as `Error: …` followed by the command's usage.
  struct Problem: Error, Equatable {
    var message: String
  }

  /// One-letter spellings of flags, each usable where its long flag is.
  static let shortOptions = ["-h": "--help", "-q": "--quiet"]

  /// The largest seed `--seed` takes: the scenario's own limit, 2^53 − 1, the largest integer a
  /// JSON number (and so `manifest.json`) holds exactly.
  static let largestSeed: UInt64 = 9_007_199_254_740_991

  /// Parses `words` for a command that takes the given valued options and flags (names with `--`).
  ///
  /// `-h` and `-q` stand for `--help` and `--quiet` (where the command has `--quiet`); any other
  /// word that starts with `-` and is not a number is an unknown option, never a file name.
  static func parse(
    _ words: [String], valued: [String], flags allowedFlags: [String]
  ) throws(Problem) -> Arguments {
    var result = Arguments()
    var i = 0
    while i < words.count {
      let word = words[i]
      if word.hasPrefix("--") {
        var name = word
        var inlineValue: String?
        if let eq = word.firstIndex(of: "=") {
          name = String(word[..<eq])
          inlineValue = String(word[word.index(after: eq)...])
        }
        if valued.contains(name) {
          if let inlineValue {
            result.values[name] = inlineValue
          } else {
            guard i + 1 < words.count, !words[i + 1].hasPrefix("--") else {
              throw Problem(message: "missing value for '\(name)'")
            }
            result.values[name] = words[i + 1]
            i += 1
          }
        } else if allowedFlags.contains(name), inlineValue == nil {
          result.flags.insert(name)
        } else {
          var message = "unknown option '\(name)'"
          if let hint = Suggestion.nearest(
            to: name, among: valued + allowedFlags)
          {
            message += "; did you mean '\(hint)'?"
          }
          throw Problem(message: message)
        }
      } else if let long = shortOptions[word],
        long == "--help" || allowedFlags.contains(long)
      {
        result.flags.insert(long)
      } else if word.count > 1, word.hasPrefix("-"), Double(word) == nil {
        throw Problem(message: "unknown option '\(word)'")
      } else {
        result.positionals.append(word)
      }
      i += 1
    }
    return result
  }

  /// A positive integer option, if given.
  func positiveInteger(_ name: String) throws(Problem) -> Int? {
    guard let text = values[name] else { return nil }
    guard let v = Int(text), v > 0 else {
      throw Problem(
        message: "'\(name)' expects a positive integer, found '\(text)'")
    }
    return v
  }

  /// A seed option, if given: an integer in [0, 2^53 − 1], as a scenario's `seed`.
  func seed(_ name: String = "--seed") throws(Problem) -> UInt64? {
    guard let text = values[name] else { return nil }
    guard let v = UInt64(text), v <= Self.largestSeed else {
      throw Problem(
        message:
          "'\(name)' expects an integer in [0, \(Self.largestSeed)], found '\(text)'"
      )
    }
    return v
  }

  /// Parses the words of a command that takes exactly one positional argument.
  ///
  /// - Returns: the parsed arguments, or nil after printing the help (when `--help` was asked
  ///   for) or a usage error; `exit` then holds the code to return.
  static func single(
    _ words: [String], noun: String, valued: [String] = [],
    flags: [String] = [], help: String, usage: String,
    command: String, console: Console, exit: inout ExitCode
  ) -> Arguments? {
    do throws(Problem) {
      let args = try parse(words, valued: valued, flags: flags + ["--help"])
      if args.flags.contains("--help") {
        console.out(help)
        exit = .success
        return nil
      }
      guard args.positionals.count == 1 else {
        throw Problem(
          message: args.positionals.isEmpty
            ? "missing the \(noun)"
            : "expected one \(noun), found \(args.positionals.count) arguments")
      }
      return args
    } catch {
      console.err(
        "Error: \(error.message)\n\(usage)\nSee 'fenqi \(command) --help'.")
      exit = .badInput
      return nil
    }
  }
}
