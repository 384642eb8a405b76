import Testing

@testable import FenqiHTTP

/// Routing by pattern, per-segment decoding, 404 and 405.
@Suite struct RouterTests {
  var router: Router {
    var r = Router()
    r.add("GET", "/v1/runs/{id}") { _, p in .text(p["id"] ?? "") }
    r.add("DELETE", "/v1/runs/{id}") { _, _ in .text("deleted") }
    r.add("POST", "/v1/scenarios:validate") { _, _ in .text("v") }
    return r
  }

  @Test func parameterIsDecodedPerSegment() {
    let r = router.respond(
      to: HTTPRequest(method: "GET", path: "/v1/runs/a%2F..%2Fb"))
    #expect(r.status == 200)
    #expect(String(decoding: r.body, as: UTF8.self) == "a/../b")
    #expect(r.route == "/v1/runs/{id}")
  }

  @Test func literalWithColonMatches() {
    #expect(
      router.respond(
        to: HTTPRequest(method: "POST", path: "/v1/scenarios:validate")
      ).status == 200)
  }

  @Test(arguments: [
    "/v1/runs", "/v1/runs/x/y", "/v1/runs/../../etc/passwd", "/", "/v1/runs/",
  ])
  func unknownPathsAre404(_ path: String) {
    let r = router.respond(to: HTTPRequest(method: "GET", path: path))
    #expect(r.status == 404)
    #expect(String(decoding: r.body, as: UTF8.self).contains("\"error\""))
  }

  @Test func wrongMethodIs405WithAllow() {
    let r = router.respond(to: HTTPRequest(method: "PUT", path: "/v1/runs/x"))
    #expect(r.status == 405)
    #expect(r.header("Allow") == "GET, DELETE")
  }

  @Test func malformedEscapeIs400() {
    #expect(
      router.respond(to: HTTPRequest(method: "GET", path: "/v1/runs/%zz"))
        .status == 400)
  }
}
