import Foundation
import MoodifyLearn

/// NumPy's .npy format (versions 1–3), little-endian float32, float64 and int64, 1-D and 2-D, C order.
///
/// Reading gives a list of numbers for 1-D arrays and a Float32 matrix for 2-D ones. Writing takes a
/// matrix or list of lists (2-D `<f4`), a list of whole numbers (1-D `<i8`), other number lists (1-D `<f8`),
/// or a host object's numeric content (`<f4`).
public enum NPY {
    /// The element types Moodify reads and writes.
    enum DType: String {
        case float32 = "<f4", float64 = "<f8", int64 = "<i8"

        var size: Int { self == .float32 ? 4 : 8 }
    }

    private static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Reads the array in `path` as a value.
    public static func read(_ path: String) throws -> Value {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NPYError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw NPYError.notNPY(path: path) }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NPYError.truncated(path: path) }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw NPYError.unsupportedVersion(path: path, version: Int(major))
        }
        guard bytes.count >= headerStart + headerLength else { throw NPYError.truncated(path: path) }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let (descr, fortran, shape) = try parseHeader(header, path: path)
        guard let dtype = DType(rawValue: descr) else { throw NPYError.unsupportedType(path: path, descr: descr) }
        guard !fortran || shape.count < 2 else { throw NPYError.fortranOrder(path: path) }
        guard shape.count == 1 || shape.count == 2 else { throw NPYError.unsupportedShape(path: path, shape: shape) }
        let count = shape.reduce(1, *)
        let start = headerStart + headerLength
        guard bytes.count - start >= count * dtype.size else { throw NPYError.truncated(path: path) }
        let doubles = bytes.withUnsafeBytes { raw -> [Double] in
            (0..<count).map { i in
                let offset = start + i * dtype.size
                switch dtype {
                case .float32: return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
                case .float64: return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                case .int64: return Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
                }
            }
        }
        if shape.count == 2 {
            return .matrix(Matrix(rows: shape[0], cols: shape[1], values: doubles.map { Float($0) }))
        }
        return dtype == .float32 ? .list(doubles.map { .float(Float($0)) }) : .doubles(doubles)
    }

    /// The descr, fortran_order and shape of a header such as `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
    private static func parseHeader(_ header: String, path: String) throws -> (String, Bool, [Int]) {
        func after(_ key: String) throws -> Substring {
            guard let range = header.range(of: "'\(key)':") else { throw NPYError.badHeader(path: path) }
            return header[range.upperBound...].drop { $0 == " " }
        }
        let descrText = try after("descr")
        guard descrText.first == "'", let end = descrText.dropFirst().firstIndex(of: "'") else { throw NPYError.badHeader(path: path) }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<end])
        let fortran = try after("fortran_order").hasPrefix("True")
        let shapeText = try after("shape")
        guard shapeText.first == "(", let close = shapeText.firstIndex(of: ")") else { throw NPYError.badHeader(path: path) }
        let inner = shapeText[shapeText.index(after: shapeText.startIndex)..<close]
        var shape = [Int]()
        for part in inner.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let n = Int(trimmed), n >= 0 else { throw NPYError.badHeader(path: path) }
            shape.append(n)
        }
        return (descr, fortran, shape)
    }

    /// Writes `value` to `path` as a .npy file (see the type's doc for the element types), creating missing folders.
    public static func write(_ value: Value, to path: String) throws {
        let shape: [Int]
        let dtype: DType
        var payload = [UInt8]()
        func append<T: FixedWidthInteger>(_ x: T) {
            withUnsafeBytes(of: x.littleEndian) { payload.append(contentsOf: $0) }
        }
        if let m = try twoDimensional(value) {
            shape = [m.rows, m.cols]
            dtype = .float32
            payload.reserveCapacity(m.values.count * 4)
            for x in m.values { append(x.bitPattern) }
        } else if case .object(let o) = value, let floats = o.floatValues {
            shape = [floats.count]
            dtype = .float32
            payload.reserveCapacity(floats.count * 4)
            for x in floats { append(x.bitPattern) }
        } else if case .list = value {
            let doubles = try value.asDoubles()
            shape = [doubles.count]
            if doubles.allSatisfy({ $0 == $0.rounded() && abs($0) < 9.0e15 }) {
                dtype = .int64
                for x in doubles { append(Int64(x)) }
            } else {
                dtype = .float64
                for x in doubles { append(x.bitPattern) }
            }
        } else {
            throw ValueError.conversion(expected: "a matrix, a list of numbers or an object with numeric data", got: value.kindDescription, detail: nil)
        }
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
        var header = "{'descr': '\(dtype.rawValue)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0, UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        bytes += payload
        try writeFile(Data(bytes), to: path)
    }

    /// The 2-D content of a matrix, a list of lists, or a host object with `matrixValue`; nil for anything else.
    private static func twoDimensional(_ value: Value) throws -> Matrix? {
        switch value {
        case .matrix(let m): return m
        case .list(let items):
            if case .list? = items.first { return try value.asMatrix() }
            return nil
        case .object(let o): return o.matrixValue
        default: return nil
        }
    }
}

/// Writes `data` to `path`, creating missing parent folders, with an error naming the path.
func writeFile(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    } catch {
        throw ValueError.invalid("cannot write \(path): \((error as NSError).localizedDescription)")
    }
}

/// Problems reading a .npy file.
public enum NPYError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file does not start with NumPy's magic bytes.
    case notNPY(path: String)
    /// A format version other than 1, 2 or 3.
    case unsupportedVersion(path: String, version: Int)
    /// The header is not the dictionary NumPy writes.
    case badHeader(path: String)
    /// An element type other than little-endian float32, float64 or int64.
    case unsupportedType(path: String, descr: String)
    /// A 2-D array stored in Fortran (column) order.
    case fortranOrder(path: String)
    /// A shape that is not 1-D or 2-D.
    case unsupportedShape(path: String, shape: [Int])
    /// Fewer bytes than the header promises.
    case truncated(path: String)

    /// One sentence for the user.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .notNPY(let path): return "\(path) is not a NumPy .npy file"
        case .unsupportedVersion(let path, let v): return "\(path) uses .npy format version \(v), which Moodify does not read (1–3 only)"
        case .badHeader(let path): return "\(path) has a malformed .npy header"
        case .unsupportedType(let path, let descr):
            return "\(path) holds elements of type '\(descr)'; Moodify reads little-endian float32, float64 and int64 ('<f4', '<f8', '<i8')"
        case .fortranOrder(let path): return "\(path) is stored in Fortran order; save it from NumPy in C order (np.ascontiguousarray)"
        case .unsupportedShape(let path, let shape):
            return "\(path) has shape (\(shape.map(String.init).joined(separator: ", "))); Moodify reads 1-D and 2-D arrays only"
        case .truncated(let path): return "\(path) is truncated: it holds fewer values than its header says"
        }
    }
}
