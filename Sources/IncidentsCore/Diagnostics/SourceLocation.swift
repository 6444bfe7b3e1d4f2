/// A position in a file of the site, as editors count them: lines and columns from 1
/// (see `SourceLocator`), or a whole file or folder (line 0), for problems that have no
/// line: a folder that cannot be read, an output folder that is refused.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path relative to the site folder (e.g. `content/incidents/x.md`), or
    /// a path outside the site as the user gave it (an output folder).
    public var file: String
    /// From 1; 0 when the problem concerns the whole file or folder.
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file or folder at `file`.
    public init(wholeFile file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    /// `path:line:column` (or `path` alone for a whole file), the form editors and
    /// terminals turn into links. Control characters in a file name are shown escaped,
    /// so one problem stays one line.
    public var description: String {
        let shownFile = file.unicodeScalars.contains { $0.properties.generalCategory == .control }
            ? file.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            : file
        return line > 0 ? "\(shownFile):\(line):\(column)" : shownFile
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
