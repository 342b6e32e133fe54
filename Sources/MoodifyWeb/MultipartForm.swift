import Foundation

/// The one field a `multipart/form-data` upload carries its file in, found without copying the rest of the body.
struct MultipartForm {
    /// The boundary from the Content-Type header (`multipart/form-data; boundary=…`).
    let boundary: String

    /// The form of a Content-Type header, or nil when the header is not multipart/form-data.
    init?(contentType: String) throws(WebError) {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = parts.first, kind.lowercased() == "multipart/form-data" else { return nil }
        guard let parameter = parts.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") }) else {
            throw .badMultipart("The multipart upload has no boundary in its Content-Type header.")
        }
        var value = parameter.dropFirst("boundary=".count)
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
        guard !value.isEmpty else { throw .badMultipart("The multipart upload has an empty boundary.") }
        boundary = String(value)
    }

    /// The content of the field `name` (`Content-Disposition: form-data; name="file"`).
    func field(_ name: String, in body: [UInt8]) throws(WebError) -> ArraySlice<UInt8> {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n\r\n".utf8)
        guard var start = body.firstRange(of: delimiter, from: 0)?.upperBound else {
            throw .badMultipart("The multipart upload does not contain its boundary.")
        }
        let closing = Array("\r\n--\(boundary)".utf8)
        let end = Array("--".utf8)
        while !body[start...].starts(with: end) {
            guard let headerEnd = body.firstRange(of: separator, from: start),
                  let next = body.firstRange(of: closing, from: headerEnd.upperBound) else {
                throw .badMultipart("The multipart upload ends before its closing boundary.")
            }
            let headers = String(decoding: body[start..<headerEnd.lowerBound], as: UTF8.self)
            if Self.fieldName(in: headers) == name {
                return body[headerEnd.upperBound..<next.lowerBound]
            }
            start = next.upperBound
        }
        throw .badMultipart("The multipart upload has no \"\(name)\" field holding the audio file.")
    }

    /// The `name="…"` of a part's Content-Disposition header.
    private static func fieldName(in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
            where parameter.hasPrefix("name=") {
                return String(parameter.dropFirst("name=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `pattern` at or after `from`.
    func firstRange(of pattern: [UInt8], from: Int) -> Range<Int>? {
        guard let first = pattern.first, count >= pattern.count else { return nil }
        var i = from
        let last = count - pattern.count
        while i <= last {
            if self[i] == first && self[i..<(i + pattern.count)].elementsEqual(pattern) {
                return i..<(i + pattern.count)
            }
            i += 1
        }
        return nil
    }
}
