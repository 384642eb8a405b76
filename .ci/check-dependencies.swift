// Checks that every target's declared dependencies in Package.swift are exactly the package
// targets its sources import: an undeclared import builds only by luck of the build order, and a
// declared but unused dependency hides the real layering.
//
//   swift package dump-package | swift .ci/check-dependencies.swift
//
// Exits 0 when they match, 1 with every mismatch listed otherwise.
import Foundation

struct Target {
  var name: String
  var folder: String
  var declared: Set<String>
}

func targets(fromDumpedPackage data: Data) -> [Target]? {
  guard
    let package = try? JSONSerialization.jsonObject(with: data)
      as? [String: Any],
    let list = package["targets"] as? [[String: Any]]
  else { return nil }
  return list.compactMap { t -> Target? in
    guard let name = t["name"] as? String, let type = t["type"] as? String
    else { return nil }
    var declared: Set<String> = []
    for dependency in t["dependencies"] as? [[String: Any]] ?? [] {
      // {"byName": [name, condition]}, {"target": [name, condition]}, {"product": [name, package, …]}
      for key in ["byName", "target", "product"] {
        if let value = dependency[key] as? [Any], let n = value.first as? String
        {
          declared.insert(n)
        }
      }
    }
    let folder =
      t["path"] as? String ?? (type == "test" ? "Tests/" : "Sources/") + name
    return Target(name: name, folder: folder, declared: declared)
  }
}

/// The modules imported by the Swift files under `folder` (any attribute or import kind).
func imports(under folder: String) -> Set<String> {
  let pattern =
    #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#
  guard
    let regex = try? NSRegularExpression(
      pattern: pattern, options: [.anchorsMatchLines]),
    let walker = FileManager.default.enumerator(atPath: folder)
  else { return [] }
  var found: Set<String> = []
  for case let file as String in walker where file.hasSuffix(".swift") {
    guard
      let text = try? String(
        contentsOfFile: folder + "/" + file, encoding: .utf8)
    else { continue }
    let range = NSRange(text.startIndex..., in: text)
    for match in regex.matches(in: text, range: range) {
      if let r = Range(match.range(at: 1), in: text) {
        found.insert(String(text[r]))
      }
    }
  }
  return found
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let all = targets(fromDumpedPackage: input), !all.isEmpty else {
  FileHandle.standardError.write(
    Data(
      "check-dependencies: expected `swift package dump-package` JSON on stdin\n"
        .utf8))
  exit(2)
}
let names = Set(all.map(\.name))
var problems: [String] = []
for target in all {
  let used = imports(under: target.folder).intersection(names)
  for missing in used.subtracting(target.declared).sorted() {
    problems.append(
      "\(target.name) imports \(missing) but does not declare it as a dependency"
    )
  }
  for unused in target.declared.subtracting(used).sorted() {
    problems.append(
      "\(target.name) declares \(unused) as a dependency but never imports it")
  }
}
if problems.isEmpty {
  print(
    "ok   Package.swift: every target declares exactly the targets it imports")
  exit(0)
}
print(
  "FAIL Package.swift: \(problems.count) problem\(problems.count == 1 ? "" : "s")"
)
for p in problems { print("  - \(p)") }
exit(1)
