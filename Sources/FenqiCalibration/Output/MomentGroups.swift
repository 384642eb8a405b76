import FenqiCredit

/// Moment names grouped the way the report draws them: curves by month on book
/// (`FAMILY.mobNN`) and roll matrices (`roll.FROM.TO`); names in first-appearance order.
struct MomentGroups {
  /// One curve: a family's moments sorted by month on book.
  struct Curve {
    var name: String
    var names: [String]
    var monthsOnBook: [Int]
  }

  /// The curves, families in first-appearance order.
  var curves: [Curve] = []
  /// The roll matrix's rows (from) and columns (to), in delinquency order when every name is a
  /// tape bucket, else in first-appearance order.
  var rollFrom: [String] = []
  /// See ``rollFrom``.
  var rollTo: [String] = []
  /// The roll moments' names.
  var rolls: [String] = []

  init(_ names: [String]) {
    for name in names {
      let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        .map(String.init)
      if parts.count == 3, parts[0] == "roll", !parts[1].isEmpty,
        !parts[2].isEmpty
      {
        rolls.append(name)
        if !rollFrom.contains(parts[1]) { rollFrom.append(parts[1]) }
        if !rollTo.contains(parts[2]) { rollTo.append(parts[2]) }
        continue
      }
      guard let dot = name.range(of: ".mob", options: .backwards),
        let month = Int(name[dot.upperBound...]), month >= 0,
        name[dot.upperBound...].allSatisfy(\.isASCII)
      else { continue }
      let family = String(name[..<dot.lowerBound])
      if let k = curves.firstIndex(where: { $0.name == family }) {
        curves[k].names.append(name)
        curves[k].monthsOnBook.append(month)
      } else {
        curves.append(Curve(name: family, names: [name], monthsOnBook: [month]))
      }
    }
    for k in curves.indices {
      let order = curves[k].monthsOnBook.indices.sorted {
        curves[k].monthsOnBook[$0] < curves[k].monthsOnBook[$1]
      }
      curves[k].names = order.map { curves[k].names[$0] }
      curves[k].monthsOnBook = order.map { curves[k].monthsOnBook[$0] }
    }
    func bucketOrder(_ list: [String]) -> [String] {
      let buckets = list.compactMap(DelinquencyBucket.init(name:))
      guard buckets.count == list.count else { return list }
      return buckets.sorted().map(\.name)
    }
    rollFrom = bucketOrder(rollFrom)
    rollTo = bucketOrder(rollTo)
  }
}
