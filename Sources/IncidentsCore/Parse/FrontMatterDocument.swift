/// A content file split into its YAML front matter and its Markdown body.
///
/// The front matter sits between a first line `---` and the next line `---`.
/// A UTF-8 byte-order mark and CRLF line endings are accepted; line numbers stay
/// those of the file, so errors point where the editor looks.
struct FrontMatterDocument {
    /// The YAML text, with LF line endings.
    var yaml: String
    /// The file line on which the YAML text starts (the line after the opening fence).
    var yamlFirstLine: Int
    /// The Markdown after the closing fence, with LF line endings.
    var body: String
    /// The file line on which the body starts.
    var bodyFirstLine = 1

    /// Splits `text` or explains, with a location, why it has no usable front matter.
    /// Works on UTF-8 bytes: fences are ASCII, and grapheme-by-grapheme scanning of
    /// every file was a visible part of large builds.
    static func split(_ text: String, path: String) throws(BuildFailure) -> FrontMatterDocument {
        var text = text
        if text.utf8.contains(UInt8(ascii: "\r")) { text = text.replacingCRLF() }
        var bytes = text.utf8[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }

        let firstLineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        guard isFence(bytes[bytes.startIndex..<firstLineEnd]) else {
            let firstLine = String(Substring(bytes[bytes.startIndex..<firstLineEnd]))
            let message = bytes.isEmpty
                ? "the file is empty, expected front matter between two '---' lines"
                : "no front matter: expected the first line to be '---', found \(quoted(firstLine))"
            throw BuildFailure(Diagnostic(SourceLocation(file: path, line: 1, column: 1), message))
        }
        guard firstLineEnd < bytes.endIndex else { throw unclosed(path) }
        let yamlStart = bytes.index(after: firstLineEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if isFence(bytes[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                return FrontMatterDocument(
                    yaml: String(Substring(bytes[yamlStart..<lineStart])),
                    yamlFirstLine: 2,
                    body: String(Substring(bytes[bodyStart...])),
                    bodyFirstLine: line + 1
                )
            }
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
            line += 1
        }
        throw unclosed(path)
    }

    private static func unclosed(_ path: String) -> BuildFailure {
        BuildFailure(Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                "the front matter opened here is never closed: expected a line '---' after it"))
    }

    /// `---`, optionally followed by spaces or tabs.
    private static func isFence(_ line: Substring.UTF8View.SubSequence) -> Bool {
        let dash = UInt8(ascii: "-")
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == dash }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func quoted(_ line: String) -> String {
        let shown = line.count > 40 ? line.prefix(40) + "…" : Substring(line)
        return "\"\(shown)\""
    }
}

extension StringProtocol {
    /// The text with every CRLF (and lone CR) turned into LF.
    func replacingCRLF() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
