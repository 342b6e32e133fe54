import Testing
@testable import MoodifyPlot

struct CanvasTests {
    @Test func fractionalRectanglesBlendTheirEdges() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.fill(Rect(x: 1, y: 0, width: 1.5, height: 1), color: .black)
        #expect(canvas.pixel(x: 0, y: 0) == .white)
        #expect(canvas.pixel(x: 1, y: 0) == .black)
        // Half coverage of black over white: 255 × 0.5 = 127.5, rounded to 128.
        #expect(canvas.pixel(x: 2, y: 0) == Color(red: 128, green: 128, blue: 128))
        #expect(canvas.pixel(x: 3, y: 0) == .white)
    }

    @Test func translucentInkBlendsOverTransparentPixels() {
        var canvas = Canvas(width: 1, height: 1, background: .clear)
        canvas.fill(Rect(x: 0, y: 0, width: 1, height: 1), color: Color(hex: 0xff0000).withAlpha(0.5))
        #expect(canvas.pixel(x: 0, y: 0) == Color(red: 255, green: 0, blue: 0, alpha: 128))
    }

    @Test func clippingProtectsPixelsOutside() {
        var canvas = Canvas(width: 10, height: 10)
        canvas.setClip(Rect(x: 2, y: 2, width: 4, height: 4))
        canvas.fill(canvas.bounds, color: .black)
        canvas.strokePolyline([Point(x: 0, y: 0), Point(x: 10, y: 10)], width: 3, color: .black)
        #expect(canvas.pixel(x: 1, y: 1) == .white)
        #expect(canvas.pixel(x: 6, y: 6) == .white)
        #expect(canvas.pixel(x: 2, y: 2) == .black)
        canvas.setClip(nil)
        canvas.fill(canvas.bounds, color: .black)
        #expect(canvas.pixel(x: 9, y: 9) == .black)
    }

    @Test func linesAreAntiAliasedAndDoNotDarkenAtJoins() {
        var canvas = Canvas(width: 20, height: 20)
        canvas.strokePolyline([Point(x: 2, y: 10), Point(x: 10, y: 10.5), Point(x: 18, y: 10)], width: 2,
                              color: .black)
        #expect(canvas.pixel(x: 10, y: 10) == .black)
        #expect(canvas.pixel(x: 10, y: 5) == .white)
        // Some pixel on the line's edge is partly covered: neither white nor black.
        let edge = (0..<20).map { canvas.pixel(x: 6, y: $0) }.filter { $0 != .white && $0 != .black }
        #expect(!edge.isEmpty)
    }

    @Test func discsAreRoundWithSoftRims() {
        var canvas = Canvas(width: 21, height: 21)
        canvas.fillDisc(center: Point(x: 10.5, y: 10.5), radius: 8, color: .black)
        #expect(canvas.pixel(x: 10, y: 10) == .black)
        #expect(canvas.pixel(x: 0, y: 0) == .white)
        // The pixel whose centre sits 8 px right of the disc centre is half covered (coverage 0.5 ± rounding).
        let rim = canvas.pixel(x: 18, y: 10)
        #expect(rim.red > 100 && rim.red < 160)
    }

    @Test func cellsFillTheirAreaWithNearestSampling() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.drawCells([.black, .white], columns: 2, rows: 1, into: PixelBounds(x0: 0, y0: 0, x1: 4, y1: 2))
        #expect(canvas.pixel(x: 1, y: 1) == .black)
        #expect(canvas.pixel(x: 2, y: 0) == .white)
    }
}
