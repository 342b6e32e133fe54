import Testing
@testable import MoodifyPlot

struct PNGTests {
    /// A small canvas with every kind of pixel: opaque, translucent, transparent.
    private func sample() -> Canvas {
        var canvas = Canvas(width: 7, height: 5, background: .clear)
        canvas.fill(Rect(x: 0, y: 0, width: 3, height: 5), color: Color(hex: 0x1f77b4))
        canvas.fill(Rect(x: 3, y: 1, width: 2.5, height: 2), color: Color(hex: 0xff7f0e).withAlpha(0.4))
        return canvas
    }

    @Test func roundTripsPixelsExactly() throws {
        let canvas = sample()
        let decoded = try PNGCodec.decode(try canvas.pngData(title: "Round trip"))
        #expect(decoded.width == 7 && decoded.height == 5)
        #expect(decoded.rgba == canvas.rgba)
    }

    @Test func namesMoodifyAndTheTitleInTextChunks() throws {
        let png = try sample().pngData(title: "Fold 1 Accuracy")
        let chunks = try #require(PNGChunks.parse(png))
        #expect(chunks.first?.type == "IHDR")
        #expect(chunks.last?.type == "IEND")
        #expect(chunks.filter { $0.type == "tEXt" }.count == 2)
        let text = PNGChunks.textEntries(png)
        #expect(text.map(\.keyword) == ["Software", "Title"])
        #expect(text.map(\.text) == ["Moodify", "Fold 1 Accuracy"])
        // IHDR: 8-bit depth, colour type 6 (RGBA).
        #expect(chunks[0].data[8] == 8 && chunks[0].data[9] == 6)
    }

    @Test func nonLatinTitlesGoIntoUTF8Chunks() throws {
        let png = try sample().pngData(title: "Émotion · 感情")
        #expect(PNGChunks.parse(png)?.contains { $0.type == "iTXt" } == true)
        #expect(PNGChunks.textEntries(png).last?.text == "Émotion · 感情")
        _ = try PNGCodec.decode(png)
    }

    @Test func equalInputGivesEqualBytes() throws {
        #expect(try sample().pngData(title: "Same") == sample().pngData(title: "Same"))
    }

    @Test func garbageIsAClearError() {
        let error = #expect(throws: PlotError.self) { try PNGCodec.decode([1, 2, 3, 4, 5, 6, 7, 8, 9]) }
        #expect(error?.description.hasPrefix("The data is not a readable PNG image") == true)
        #expect(PNGChunks.parse([0x89, 0x50]) == nil)
    }

    @Test func aCorruptedChunkFailsItsCRC() throws {
        var png = try sample().pngData(title: "CRC")
        png[40] ^= 0xff
        #expect(PNGChunks.parse(png) == nil)
    }

    @Test func crcMatchesTheStandardCheckValue() {
        // The CRC-32 check value of the ASCII digits "123456789" is 0xCBF43926 (ISO 3309 / ITU-T V.42).
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
