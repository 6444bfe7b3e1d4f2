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

    /// Splits `text` or explains, with a location, why it has no usable front matter.
    static func split(_ text: String, path: String) throws(BuildFailure) -> FrontMatterDocument {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let normalized = text.utf8.contains(UInt8(ascii: "\r")) ? Substring(text.replacingCRLF()) : text

        var lines = normalized.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            let message = normalized.isEmpty
                ? "the file is empty, expected front matter between two '---' lines"
                : "no front matter: expected the first line to be '---', found \(quoted(lines.first ?? ""))"
            throw BuildFailure(Diagnostic(SourceLocation(file: path, line: 1, column: 1), message))
        }
        let rest = lines.count > 1 ? lines.removeLast() : ""
        // Find the closing fence: a line that is exactly `---` (trailing spaces allowed).
        var lineStart = rest.startIndex
        while true {
            let lineEnd = rest[lineStart...].firstIndex(of: "\n") ?? rest.endIndex
            if isFence(rest[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : lineEnd
                return FrontMatterDocument(
                    yaml: String(rest[rest.startIndex..<lineStart]),
                    yamlFirstLine: 2,
                    body: String(rest[bodyStart...])
                )
            }
            if lineEnd == rest.endIndex { break }
            lineStart = rest.index(after: lineEnd)
        }
        throw BuildFailure(Diagnostic(
            SourceLocation(file: path, line: 1, column: 1),
            "the front matter opened here is never closed: expected a line '---' after it"
        ))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func quoted(_ line: Substring) -> String {
        let shown = line.count > 40 ? line.prefix(40) + "…" : line
        return "\"\(shown)\""
    }
}

extension StringProtocol {
    /// The text with every CRLF (and lone CR) turned into LF.
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
