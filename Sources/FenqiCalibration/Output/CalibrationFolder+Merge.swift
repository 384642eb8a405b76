import FenqiCore
import Foundation

extension CalibrationFolder {
  /// The shard of an identity, or nil when it has none.
  static func shard(of identity: JSONValue) -> CalibrationShard?? {
    guard let s = identity["shard"] else { return .some(nil) }
    guard case .number(let i) = s["index"] ?? .null,
      case .number(let n) = s["count"] ?? .null,
      n >= 1, n <= 1_000_000, n == n.rounded(), i >= 1, i <= n, i == i.rounded()
    else { return nil }
    return CalibrationShard(index: Int(i), count: Int(n))
  }

  /// The identity without its shard.
  static func withoutShard(_ identity: JSONValue) -> JSONValue {
    guard case .object(let members) = identity else { return identity }
    return .object(members.filter { $0.key != "shard" })
  }

  /// Combines the shard folders of one calibration into `out`, as one process would have left
  /// it after its global stage.
  ///
  /// `out` gets the identity without a shard, the inputs, and every global trial (the same
  /// bytes). Run the calibration on the returned folder to finish.
  ///
  /// `out` may be missing or empty, or hold this calibration already (a merge that was cut
  /// short continues).
  ///
  /// - Parameters:
  ///   - shards: the shard folders, in any order, each once.
  ///   - out: the folder to write.
  ///   - version: this fenqi's version; the shards must have been made by it.
  /// - Returns: the folder and the inputs read from the shards' copies.
  /// - Throws: ``CalibrationFailure`` naming the shard and file that is missing, unfinished, or
  ///   of another calibration.
  public static func merge(shards: [String], into out: String, version: String)
    throws(CalibrationFailure) -> (
      folder: CalibrationFolder, inputs: CalibrationInputs
    )
  {
    var base: JSONValue?
    var count = 0
    var folders: [Int: String] = [:]
    for path in shards {
      let folder = CalibrationFolder(path: path)
      guard let identity = folder.readIdentity() else {
        throw CalibrationFailure(
          .folder,
          "'\(path)' is not a calibration folder (no readable \(identityName))")
      }
      guard let parsed = shard(of: identity) else {
        throw CalibrationFailure(
          .folder,
          "'\(path)/\(identityName)': $.shard: expected an index in 1…count")
      }
      guard let s = parsed else {
        throw CalibrationFailure(
          .folder, "'\(path)' is not a shard (its \(identityName) has no shard)"
        )
      }
      let without = withoutShard(identity)
      if let base, JSONWriter.text(base) != JSONWriter.text(without) {
        throw CalibrationFailure(
          .folder,
          "'\(path)' is a shard of another calibration (the calibration file, scenario, moments file or fenqi version differ from '\(shards[0])')"
        )
      }
      base = base ?? without
      if count != 0, s.count != count {
        throw CalibrationFailure(
          .folder,
          "'\(path)' says \(s.count) shards, '\(shards[0])' says \(count)")
      }
      count = s.count
      if let other = folders[s.index] {
        throw CalibrationFailure(
          .folder,
          "shard \(s.index)/\(count) appears twice: '\(other)' and '\(path)'")
      }
      folders[s.index] = path
    }
    let missing = (1...Swift.max(1, count)).filter { folders[$0] == nil }
    guard missing.isEmpty, let base, let first = folders[1] else {
      throw CalibrationFailure(
        .folder,
        "missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"
      )
    }
    let inputs = try CalibrationFolder(path: first).inputs()
    let expected = identity(inputs, version: version, shard: .whole)
    guard JSONWriter.text(expected) == JSONWriter.text(base) else {
      throw CalibrationFailure(
        .folder,
        "the shards' \(identityName) does not match their inputs and this fenqi (\(version)); merge with the fenqi that ran them"
      )
    }
    let design = ScrambledHalton(
      dimension: inputs.paths.count, seed: inputs.settings.seed)
    var texts: [String] = []
    for trial in 1...inputs.settings.globalPoints {
      let index = (trial - 1) % count + 1
      let shard = CalibrationFolder(path: folders[index] ?? "")
      let name = trialName(trial)
      let unfinished =
        "shard \(index)/\(count) in '\(shard.path)' is unfinished: \(name)"
      let resume =
        "(resume it with 'fenqi calibrate … --shard \(index)/\(count) --resume')"
      switch shard.stored(trial) {
      case .missing:
        throw CalibrationFailure(.folder, "\(unfinished) is missing \(resume)")
      case .unusable(let why):
        throw CalibrationFailure(.folder, "\(unfinished): \(why) \(resume)")
      case .found(let r):
        guard r.trial == trial, r.stage == .global,
          r.unit == design.point(trial - 1)
        else {
          throw CalibrationFailure(
            .folder, "\(unfinished) holds another point \(resume)")
        }
        texts.append(r.text)
      }
    }
    let folder = try open(
      out, inputs: inputs, version: version, shard: .whole, resume: true)
    for (k, text) in texts.enumerated() {
      let trial = k + 1
      if case .found(let r) = folder.stored(trial), r.text == text { continue }
      try folder.write([(trialName(trial), text)])
    }
    return (folder, inputs)
  }
}
