/// Prints diagnostics compiler-style: the one-line form, then the offending
/// source line with a caret under the column.
public struct DiagnosticFormatter: Sendable {
    /// Returns the text of a file by its site-relative path, when it can be shown.
    public var sourceText: @Sendable (String) -> String?

    public init(sourceText: @escaping @Sendable (String) -> String?) {
        self.sourceText = sourceText
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        // Errors keep exactly the contract's one-line form, which scripts grep for;
        // warnings say so, so they are not mistaken for failures.
        let text = diagnostic.severity == .error
            ? diagnostic.description
            : "\(diagnostic.location): warning: " + (diagnostic.key.map { "\($0): " } ?? "") + diagnostic.message
        guard let source = sourceText(diagnostic.location.file),
              let line = Self.line(diagnostic.location.line, of: source)
        else { return text }
        let caretOffset = line.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
            .reduce(into: "") { padding, scalar in padding.append(scalar == "\t" ? "\t" : " ") }
        return text + "\n" + line + "\n" + caretOffset + "^"
    }

    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        // In Swift "\r\n" is one Character, so CRLF files are split after normalising.
        let source = source.utf8.contains(UInt8(ascii: "\r")) ? source.replacingCRLF() : source
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return String(line)
            }
            current += 1
        }
        return nil
    }
}
