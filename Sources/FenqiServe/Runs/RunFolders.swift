import FenqiCore
import Foundation

/// The run folders under `--runs`, read safely: a run folder directly inside (id `name`) or two
/// levels down as `fenqi run` writes them, `<scenario>/<UTC stamp>/` (id `scenario~stamp`); each
/// part is a safe segment, file names are those the run's manifest lists, and every path is
/// resolved (symlinks included) and must stay inside the runs folder.
struct RunFolders: Sendable {
  /// The runs folder, resolved (no symlinks), without a trailing `/`.
  let root: String

  init(path: String) throws(ServeError) {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .runsFolder(path: path, reason: "no such folder") }
    guard let resolved = Self.resolve(path) else {
      throw .runsFolder(path: path, reason: "cannot resolve it")
    }
    root = resolved
  }

  /// `path` with every symlink, `.` and `..` resolved; nil when it does not exist.
  static func resolve(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// Whether `name` can be a run id or file name: letters, digits, `.`, `_`, `-` (any script's
  /// letters), not starting with `.`, at most 200 bytes.
  static func isSafeSegment(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= 200, !name.hasPrefix(".") else {
      return false
    }
    return name.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "."
        || $0 == "_"
        || $0 == "-"
    }
  }

  /// The resolved path of `relative` under the root, when it exists and stays inside it.
  func inside(_ relative: String) -> String? {
    guard let resolved = Self.resolve(root + "/" + relative),
      resolved.hasPrefix(root + "/")
    else { return nil }
    return resolved
  }

  /// The separator of a nested run's id, `scenario~stamp` (never in a safe segment).
  static let nestedSeparator: Character = "~"

  /// The folder of run `id` relative to the root: `id` itself, or `scenario/stamp` for
  /// `scenario~stamp`; nil unless every part is a safe segment.
  static func relativePath(_ id: String) -> String? {
    let parts = id.split(
      separator: nestedSeparator, omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      parts.allSatisfy({ isSafeSegment(String($0)) })
    else { return nil }
    return parts.joined(separator: "/")
  }

  /// The ids of the finished runs, sorted: folders directly under the root with a
  /// `manifest.json`, and folders one level further down (`scenario~stamp`) in a folder that
  /// has none; a folder resolving outside the root is skipped.
  func ids() -> [String] {
    var found: [String] = []
    for name in Self.safeChildren(of: root) {
      if inside(name + "/manifest.json") != nil {
        found.append(name)
      } else if let folder = inside(name) {
        found += Self.safeChildren(of: folder)
          .filter { inside(name + "/" + $0 + "/manifest.json") != nil }
          .map { name + String(Self.nestedSeparator) + $0 }
      }
    }
    return found.sorted()
  }

  /// The names in folder `path` that are safe segments, sorted.
  static func safeChildren(of path: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter(isSafeSegment).sorted()
  }

  /// A run's parsed `manifest.json`, or nil when there is no such run.
  func manifest(_ id: String) -> JSONValue? {
    guard let folder = Self.relativePath(id),
      let path = inside(folder + "/manifest.json"),
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return try? JSONParser.parse(String(decoding: data, as: UTF8.self))
  }

  /// The files a run's manifest lists, with `manifest.json` first.
  func files(_ id: String) -> [String] {
    guard case .array(let listed)? = manifest(id)?["files"] else { return [] }
    return ["manifest.json"]
      + listed.compactMap { v in
        if case .string(let s) = v, Self.isSafeSegment(s) { return s }
        return nil
      }
  }

  /// The bytes of file `name` of run `id`: nil unless the manifest lists it and it resolves to
  /// a regular file inside the runs folder.
  func read(_ id: String, _ name: String) -> [UInt8]? {
    guard let folder = Self.relativePath(id), Self.isSafeSegment(name),
      files(id).contains(name),
      let path = inside(folder + "/" + name)
    else { return nil }
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return Array(data)
  }

  /// Whether a folder or file named `id` exists under the root (taken for a new run).
  func exists(_ id: String) -> Bool {
    FileManager.default.fileExists(atPath: root + "/" + id)
  }

  /// The full path of run `id`'s folder (for writing and for reading its data).
  func path(_ id: String) -> String {
    root + "/" + (Self.relativePath(id) ?? id)
  }
}
