import Hummingbird

/// Adds `X-Content-Type-Options`, `Referrer-Policy` and, unless the route set its own, a Content-Security-Policy
/// that allows nothing (API answers are JSON and load nothing); error responses get them too.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy of responses that do not set one.
    static var strictPolicy: String { "default-src 'none'; frame-ancestors 'none'" }
    /// The `Referrer-Policy` header, which HTTPTypes does not name.
    static var referrerPolicy: HTTPFields.Element.Name { HTTPFields.Element.Name("Referrer-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.strictPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "no-referrer"
        return response
    }
}
