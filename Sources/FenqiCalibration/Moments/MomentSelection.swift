import FenqiCore

/// Which observed moments a calibration fits: those whose name starts with one of
/// ``prefixes`` (all when there are none), less those that start with one of ``exclude``.
struct MomentSelection: Sendable, Equatable {
  /// `momentNames`.
  var prefixes: [String]
  /// `exclude`.
  var exclude: [String]

  /// The selected moments, in file order.
  func apply(to moments: ObservedMoments) -> [ObservedMoment] {
    moments.moments.filter { m in
      (prefixes.isEmpty || prefixes.contains { m.name.hasPrefix($0) })
        && !exclude.contains { m.name.hasPrefix($0) }
    }
  }

  /// A problem for every prefix that matches no moment (a likely typo), with the nearest family
  /// or name as a hint.
  func problems(in moments: ObservedMoments, file: String) -> [FieldProblem] {
    let names = moments.moments.map(\.name)
    var families: [String] = []
    for n in names {
      let family = String(n.prefix { $0 != "." }) + "."
      if !families.contains(family) { families.append(family) }
    }
    var out: [FieldProblem] = []
    for (key, list) in [("momentNames", prefixes), ("exclude", exclude)] {
      for (i, prefix) in list.enumerated()
      where !names.contains(where: { $0.hasPrefix(prefix) }) {
        var message =
          "no moment in '\(file)' starts with \(JSONValue.string(prefix).shortDescription)"
        if let hint = Suggestion.nearest(to: prefix, among: families + names) {
          message += "; did you mean \"\(hint)\"?"
        }
        out.append(FieldProblem(path: "$.\(key)[\(i)]", message: message))
      }
    }
    return out
  }
}
