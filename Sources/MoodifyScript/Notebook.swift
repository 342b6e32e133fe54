import Foundation

/// A `.moodify` file split into cells: a line starting with `%%` opens a cell and the rest of it is the title.
public struct Notebook: Sendable {
    /// The file name, as errors print it.
    public let file: String
    /// The whole text, for error lines (line numbers stay those of the file).
    public let text: SourceText
    /// The cells, in order (code before the first `%%` line, unless only comments, is an untitled first cell).
    public let cells: [NotebookCell]

    /// The notebook in `text`, named `file`.
    public init(text: String, file: String) {
        self.file = file
        self.text = SourceText(file: file, text: text)
        var cells = [NotebookCell]()
        var title: String? = nil
        var body = [Substring]()
        var firstLine = 1
        func close() {
            let source = body.joined(separator: "\n")
            let isEmpty = body.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            if title != nil || !isEmpty {
                cells.append(NotebookCell(index: cells.count + 1, title: title ?? "", source: source, firstLine: firstLine))
            }
        }
        for (i, line) in self.text.lines.enumerated() {
            if line.hasPrefix("%%") {
                close()
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                body = []
                firstLine = i + 2
            } else {
                body.append(line)
            }
        }
        close()
        self.cells = cells
    }

    /// The notebook in the file at `path`.
    public init(contentsOf path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            self.init(text: try String(contentsOf: url, encoding: .utf8), file: path)
        } catch {
            throw ValueError.invalid("cannot read the notebook \(path): \((error as NSError).localizedDescription)")
        }
    }
}

/// One cell of a notebook.
public struct NotebookCell: Sendable {
    /// Its number, from 1.
    public let index: Int
    /// The text after `%%` ("" for code before the first `%%`).
    public let title: String
    /// The code.
    public let source: String
    /// The file line where the code starts.
    public let firstLine: Int
}
