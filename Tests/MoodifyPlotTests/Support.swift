import Foundation
import Testing
@testable import MoodifyPlot

/// Shared helpers: the font, reference PNGs and pixel comparisons.
enum Support {
    /// Set to 1 to (re)write the reference PNGs into the source tree instead of comparing against them.
    static let updating = ProcessInfo.processInfo.environment["MOODIFY_PLOT_UPDATE_REFERENCE"] == "1"

    /// The source folder of the reference PNGs (written when updating).
    static let sourceReferences = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference")

    /// DejaVu Sans, opened once per test.
    static func font() throws -> Font { try Font.dejaVuSans() }

    /// The committed reference PNG named `name`, from the test bundle.
    static func reference(_ name: String) throws -> [UInt8] {
        let folder = try #require(Bundle.module.url(forResource: "Reference", withExtension: nil))
        return try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// How two images differ: the largest channel difference and the share of pixels beyond `tolerance`.
    struct Difference {
        var largest: Int
        var share: Double
    }

    /// Compares two RGBA images of the same size channel by channel.
    static func difference(_ a: DecodedImage, _ b: DecodedImage, tolerance: Int) -> Difference {
        var largest = 0, beyond = 0
        for p in 0..<(a.width * a.height) {
            var worst = 0
            for c in 0..<4 { worst = max(worst, abs(Int(a.rgba[p * 4 + c]) - Int(b.rgba[p * 4 + c]))) }
            largest = max(largest, worst)
            if worst > tolerance { beyond += 1 }
        }
        return Difference(largest: largest, share: Double(beyond) / Double(a.width * a.height))
    }

    /// How many pixels inside `rect` are dark (text or axis ink: luminance below 0.25).
    static func darkPixels(_ image: DecodedImage, in rect: Rect) -> Int {
        countPixels(image, in: rect) { $0.relativeLuminance < 0.25 }
    }

    /// How many pixels inside `rect` satisfy `test`.
    static func countPixels(_ image: DecodedImage, in rect: Rect, _ test: (Color) -> Bool) -> Int {
        var count = 0
        for y in max(0, Int(rect.minY))..<min(image.height, Int(rect.maxY)) {
            for x in max(0, Int(rect.minX))..<min(image.width, Int(rect.maxX)) where test(image.pixel(x: x, y: y)) {
                count += 1
            }
        }
        return count
    }
}
