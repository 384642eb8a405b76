/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
  /// The Levenshtein distance between two strings, compared case-insensitively by character.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased())
    let y = Array(b.lowercased())
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The candidate nearest to `word`, if it is close enough to be a likely misspelling
  /// (distance ≤ max(2, ⌊length/3⌋)); ties go to the earliest candidate.
  public static func nearest(to word: String, among candidates: [String])
    -> String?
  {
    var best: (String, Int)?
    for c in candidates where c != word {
      let d = editDistance(word, c)
      if d <= Swift.max(2, word.count / 3), d < (best?.1 ?? Int.max) {
        best = (c, d)
      }
    }
    return best?.0
  }
}
