import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Spotify Web API client for track search with the Client Credentials flow.
///
/// It caches the access token until shortly before it expires, gets a new one and retries
/// once on 401, waits out a short `Retry-After` on 429, retries 5xx answers, timeouts and
/// connection failures twice with doubling backoff, and reports anything else as a
/// `SpotifyError` so the caller can fall back to the catalog.
public actor SpotifyClient {
    /// Endpoints, market, timeouts and retry policy.
    public let configuration: SpotifyConfiguration
    private let credentials: SpotifyCredentials
    private let session: URLSession
    private var token: CachedToken?

    /// A client for the given app credentials.
    public init(credentials: SpotifyCredentials, configuration: SpotifyConfiguration = SpotifyConfiguration()) {
        self.credentials = credentials
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.timeoutIntervalForRequest = Self.backstop(configuration.requestTimeout)
        sessionConfiguration.timeoutIntervalForResource = Self.backstop(configuration.requestTimeout)
        session = URLSession(configuration: sessionConfiguration)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Up to `limit` (clamped to 1–10) tracks of a genre: `GET /v1/search?q=genre:"<genre>"&type=track`.
    public func searchTracks(genre: String, limit: Int, offset: Int = 0) async throws(SpotifyError) -> [Track] {
        let limit = min(max(limit, 1), 10)
        let offset = min(max(offset, 0), 1000)
        var reply = try await search(genre: genre, limit: limit, offset: offset, token: try await accessToken())
        if reply.status == 401 {
            token = nil
            reply = try await search(genre: genre, limit: limit, offset: offset, token: try await accessToken())
            if reply.status == 401 { throw .unauthorized }
        }
        guard reply.status == 200 else { throw .unexpectedStatus(endpoint: "search", status: reply.status) }
        do {
            return try JSONDecoder().decode(SearchResponse.self, from: reply.body).tracks(genre: genre)
        } catch {
            throw .malformedResponse(endpoint: "search", detail: Self.decodingSummary(error))
        }
    }

    // MARK: Requests

    private func search(genre: String, limit: Int, offset: Int, token: String) async throws(SpotifyError) -> HTTPReply {
        let query = [
            ("q", "genre:\"\(genre)\""), ("type", "track"), ("limit", String(limit)),
            ("market", configuration.market), ("offset", String(offset)),
        ].map { "\($0.0)=\(SpotifyLinks.percentEncode($0.1))" }.joined(separator: "&")
        var request = URLRequest(url: Self.endpoint(configuration.apiURL, "v1/search", query: query))
        request.httpMethod = "GET"
        request.timeoutInterval = backstopTimeout
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return try await exchange(request, endpoint: "search")
    }

    private func accessToken() async throws(SpotifyError) -> String {
        if let token, ContinuousClock.now < token.refreshAfter { return token.value }
        var request = URLRequest(url: Self.endpoint(configuration.accountsURL, "api/token", query: nil))
        request.httpMethod = "POST"
        request.timeoutInterval = backstopTimeout
        request.setValue(credentials.basicAuthorization, forHTTPHeaderField: "Authorization")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data("grant_type=client_credentials".utf8)
        let requestedAt = ContinuousClock.now
        let reply = try await exchange(request, endpoint: "token")
        switch reply.status {
        case 200: break
        case 400, 401, 403: throw .credentialsRejected(status: reply.status)
        default: throw .unexpectedStatus(endpoint: "token", status: reply.status)
        }
        let decoded: TokenResponse
        do {
            decoded = try JSONDecoder().decode(TokenResponse.self, from: reply.body)
        } catch {
            throw .malformedResponse(endpoint: "token", detail: Self.decodingSummary(error))
        }
        guard !decoded.accessToken.isEmpty, decoded.expiresIn > 0 else {
            throw .malformedResponse(endpoint: "token", detail: "empty access token or non-positive expires_in")
        }
        let lifetime = Duration.seconds(decoded.expiresIn) - configuration.tokenExpiryMargin
        token = CachedToken(value: decoded.accessToken, refreshAfter: requestedAt + max(lifetime, .zero))
        return decoded.accessToken
    }

    /// Sends a request, retrying 5xx answers, timeouts, connection failures and short 429s;
    /// returns the first other answer.
    private func exchange(_ request: URLRequest, endpoint: String) async throws(SpotifyError) -> HTTPReply {
        var retries = 0
        while true {
            let attempts = retries + 1
            let canRetry = retries < configuration.maxRetries
            let backoff = configuration.retryBackoff * (1 << retries)
            switch await send(request) {
            case let .failure(timedOut, detail):
                guard canRetry else {
                    throw timedOut ? .timedOut(endpoint: endpoint, attempts: attempts)
                        : .transport(endpoint: endpoint, detail: detail, attempts: attempts)
                }
                try? await Task.sleep(for: backoff)
            case let .reply(reply) where reply.status == 429:
                let seconds = reply.retryAfterSeconds
                guard let seconds, .seconds(seconds) <= configuration.maxRetryAfter, canRetry else {
                    throw .rateLimited(retryAfterSeconds: seconds)
                }
                try? await Task.sleep(for: .seconds(seconds))
            case let .reply(reply) where (500...599).contains(reply.status):
                guard canRetry else { throw .serverError(endpoint: endpoint, status: reply.status, attempts: attempts) }
                try? await Task.sleep(for: backoff)
            case let .reply(reply):
                return reply
            }
            retries += 1
        }
    }

    /// One request, abandoned (and cancelled) when it takes longer than `requestTimeout`.
    ///
    /// The deadline is enforced here because FoundationNetworking on Linux rounds
    /// `timeoutInterval` down to whole seconds.
    private func send(_ request: URLRequest) async -> TransportOutcome {
        let session = self.session
        let timeout = configuration.requestTimeout
        return await withTaskGroup(of: TransportOutcome?.self) { group in
            group.addTask { await Self.perform(request, in: session) }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil
                }
                return .failure(timedOut: true, detail: "timed out")
            }
            var outcome = TransportOutcome.failure(timedOut: false, detail: "the request was cancelled")
            for await result in group {
                if let result {
                    outcome = result
                    break
                }
            }
            group.cancelAll()
            return outcome
        }
    }

    private static func perform(_ request: URLRequest, in session: URLSession) async -> TransportOutcome {
        do {
            let (body, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .failure(timedOut: false, detail: "not an HTTP response") }
            let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return .reply(HTTPReply(status: http.statusCode, body: body, retryAfterSeconds: retryAfter.map { max($0, 0) }))
        } catch let error as URLError {
            return .failure(timedOut: error.code == .timedOut, detail: transportSummary(error))
        } catch {
            return .failure(timedOut: false, detail: "the request failed")
        }
    }

    // MARK: Helpers

    /// Foundation's own timeout, a whole second beyond the deadline `send` enforces, as a backstop.
    private static func backstop(_ timeout: Duration) -> TimeInterval {
        timeout.seconds.rounded(.up) + 1
    }

    private var backstopTimeout: TimeInterval { Self.backstop(configuration.requestTimeout) }

    private static func endpoint(_ base: URL, _ path: String, query: String?) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/" + path
        if let query { text += "?" + query }
        return URL(string: text)!
    }

    /// A short description of a transport failure that names neither headers nor bodies.
    private static func transportSummary(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted: return "TLS failure"
        default: return "network error \(error.code.rawValue)"
        }
    }

    /// A short description of a JSON decoding failure (the failing key path, never the payload).
    private static func decodingSummary(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context)
            return "missing \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "unexpected value at \(path(context))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not JSON"
        case .dataCorrupted(let context):
            return "unreadable value at \(path(context))"
        @unknown default:
            return "unreadable JSON"
        }
    }
}

/// An access token and the instant after which it should be replaced; never printed.
private struct CachedToken: Sendable {
    let value: String
    let refreshAfter: ContinuousClock.Instant
}

/// What came back for one request.
private struct HTTPReply: Sendable {
    let status: Int
    let body: Data
    let retryAfterSeconds: Int?
}

/// One request's outcome: an answer, or a transport failure.
private enum TransportOutcome: Sendable {
    case reply(HTTPReply)
    case failure(timedOut: Bool, detail: String)
}

extension Duration {
    /// The duration in seconds, as Foundation's `TimeInterval`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
