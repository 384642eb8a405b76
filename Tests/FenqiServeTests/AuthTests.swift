import Testing

@testable import FenqiServe

/// `--token-file`: every `/v1/` call needs the bearer token; health and the workspace do not.
@Suite struct AuthTests {
  @Test(arguments: [
    ("", 401), ("Bearer", 401), ("Bearer wrong", 401),
    ("Bearer s3cret-token-x", 401),
    ("Basic s3cret-token", 401), ("Bearer s3cret-toke", 401),
    ("Bearer s3cret-token", 200),
    ("bearer s3cret-token", 200),
  ])
  func v1CallsNeedTheToken(_ header: String, _ status: Int) throws {
    let f = try ServeFixture(token: "s3cret-token\n")
    let r = f.call(
      "GET", "/v1/runs",
      headers: header.isEmpty ? [] : [("Authorization", header)])
    #expect(r.status == status)
    if status == 401 {
      #expect(r.response.header("WWW-Authenticate") == "Bearer")
      #expect(r.text.contains("\"field\":\"Authorization\""))
    }
  }

  @Test(arguments: ["/healthz", "/", "/app.js", "/metrics"])
  func healthAndWorkspaceNeedNoToken(_ path: String) throws {
    let f = try ServeFixture(token: "s3cret-token")
    #expect(f.call("GET", path).status == 200)
  }

  @Test func emptyTokenIsRefused() {
    #expect(BearerToken(text: " \n") == nil)
  }
}
