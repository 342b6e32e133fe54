import Foundation

/// Images shown in the terminal itself, through kitty's graphics protocol or iTerm2's inline images
/// (also understood by WezTerm), chosen from the terminal's environment variables.
enum InlineImage {
    /// An inline image protocol.
    enum Kind: Equatable {
        /// kitty's graphics protocol: `ESC _ G a=T,f=100,… ; base64 ESC \`, in chunks of 4096.
        case kitty
        /// iTerm2's `ESC ] 1337 ; File=inline=1 … : base64 BEL`.
        case iTerm2
    }

    /// The protocol the terminal described by `environment` understands, or nil.
    static func detect(_ environment: [String: String]) -> Kind? {
        let term = environment["TERM"] ?? "", program = environment["TERM_PROGRAM"] ?? ""
        if term == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil || program == "kitty" { return .kitty }
        if program == "iTerm.app" || program == "WezTerm" || environment["LC_TERMINAL"] == "iTerm2" { return .iTerm2 }
        return nil
    }

    /// The escape sequence that draws the PNG `data` across `columns` terminal columns, followed by a newline.
    static func sequence(png data: Data, name: String, columns: Int, protocol kind: Kind) -> String {
        let encoded = data.base64EncodedString()
        switch kind {
        case .iTerm2:
            let fileName = Data(name.utf8).base64EncodedString()
            return "\u{1B}]1337;File=name=\(fileName);size=\(data.count);width=\(columns);preserveAspectRatio=1;inline=1:\(encoded)\u{07}\n"
        case .kitty:
            var out = ""
            var start = encoded.startIndex
            repeat {
                let end = encoded.index(start, offsetBy: 4096, limitedBy: encoded.endIndex) ?? encoded.endIndex
                let more = end < encoded.endIndex ? 1 : 0
                let keys = start == encoded.startIndex ? "a=T,f=100,c=\(columns),m=\(more)" : "m=\(more)"
                out += "\u{1B}_G\(keys);\(encoded[start..<end])\u{1B}\\"
                start = end
            } while start < encoded.endIndex
            return out + "\n"
        }
    }
}
