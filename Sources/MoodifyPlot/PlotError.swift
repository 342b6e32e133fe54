/// What can go wrong while drawing a chart or reading and writing its PNG.
public enum PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DejaVu Sans is not installed in any of the searched places.
    case fontNotFound(searched: [String])
    /// FreeType could not open or size the font file.
    case fontUnreadable(path: String, code: Int32)
    /// libpng refused to encode the image.
    case pngEncodingFailed(reason: String)
    /// The bytes are not a PNG that libpng can decode.
    case pngDecodingFailed(reason: String)
    /// The data handed to a chart does not fit it (mismatched lengths, empty input, …).
    case invalidData(chart: String, reason: String)
    /// The PNG could not be written to disk.
    case writeFailed(path: String, reason: String)

    /// One sentence for the user.
    public var description: String {
        switch self {
        case .fontNotFound(let searched):
            let places = searched.prefix(4).joined(separator: ", ")
            return "The DejaVu Sans font was not found (looked in \(places)\(searched.count > 4 ? ", …" : "")); "
                + "install the Debian package fonts-dejavu-core or set MOODIFY_FONT to a .ttf file."
        case .fontUnreadable(let path, let code):
            return "FreeType could not load the font \(path) (error \(code))."
        case .pngEncodingFailed(let reason):
            return "The chart could not be encoded as PNG: \(reason)."
        case .pngDecodingFailed(let reason):
            return "The data is not a readable PNG image: \(reason)."
        case .invalidData(let chart, let reason):
            return "The \(chart) cannot be drawn: \(reason)."
        case .writeFailed(let path, let reason):
            return "The chart could not be written to \(path): \(reason)."
        }
    }
}
