import Foundation
import Testing
@testable import MoodifyMusic

@Suite(".env files, credentials and configuration")
struct DotEnvTests {
    @Test("parses comments, export, quotes and inline comments")
    func parse() {
        let text = """
            # Spotify app
            SPOTIPY_CLIENT_ID=abc123
            export SPOTIPY_CLIENT_SECRET = "s e c#ret\\"x"
            SINGLE='lit\\eral # kept'
            INLINE=value # comment
            EMPTY=
            not a line
            9BAD=x
            CRLF=yes\r
            """
        let values = DotEnv.parse(text)
        #expect(values["SPOTIPY_CLIENT_ID"] == "abc123")
        #expect(values["SPOTIPY_CLIENT_SECRET"] == "s e c#ret\"x")
        #expect(values["SINGLE"] == "lit\\eral # kept")
        #expect(values["INLINE"] == "value")
        #expect(values["EMPTY"] == "")
        #expect(values["CRLF"] == "yes")
        #expect(values["9BAD"] == nil)
        #expect(values.count == 6)
    }

    @Test("the process environment wins over .env; a missing .env is no error")
    func merge() throws {
        let directory = try SpotifyFixtures.emptyDirectory()
        #expect(DotEnv.environment(process: ["A": "1"], directory: directory) == ["A": "1"])
        try Data("A=from-file\nB=2\n".utf8).write(to: directory.appendingPathComponent(".env"))
        #expect(DotEnv.environment(process: ["A": "1"], directory: directory) == ["A": "1", "B": "2"])
    }

    @Test("credentials: SPOTIPY_ names first, then SPOTIFY_ names")
    func credentials() throws {
        let both = ["SPOTIPY_CLIENT_ID": "a", "SPOTIPY_CLIENT_SECRET": "b", "SPOTIFY_CLIENT_ID": "c", "SPOTIFY_CLIENT_SECRET": "d"]
        #expect(try SpotifyCredentials.from(environment: both) == SpotifyCredentials(clientID: "a", clientSecret: "b"))
        let spotify = ["SPOTIFY_CLIENT_ID": "c", "SPOTIFY_CLIENT_SECRET": "d"]
        #expect(try SpotifyCredentials.from(environment: spotify) == SpotifyCredentials(clientID: "c", clientSecret: "d"))
        #expect(throws: SpotifyError.missingCredentials(missing: [])) { try SpotifyCredentials.from(environment: [:]) }
        #expect(throws: SpotifyError.missingCredentials(missing: ["SPOTIPY_CLIENT_SECRET"])) {
            try SpotifyCredentials.from(environment: ["SPOTIPY_CLIENT_ID": "a"])
        }
    }

    @Test("credentials never show in descriptions, debug output or dumps")
    func credentialsHidden() {
        let credentials = SpotifyFixtures.credentials
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!SpotifyFixtures.leaksSecret(text), "leaked in: \(text)")
        }
    }

    @Test("configuration defaults and environment overrides")
    func configuration() throws {
        let defaults = try SpotifyConfiguration(environment: [:])
        #expect(defaults.accountsURL.absoluteString == "https://accounts.spotify.com")
        #expect(defaults.apiURL.absoluteString == "https://api.spotify.com")
        #expect(defaults.market == "US")
        #expect(defaults.requestTimeout == .seconds(10))
        #expect(defaults.maxRetries == 2)
        #expect(defaults.maxRetryAfter == .seconds(10))
        let custom = try SpotifyConfiguration(environment: [
            "MOODIFY_SPOTIFY_ACCOUNTS_URL": "http://127.0.0.1:9/accounts", "MOODIFY_SPOTIFY_API_URL": "http://127.0.0.1:9",
            "SPOTIFY_MARKET": "de", "MOODIFY_SPOTIFY_TIMEOUT": "0.5",
        ])
        #expect(custom.accountsURL.absoluteString == "http://127.0.0.1:9/accounts")
        #expect(custom.apiURL.absoluteString == "http://127.0.0.1:9")
        #expect(custom.market == "DE")
        #expect(custom.requestTimeout == .milliseconds(500))
    }

    @Test("an unusable setting is rejected naming the variable", arguments: [
        ("MOODIFY_SPOTIFY_API_URL", "ftp://example.com"), ("MOODIFY_SPOTIFY_ACCOUNTS_URL", "not a url"),
        ("SPOTIFY_MARKET", "USA"), ("MOODIFY_SPOTIFY_TIMEOUT", "-1"),
    ])
    func badSetting(key: String, value: String) {
        #expect {
            try SpotifyConfiguration(environment: [key: value])
        } throws: { error in
            String(describing: error).hasPrefix(key)
        }
    }
}
