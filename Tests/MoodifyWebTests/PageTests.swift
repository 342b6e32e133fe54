import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MoodifyWeb

@Suite("Page, health and model routes")
struct PageTests {
    @Test("the page is served with a nonce policy that allows only itself and Spotify's player frames")
    func pageWithPolicy() async throws {
        try await withApp(testServices()) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("frame-src https://open.spotify.com"))
            #expect(policy.contains("default-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            let nonce = try #require(policy.firstMatch(of: /script-src 'nonce-([A-Za-z0-9+\/=]+)'/)?.1)
            #expect(response.text.contains("<script nonce=\"\(nonce)\">"))
            #expect(response.text.contains("<style nonce=\"\(nonce)\">"))
            #expect(!response.text.contains("{{"))
            #expect(!response.text.contains("<script src"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            let second = try await client.execute(uri: "/", method: .get)
            #expect(second.headers[.contentSecurityPolicy] != policy, "each page gets a fresh nonce")
        }
    }

    @Test("text from the model bundle is HTML-escaped in the page")
    func escaping() async throws {
        let predictor = FakePredictor(name: #"<img src=x onerror="alert(1)">&'"#)
        try await withApp(testServices(predictor)) { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"))
            #expect(!page.contains("<img src=x"))
        }
        #expect("a<b>&\"c'".htmlEscaped == "a&lt;b&gt;&amp;&quot;c&#39;")
    }

    @Test("health names the model and whether Spotify is configured; API answers carry a deny-all policy")
    func health() async throws {
        try await withApp(testServices()) { client in
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
            #expect(response.json["model"] as? String == "fake-model")
            #expect(response.json["classes"] as? [String] == FakePredictor.classes)
            #expect(response.json["spotify"] as? Bool == false)
            #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'")
        }
    }

    @Test("the model route reports classes, feature set, metadata and limits")
    func model() async throws {
        try await withApp(testServices()) { client in
            let json = try await client.execute(uri: "/api/model", method: .get).json
            #expect(json["classes"] as? [String] == FakePredictor.classes)
            #expect(json["feature_set"] as? String == "method1")
            #expect(json["feature_parameters"] as? [String: String] == ["sr": "22050"])
            #expect(json["metadata"] as? [String: String] == ["accuracy": "0.57", "corpus": "crema-d-dev"])
            #expect(json["max_upload_bytes"] as? Int == 20 * 1024 * 1024)
            #expect(json["max_analysed_seconds"] as? Double == 30)
        }
    }
}
