import FenqiCore
import FenqiDecision
import Foundation
import Testing

@Suite struct DecisionBundleTests {
  @Test func aBundleRoundTripsByteForByte() throws {
    let text = BundleFixture.trained.text
    #expect(BundleFixture.loaded.text == text)
    #expect(
      BundleFixture.loaded.contentHash == BundleFixture.trained.contentHash)
    #expect(BundleFixture.loaded.contentHash.count == 64)
    // Through Codable too.
    let data = try JSONEncoder().encode(BundleFixture.trained)
    let decoded = try JSONDecoder().decode(DecisionBundle.self, from: data)
    #expect(decoded.text == text)
  }

  @Test func theHashCoversTheContent() throws {
    var b = BundleFixture.trained
    b.arms[0].threshold += 0.01
    #expect(b.contentHash != BundleFixture.trained.contentHash)
    let tampered = BundleFixture.trained.text.replacingOccurrences(
      of: "\"version\": \"fixture-v1\"", with: "\"version\": \"fixture-v2\"")
    #expect(throws: DecisionBundleError.self) {
      try DecisionBundle(text: tampered)
    }
    do {
      _ = try DecisionBundle(text: tampered, file: "b.json")
    } catch {
      #expect(error.description.hasPrefix("b.json: $.contentHash: expected"))
    }
  }

  @Test func loadingNamesTheJSONPathOfAProblem() throws {
    let broken = BundleFixture.trained.text.replacingOccurrences(
      of: "\"mode\": \"rule\"", with: "\"mode\": \"rules\"")
    do {
      _ = try DecisionBundle(text: broken, file: "b.json")
      Issue.record("a broken bundle loaded")
    } catch {
      #expect(
        error.description.contains("$.arms.challenger.mode: expected one of"))
      #expect(error.description.contains("did you mean \"rule\"?"))
    }
    #expect(throws: DecisionBundleError.self) { try DecisionBundle(text: "{") }
    #expect(
      throws: DecisionBundleError.unreadable(file: "/nonexistent/bundle.json")
    ) {
      try DecisionBundle.load(
        from: URL(fileURLWithPath: "/nonexistent/bundle.json"))
    }
  }

  @Test func aLoadedForestAndModelScoreAsTheOriginals() throws {
    let a = try #require(BundleFixture.trained.fraud?.forest)
    let b = try #require(BundleFixture.loaded.fraud?.forest)
    #expect(a == b)
    let trees = try #require(BundleFixture.trained.arms[0].pd?.trees)
    let loadedTrees = try #require(BundleFixture.loaded.arms[0].pd?.trees)
    #expect(trees.trees.count == loadedTrees.trees.count)
  }
}
