import Foundation

/// The public Spotify web links Moodify builds: search pages for catalog tracks, track and embed pages for Spotify ids.
public enum SpotifyLinks {
    /// `https://open.spotify.com/search/<percent-encoded "title artist">`, which always resolves.
    public static func search(title: String, artist: String?) -> URL {
        let query = [title, artist].compactMap { $0 }.joined(separator: " ")
        return URL(string: "https://open.spotify.com/search/" + percentEncode(query))!
    }

    /// `https://open.spotify.com/track/<id>`.
    public static func track(id: String) -> URL {
        URL(string: "https://open.spotify.com/track/" + percentEncode(id))!
    }

    /// `https://open.spotify.com/embed/track/<id>`, the player a web page can put in an iframe.
    public static func embed(id: String) -> URL {
        URL(string: "https://open.spotify.com/embed/track/" + percentEncode(id))!
    }

    /// Percent-encodes every byte of the UTF-8 text except RFC 3986's unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
