import Foundation

/// An 8-bit sRGB colour with straight (not premultiplied) alpha.
public struct Color: Sendable, Hashable {
    /// Red, 0…255.
    public var red: UInt8
    /// Green, 0…255.
    public var green: UInt8
    /// Blue, 0…255.
    public var blue: UInt8
    /// Opacity, 0 (transparent) … 255 (opaque).
    public var alpha: UInt8

    /// A colour from its four 8-bit channels.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit hexadecimal literal such as `0x1f77b4`.
    public init(hex: UInt32, alpha: UInt8 = 255) {
        red = UInt8((hex >> 16) & 0xff)
        green = UInt8((hex >> 8) & 0xff)
        blue = UInt8(hex & 0xff)
        self.alpha = alpha
    }

    /// A colour from channels in 0…1 (clamped, rounded to the nearest 8-bit step).
    public init(unitRed r: Double, green g: Double, blue b: Double, alpha a: Double = 1) {
        func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
        red = byte(r)
        green = byte(g)
        blue = byte(b)
        alpha = byte(a)
    }

    /// The same colour with another opacity (0…1).
    public func withAlpha(_ a: Double) -> Color {
        var c = self
        c.alpha = UInt8((min(max(a, 0), 1) * 255).rounded())
        return c
    }

    /// The colour a fraction `t` (0…1) of the way from `self` to `other`, channel by channel.
    public func mixed(with other: Color, _ t: Double) -> Color {
        func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return Color(red: lerp(red, other.red), green: lerp(green, other.green),
                     blue: lerp(blue, other.blue), alpha: lerp(alpha, other.alpha))
    }

    /// Relative luminance (WCAG 2 definition) of the opaque colour, 0 (black) … 1 (white).
    public var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black-ish or white text, whichever reads better on this background (seaborn's 0.408 luminance split).
    public var readableTextColor: Color {
        relativeLuminance > 0.408 ? Color.text : Color.white
    }

    /// Opaque white.
    public static let white = Color(hex: 0xffffff)
    /// Opaque black.
    public static let black = Color(hex: 0x000000)
    /// Fully transparent.
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
    /// The near-black used for text and axes (matplotlib's dark grey #262626).
    public static let text = Color(hex: 0x262626)
    /// Light grey for grid lines.
    public static let grid = Color(hex: 0xdddddd)
}
