/// A position in a file of the site, as editors count it: lines and columns from 1.
///
/// Columns count Unicode scalars, the unit libyaml reports, so a caret drawn under
/// `column` lines up with what an editor shows for ordinary text.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path relative to the site folder (e.g. `content/incidents/x.md`).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors and terminals turn into links. Control
    /// characters in a file name are shown escaped, so one problem stays one line.
    public var description: String {
        let shownFile = file.unicodeScalars.contains { $0.properties.generalCategory == .control }
            ? file.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            : file
        return "\(shownFile):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
