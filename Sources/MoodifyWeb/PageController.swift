import Foundation
import Hummingbird

/// `GET /`: the single page (upload, record, play, predict, recommend), with a per-request script nonce.
struct PageController<Context: RequestContext> {
    /// The page template with the model's details already filled in; `{{nonce}}` is filled per request.
    let template: String

    /// The page for the loaded model; the template is the bundled `index.html`.
    init(services: WebServices) throws {
        guard let url = Bundle.module.url(forResource: "index", withExtension: "html", subdirectory: "Resources") else {
            throw PageError.missingTemplate
        }
        let model = services.predictor.modelDescription
        let megabytes = services.limits.maxUploadBytes / (1024 * 1024)
        template = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "{{model}}", with: model.name.htmlEscaped)
            .replacingOccurrences(of: "{{feature_set}}", with: model.featureSet.htmlEscaped)
            .replacingOccurrences(of: "{{classes}}", with: model.classes.joined(separator: " · ").htmlEscaped)
            .replacingOccurrences(of: "{{max_mb}}", with: String(megabytes))
            .replacingOccurrences(of: "{{max_seconds}}", with: String(Int(services.limits.maxAnalysedSeconds)))
    }

    /// Adds the route to `router`.
    func addRoutes(to router: Router<Context>) {
        router.get("/") { _, _ in page() }
    }

    /// The page with a fresh nonce, and a policy allowing only its own inline code, this server and Spotify's player frames.
    func page() -> Response {
        let nonce = Self.nonce()
        let policy = [
            "default-src 'self'", "script-src 'nonce-\(nonce)'", "style-src 'nonce-\(nonce)'", "img-src 'self' data:",
            "media-src 'self' blob:", "connect-src 'self'", "frame-src https://open.spotify.com", "object-src 'none'",
            "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
        let html = template.replacingOccurrences(of: "{{nonce}}", with: nonce)
        return Response(status: .ok,
                        headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: policy, .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// 16 random bytes, base64: a CSP nonce.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }).base64EncodedString()
    }
}

/// Why the page could not be prepared.
enum PageError: Error, CustomStringConvertible {
    /// The bundled `index.html` is missing from the MoodifyWeb resources.
    case missingTemplate

    var description: String { "The page template index.html is missing from the MoodifyWeb resources." }
}
