/// Positions in one file's bytes, as editors count them: lines from 1, and columns
/// from 1 counting Unicode scalars (the unit libyaml reports, so a caret lines up
/// with what an editor shows for ordinary text). The one place where a byte offset
/// becomes a line and column, and where a line becomes the excerpt under a message.
///
/// Works on bytes, so it also locates problems in text that is not valid UTF-8:
/// there every byte that is not a UTF-8 continuation byte counts as one column.
public struct SourceLocator: Sendable {
    private let bytes: [UInt8]
    /// The offset at which each line starts; line n starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The line and column of the byte at `offset` (clamped to the text).
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        return (low + 1, column)
    }

    /// The byte offset `byteColumn` bytes into line `line` (both from 1), as cmark-gfm
    /// reports positions.
    public func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(bytes.count, lineStarts[line - 1] + max(byteColumn, 1) - 1)
    }

    /// The text of line `line`, without its line break, or nil when there is no such line.
    public func line(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// What the printer shows under a message at `line` and `column`, or nil when the
    /// file has no such line.
    public func excerpt(line: Int, column: Int) -> SourceExcerpt? {
        self.line(line).map { SourceExcerpt(line: $0, column: column) }
    }
}

/// The source line under a diagnostic, made safe and short enough to print: at most
/// `maximumWidth` scalars around the column, control characters shown as `�` (a file
/// must not be able to send escape sequences to the terminal).
public struct SourceExcerpt: Sendable, Hashable {
    /// The text to print.
    public var text: String
    /// Scalars before the caret in `text`, or nil when the column lies past its end.
    public var caretOffset: Int?
    /// The characters before the caret as they must be printed to line up with `text`:
    /// tabs where the line has tabs, spaces elsewhere.
    public var caretPadding: String? {
        caretOffset.map { offset in
            String(text.unicodeScalars.prefix(offset).map { $0 == "\t" ? "\t" : " " })
        }
    }

    static let maximumWidth = 160

    /// An excerpt made earlier, as the build cache kept it.
    init(text: String, caretOffset: Int?) {
        self.text = text
        self.caretOffset = caretOffset
    }

    public init(line: String, column: Int) {
        var scalars = Array(line.unicodeScalars)
        var caret = column - 1
        if scalars.count > Self.maximumWidth {
            let half = Self.maximumWidth / 2
            let from = max(0, min(caret - half, scalars.count - Self.maximumWidth))
            let to = min(scalars.count, from + Self.maximumWidth)
            var window = Array(scalars[from..<to])
            if from > 0 { window.insert("…", at: 0); caret = caret - from + 1 } else { caret -= from }
            if to < scalars.count { window.append("…") }
            scalars = window
        }
        for index in scalars.indices where Self.isUnsafeToPrint(scalars[index]) {
            scalars[index] = "\u{FFFD}"
        }
        text = String(String.UnicodeScalarView(scalars))
        caretOffset = caret >= 0 && caret <= scalars.count ? caret : nil
    }

    /// Control characters (but tabs), and the bidirectional overrides that can make a
    /// printed line read differently from what it holds.
    static func isUnsafeToPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
