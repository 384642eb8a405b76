import FenqiCore

extension IsolationForest {
  /// The forest as JSON: its sample size, row width and every tree's nodes and leaves.
  ///
  /// Numbers are written in their shortest round-trip form, so a forest read back scores every
  /// row exactly as this one does.
  package var json: JSONValue {
    .object([
      ("sampleSize", .number(Double(sampleSize))),
      ("width", .number(Double(width))),
      (
        "trees",
        .array(
          trees.map { t in
            .object([
              ("feature", .integers(t.feature)), ("cut", .numbers(t.cut)),
              ("left", .integers(t.left)), ("right", .integers(t.right)),
              ("leafSize", .integers(t.leafSize)),
              ("leafDepth", .integers(t.leafDepth)),
            ])
          })
      ),
    ])
  }

  /// Reads a forest written by ``json``, checking every index so that scoring cannot leave the
  /// arrays or loop: features in 0 ..< width, children after their parent, leaves in range.
  ///
  /// - Parameters:
  ///   - json: the forest's JSON.
  ///   - path: its JSON path in the enclosing document, for messages.
  /// - Throws: ``ModelFile/Failure`` naming the JSON path of the first problem.
  package init(json: JSONValue, path: String) throws(ModelFile.Failure) {
    do {
      self = try Self.read(JSONReading(json, path: path))
    } catch {
      throw ModelFile.Failure(description: error.description)
    }
  }

  private static func read(_ r: JSONReading) throws(JSONReading.Failure)
    -> IsolationForest
  {
    let sampleSize = try r["sampleSize"].int
    let width = try r["width"].int
    guard sampleSize >= 1 else {
      throw try r["sampleSize"].fail("an integer ≥ 1")
    }
    guard width >= 1 else { throw try r["width"].fail("an integer ≥ 1") }
    var trees: [Tree] = []
    for t in try r["trees"].array {
      var tree = Tree()
      tree.feature = try t["feature"].int32s
      tree.cut = try t["cut"].doubles
      tree.left = try t["left"].int32s
      tree.right = try t["right"].int32s
      tree.leafSize = try t["leafSize"].int32s
      tree.leafDepth = try t["leafDepth"].int32s
      let nodes = tree.feature.count
      let leaves = tree.leafSize.count
      guard tree.cut.count == nodes, tree.left.count == nodes,
        tree.right.count == nodes, tree.leafDepth.count == leaves,
        leaves == nodes + 1
      else {
        throw t.fail(
          "one feature, cut, left and right per node and nodes + 1 leaf sizes and depths"
        )
      }
      for n in 0..<nodes {
        guard (0..<Int32(width)).contains(tree.feature[n]) else {
          throw try t["feature"].array[n].fail(
            "a feature index in 0…\(width - 1)")
        }
        guard tree.cut[n].isFinite else {
          throw try t["cut"].array[n].fail("a finite number")
        }
        for (side, child) in [("left", tree.left[n]), ("right", tree.right[n])]
        {
          let ok =
            child >= 0
            ? Int(child) > n && Int(child) < nodes : Int(~child) < leaves
          guard ok else {
            throw try t[side].array[n].fail(
              "a later node index (< \(nodes)) or a leaf ~k with k < \(leaves)")
          }
        }
      }
      trees.append(tree)
    }
    return IsolationForest(trees: trees, sampleSize: sampleSize, width: width)
  }
}
