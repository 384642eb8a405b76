import Foundation
import Testing

/// The result of running the built `fenqi` executable.
struct ProcessResult {
  var code: Int32
  var out: String
  var err: String
}

/// Runs the built `fenqi` in `directory` (for commands whose default folder is relative to the
/// working directory, which an in-process test cannot change safely).
func runFenqi(_ words: [String], in directory: URL) throws -> ProcessResult {
  let process = Process()
  process.executableURL = try SweepCommandTests.executable()
  process.arguments = words
  process.currentDirectoryURL = directory
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    code: process.terminationStatus,
    out: String(decoding: outData, as: UTF8.self),
    err: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder holding a small copy of the baseline (`small.json`, 1,500
/// customers), of the recession stress scenario (`stress.json`, 1,000 customers) and of the A/A
/// check (`aa.json`, 1,200 customers).
func scratchWithScenarios() throws -> URL {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("fenqi-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(
    at: dir, withIntermediateDirectories: true)
  let baseline = try String(
    contentsOfFile: path("Scenarios/baseline.json"), encoding: .utf8
  )
  .replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 1500")
  try baseline.write(
    to: dir.appendingPathComponent("small.json"), atomically: true,
    encoding: .utf8)
  let stress = try String(
    contentsOfFile: path("Scenarios/recession-stress.json"), encoding: .utf8
  )
  .replacingOccurrences(of: "\"size\": 100000", with: "\"size\": 1000")
  try stress.write(
    to: dir.appendingPathComponent("stress.json"), atomically: true,
    encoding: .utf8)
  try String(contentsOfFile: path("Scenarios/aa-check.json"), encoding: .utf8)
    .replacingOccurrences(of: "\"size\": 20000", with: "\"size\": 1200")
    .write(
      to: dir.appendingPathComponent("aa.json"), atomically: true,
      encoding: .utf8)
  return dir
}
