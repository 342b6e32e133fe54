import Foundation
import Testing
@testable import MoodifyPlot

struct FontTests {
    @Test func findsDejaVuSans() throws {
        let path = try FontLocator.dejaVuSans()
        #expect(path.hasSuffix("DejaVuSans.ttf"))
    }

    @Test func aMissingFontNamesTheDebianPackage() {
        let error = #expect(throws: PlotError.self) {
            try FontLocator.dejaVuSans(environment: ["MOODIFY_FONT": "/nonexistent/DejaVuSans.ttf"])
        }
        #expect(error?.description.contains("fonts-dejavu-core") == true)
    }

    @Test func anUnreadableFontFileIsAnError() {
        #expect(throws: PlotError.self) { try Font(path: "/dev/null") }
    }

    @Test func measuresGrowWithTextAndSize() throws {
        let font = try Support.font()
        let short = font.measure("Loss", size: 14), long = font.measure("Validation Loss", size: 14)
        #expect(short.width > 10 && long.width > short.width)
        #expect(font.measure("Loss", size: 28).width > 1.9 * short.width)
        // DejaVu's ascent + descent is about 1.16 em; hinting rounds each to whole pixels.
        #expect(abs(short.height - 14 * 1.164) < 2)
    }

    @Test func truncationAddsAnEllipsisAndFits() throws {
        let font = try Support.font()
        let text = "Happiness, joy and delight"
        let cut = font.truncated(text, size: 12, maxWidth: 80)
        #expect(cut.hasSuffix("…"))
        #expect(font.measure(cut, size: 12).width <= 80)
        #expect(font.truncated("ANG", size: 12, maxWidth: 80) == "ANG")
    }

    @Test func upwardTextIsTallAndNarrow() throws {
        let font = try Support.font()
        var canvas = Canvas(width: 200, height: 200)
        let flat = canvas.drawText("Accuracy", at: Point(x: 10, y: 10), font: font, size: 14,
                                   anchor: TextAnchor(.left, .top))
        let turned = canvas.drawText("Accuracy", at: Point(x: 150, y: 100), font: font, size: 14,
                                     anchor: .center, direction: .upward)
        // The turned box is the flat box with width and height exchanged.
        #expect(turned.width == flat.height && turned.height == flat.width)
        #expect(abs(turned.midY - 100) <= 0.5 && abs(turned.midX - 150) <= 0.5)
        let image = DecodedImage(width: 200, height: 200, rgba: canvas.rgba)
        #expect(Support.darkPixels(image, in: turned) > 20)
        #expect(Support.darkPixels(image, in: flat) > 20)
    }
}
