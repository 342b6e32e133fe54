import CPNG

/// An image decoded from PNG: 8-bit RGBA, straight alpha, rows from the top.
public struct DecodedImage: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 4` bytes, R G B A.
    public var rgba: [UInt8]

    /// The colour of one pixel.
    public func pixel(x: Int, y: Int) -> Color {
        let i = (y * width + x) * 4
        return Color(red: rgba[i], green: rgba[i + 1], blue: rgba[i + 2], alpha: rgba[i + 3])
    }
}

/// PNG encoding and decoding through libpng's simplified API (`png_image`), which reports errors through a
/// return code and message instead of longjmp, so no C error jump ever crosses a Swift frame.
public enum PNGCodec {
    /// The Software text entry written into every PNG.
    public static let software = "Moodify"

    /// Encodes 8-bit RGBA pixels as PNG with the given text entries (tEXt, or iTXt for non-Latin-1 text).
    ///
    /// The output depends only on the pixels and the entries (no time stamp), so equal input gives equal bytes.
    public static func encode(rgba: [UInt8], width: Int, height: Int,
                              text: [(keyword: String, text: String)]) throws -> [UInt8] {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            throw PlotError.pngEncodingFailed(reason: "the pixel buffer does not hold \(width)×\(height) RGBA pixels")
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        let stride = Int32(width * 4)
        var size = 0
        let sized = rgba.withUnsafeBytes { pixels in
            png_image_write_to_memory(&image, nil, &size, 0, pixels.baseAddress, stride, nil)
        }
        guard sized != 0, size > 0 else { throw PlotError.pngEncodingFailed(reason: message(of: &image)) }
        var bytes = [UInt8](repeating: 0, count: size)
        let written = bytes.withUnsafeMutableBytes { out in
            rgba.withUnsafeBytes { pixels in
                png_image_write_to_memory(&image, out.baseAddress, &size, 0, pixels.baseAddress, stride, nil)
            }
        }
        png_image_free(&image)
        guard written != 0 else { throw PlotError.pngEncodingFailed(reason: message(of: &image)) }
        return PNGChunks.inserting(text, into: Array(bytes[0..<size]))
    }

    /// Decodes a PNG (any colour type or bit depth) to 8-bit RGBA.
    public static func decode(_ png: [UInt8]) throws -> DecodedImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        // libpng keeps a pointer to the input between the begin and finish calls, so both run in one scope.
        let decoded: DecodedImage? = png.withUnsafeBytes { data in
            guard png_image_begin_read_from_memory(&image, data.baseAddress, data.count) != 0 else { return nil }
            image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
            let width = Int(image.width), height = Int(image.height)
            var rgba = [UInt8](repeating: 0, count: width * height * 4)
            let finished = rgba.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * 4), nil)
            }
            return finished != 0 ? DecodedImage(width: width, height: height, rgba: rgba) : nil
        }
        guard let decoded else {
            let reason = message(of: &image)
            png_image_free(&image)
            throw PlotError.pngDecodingFailed(reason: reason)
        }
        return decoded
    }

    /// libpng's error text from a failed simplified-API call.
    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return bytes.isEmpty ? "libpng gave no reason" : String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension Canvas {
    /// The canvas as PNG bytes with Software = Moodify and Title = `title` text chunks.
    public func pngData(title: String) throws -> [UInt8] {
        var entries: [(keyword: String, text: String)] = [("Software", PNGCodec.software)]
        if !title.isEmpty { entries.append(("Title", title)) }
        return try PNGCodec.encode(rgba: rgba, width: width, height: height, text: entries)
    }
}
