import Testing
@testable import MoodifyWeb

@Suite("Multipart form parsing")
struct MultipartFormTests {
    /// A body with a text field, then a file field whose content itself contains dashes and CRLFs.
    static let body = Array("""
        --XyZ\r
        Content-Disposition: form-data; name="note"\r
        \r
        hi\r
        --XyZ\r
        Content-Disposition: form-data; name="file"; filename="a.wav"\r
        Content-Type: audio/wav\r
        \r
        RIFF--XyZ-\r\nend\r
        --XyZ--\r

        """.utf8)

    @Test("the file field is found by name, with a quoted or bare boundary, content kept byte for byte")
    func findsField() throws {
        for header in ["multipart/form-data; boundary=XyZ", #"Multipart/Form-Data; charset=utf-8; boundary="XyZ""#] {
            let form = try #require(try MultipartForm(contentType: header))
            #expect(String(decoding: try form.field("file", in: Self.body), as: UTF8.self) == "RIFF--XyZ-\r\nend")
            #expect(String(decoding: try form.field("note", in: Self.body), as: UTF8.self) == "hi")
        }
    }

    @Test("other content types are not forms; broken forms are one-sentence errors")
    func errors() throws {
        #expect(try MultipartForm(contentType: "audio/wav") == nil)
        #expect(throws: WebError.badMultipart("The multipart upload has no boundary in its Content-Type header.")) {
            try MultipartForm(contentType: "multipart/form-data")
        }
        let form = try #require(try MultipartForm(contentType: "multipart/form-data; boundary=XyZ"))
        #expect(throws: WebError.badMultipart("The multipart upload ends before its closing boundary.")) {
            try form.field("file", in: Array(Self.body.prefix(120)))
        }
        #expect(throws: WebError.badMultipart("The multipart upload does not contain its boundary.")) {
            try form.field("file", in: Array("no parts here".utf8))
        }
    }
}
