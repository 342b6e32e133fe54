/// A continuous colour scale: evenly spaced colour stops, linearly interpolated between neighbours.
public struct ColorMap: Sendable, Hashable {
    /// The name shown in documentation and errors, e.g. "Blues".
    public let name: String
    /// The colour stops, evenly spaced from position 0 to position 1.
    public let stops: [Color]

    /// A scale through the given stops (at least two), evenly spaced over 0…1.
    public init(name: String, stops: [Color]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops")
        self.name = name
        self.stops = stops
    }

    /// A scale through 24-bit hexadecimal stops.
    init(name: String, hex: [UInt32]) {
        self.init(name: name, stops: hex.map { Color(hex: $0) })
    }

    /// The colour at position `t` (clamped to 0…1; NaN gives the first stop).
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return stops[0] }
        let scaled = min(max(t, 0), 1) * Double(stops.count - 1)
        let index = min(Int(scaled), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], scaled - Double(index))
    }

    /// The colour of `value` on a scale running from `low` (position 0) to `high` (position 1).
    public func color(of value: Double, low: Double, high: Double) -> Color {
        high > low ? color(at: (value - low) / (high - low)) : color(at: 0.5)
    }

    /// Sequential white-to-dark-blue scale: the nine ColorBrewer "Blues" colours (matplotlib's and seaborn's `Blues`).
    public static let blues = ColorMap(name: "Blues", hex: [
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
    ])

    /// Diverging blue–grey–red scale: Kenneth Moreland's 33-step "CoolWarm" table (matplotlib's `coolwarm`),
    /// grey (#dddddd) at the centre.
    public static let coolwarm = ColorMap(name: "coolwarm", hex: [
        0x3b4cc0, 0x445acc, 0x4d68d7, 0x5775e1, 0x6282ea, 0x6c8ef1, 0x779af7, 0x82a5fb,
        0x8db0fe, 0x98b9ff, 0xa3c2ff, 0xaec9fd, 0xb8d0f9, 0xc2d5f4, 0xccd9ee, 0xd5dbe6,
        0xdddddd, 0xe5d8d1, 0xecd3c5, 0xf1cdba, 0xf5c4ad, 0xf7bba0, 0xf7b194, 0xf7a688,
        0xf49a7b, 0xf18d6f, 0xec7f63, 0xe57058, 0xde604d, 0xd55042, 0xcb3e38, 0xc0282f,
        0xb40426,
    ])

    /// Perceptually uniform black–purple–orange–cream scale: matplotlib's `magma` sampled at nine even points.
    public static let magma = ColorMap(name: "magma", hex: [
        0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf,
    ])
}

/// Discrete colour lists for categories (one colour per class, cycling when there are more classes).
public enum Palette {
    /// matplotlib's default line colours ("tab10"): C0 blue, C1 orange, C2 green, …
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// seaborn's default "deep" palette, used for scatter classes.
    public static let deep: [Color] = [
        0x4c72b0, 0xdd8452, 0x55a868, 0xc44e52, 0x8172b3, 0x937860, 0xda8bc3, 0x8c8c8c, 0xccb974, 0x64b5cd,
    ].map { Color(hex: $0) }

    /// seaborn's "pastel" palette, used for bars.
    public static let pastel: [Color] = [
        0xa1c9f4, 0xffb482, 0x8de5a1, 0xff9f9b, 0xd0bbff, 0xdebb9b, 0xfab0e4, 0xcfcfcf, 0xfffea3, 0xb9f2f0,
    ].map { Color(hex: $0) }

    /// The colour of class number `index` in `palette`, cycling.
    public static func color(_ index: Int, in palette: [Color]) -> Color {
        palette[((index % palette.count) + palette.count) % palette.count]
    }
}
