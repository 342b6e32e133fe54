import Testing
@testable import MoodifyPlot

struct ColorMapTests {
    @Test func endsAreTheFirstAndLastStops() {
        for map in [ColorMap.blues, .coolwarm, .magma] {
            #expect(map.color(at: 0) == map.stops.first)
            #expect(map.color(at: 1) == map.stops.last)
            #expect(map.color(at: -3) == map.stops.first)
            #expect(map.color(at: 7) == map.stops.last)
        }
    }

    @Test func coolwarmIsGreyAtItsCentre() {
        #expect(ColorMap.coolwarm.color(of: 0, low: -1, high: 1) == Color(hex: 0xdddddd))
        #expect(ColorMap.coolwarm.color(of: -1, low: -1, high: 1) == Color(hex: 0x3b4cc0))
    }

    @Test func interpolatesBetweenStops() {
        let map = ColorMap(name: "test", stops: [Color(hex: 0x000000), Color(hex: 0xc86432)])
        #expect(map.color(at: 0.5) == Color(red: 100, green: 50, blue: 25))
    }

    @Test func magmaDarkensWithFallingValue() {
        let levels = stride(from: 0.0, through: 1.0, by: 0.125).map { ColorMap.magma.color(at: $0).relativeLuminance }
        #expect(levels == levels.sorted())
    }

    @Test func textColourIsReadableOnItsBackground() {
        #expect(ColorMap.blues.color(at: 1).readableTextColor == .white)
        #expect(ColorMap.blues.color(at: 0).readableTextColor == .text)
    }
}
