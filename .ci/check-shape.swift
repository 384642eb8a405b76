// Checks the simulation engine's shape: no source file of FenqiSimulation over 400 lines, no
// function (or initializer, or closure-bodied property) over 120 lines, and the customer's month
// (ChunkState.stepCustomer) under 80. FenqiOptimization (CMA-ES, the other numerical kernel) is
// held to the same file and function limits. Functions are found by their declaration line and
// measured to their closing brace by counting braces outside strings and comments.
//
//   swift .ci/check-shape.swift
import Foundation

let roots = ["Sources/FenqiSimulation", "Sources/FenqiOptimization"]
let fileLimit = 400
let functionLimit = 120
let stepLimits = ["stepCustomer": 80, "step": 80]

/// The braces of one line outside string literals and `//` comments (good enough for our style:
/// no multi-line string literal contains a brace at the start of a declaration).
func braces(_ line: Substring) -> (open: Int, close: Int) {
  var open = 0
  var close = 0
  var inString = false
  var previous: Character = " "
  for ch in line {
    if inString {
      if ch == "\"" && previous != "\\" { inString = false }
    } else if ch == "\"" {
      inString = true
    } else if ch == "/" && previous == "/" {
      break
    } else if ch == "{" {
      open += 1
    } else if ch == "}" {
      close += 1
    }
    previous = ch
  }
  return (open, close)
}

/// The declared name when `line` starts a function or initializer, else nil.
func declaredFunction(_ line: Substring) -> String? {
  let trimmed = line.drop { $0 == " " }
  let words = trimmed.split(separator: " ", maxSplits: 6)
  for (k, word) in words.enumerated() {
    if word == "func", k + 1 < words.count {
      return String(words[k + 1].prefix { $0 != "(" && $0 != "<" })
    }
    if word.hasPrefix("init(") || word.hasPrefix("init<") || word == "init" {
      return "init"
    }
    let modifiers: Set<Substring> = [
      "public", "private", "fileprivate", "internal", "static", "mutating",
      "override", "final", "@inline(__always)", "@inlinable", "nonisolated",
    ]
    if !modifiers.contains(word) { return nil }
  }
  return nil
}

var problems: [String] = []
var functionsChecked = 0
var filesChecked = 0
let paths = roots.flatMap { root in
  let listed = FileManager.default.enumerator(atPath: root)?.allObjects
  return (listed as? [String] ?? []).map { root + "/" + $0 }
}
for path in paths {
  guard path.hasSuffix(".swift") else { continue }
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    problems.append("\(path): unreadable")
    continue
  }
  filesChecked += 1
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  if lines.count > fileLimit {
    problems.append("\(path): \(lines.count) lines (limit \(fileLimit))")
  }
  var index = 0
  while index < lines.count {
    guard let name = declaredFunction(lines[index]) else {
      index += 1
      continue
    }
    // Find the body's opening brace (the signature may span lines), then its closing one.
    var depth = 0
    var opened = false
    var end = index
    while end < lines.count {
      let (open, close) = braces(lines[end])
      depth += open - close
      if open > 0 { opened = true }
      if opened && depth <= 0 { break }
      end += 1
    }
    let length = end - index + 1
    functionsChecked += 1
    let limit = stepLimits[name] ?? functionLimit
    if opened && length > limit {
      problems.append(
        "\(path):\(index + 1): \(name) is \(length) lines (limit \(limit))")
    }
    index += 1
  }
}

if problems.isEmpty {
  print(
    "ok   \(roots.joined(separator: ", ")): \(filesChecked) files ≤ \(fileLimit) lines, \(functionsChecked) functions ≤ \(functionLimit) lines, the customer's month ≤ 80"
  )
} else {
  for p in problems { print("FAIL \(p)") }
  exit(1)
}
