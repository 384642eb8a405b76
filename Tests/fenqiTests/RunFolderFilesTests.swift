import FenqiCore
import FenqiReport
import Foundation
import Testing

@testable import fenqi

/// `manifest.json` lists the files a run wrote, and no JSON file repeats a key.
@Suite struct RunFolderFilesTests {
  /// Every object in `value` whose keys repeat, by path.
  static func repeatedKeys(_ value: JSONValue, at path: String = "$")
    -> [String]
  {
    switch value {
    case .object(let members):
      var seen: Set<String> = []
      var found: [String] = []
      for (key, member) in members {
        if !seen.insert(key).inserted { found.append(path + "." + key) }
        found += repeatedKeys(member, at: path + "." + key)
      }
      return found
    case .array(let elements):
      return elements.enumerated().flatMap {
        repeatedKeys($0.element, at: "\(path)[\($0.offset)]")
      }
    default: return []
    }
  }

  @Test func theManifestListsEveryFileWrittenAndNoKeyRepeats() throws {
    let dir = try scratchWithScenarios()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = dir.appendingPathComponent("aa.json")
    let out = dir.appendingPathComponent("run").path
    let r = invoke([
      "run", scenario.path, "--replicates", "2", "--out", out, "-q",
    ])
    #expect(r.code == .success, "\(r.err)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(written.contains("tests.csv") && written.contains("replicates.csv"))
    for name in written where name.hasSuffix(".json") {
      let json = try JSONParser.parse(
        String(contentsOfFile: out + "/" + name, encoding: .utf8))
      #expect(Self.repeatedKeys(json).isEmpty, "\(name)")
    }
    let manifest = try JSONParser.parse(
      String(contentsOfFile: out + "/manifest.json", encoding: .utf8))
    guard case .array(let listed) = manifest["files"] ?? .null else {
      Issue.record("manifest.json has no file list")
      return
    }
    let names = listed.compactMap(\.stringValue)
    // Every file but the manifest itself, in the order they are written.
    #expect(Set(names) == Set(written).subtracting(["manifest.json"]))
    #expect(names.count == written.count - 1)
    #expect(
      names
        == RunFile.allCases.map(\.name).filter {
          names.contains($0)
        })
  }
}
