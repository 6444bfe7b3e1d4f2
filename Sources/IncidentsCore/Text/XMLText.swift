/// Text for XML documents (Atom feeds, the sitemap): escaped like HTML, and without
/// the characters XML 1.0 cannot carry at all, even as references: C0 control
/// characters other than tab, line feed and carriage return (a form feed pasted from a
/// PDF), and the non-characters U+FFFE and U+FFFF. Each becomes U+FFFD, the
/// replacement character, so the feed stays well-formed and the reader sees where
/// something was; `incidents check` warns about them in bodies.
enum XMLText {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.indices.contains(where: { needsWork(bytes, at: $0) }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): output += Array("&amp;".utf8)
                case UInt8(ascii: "<"): output += Array("&lt;".utf8)
                case UInt8(ascii: ">"): output += Array("&gt;".utf8)
                case UInt8(ascii: "\""): output += Array("&quot;".utf8)
                case UInt8(ascii: "'"): output += Array("&#39;".utf8)
                case 0x09, 0x0A, 0x0D: output.append(byte)
                case 0x00..<0x20: output += replacement
                case 0xEF where isNonCharacter(bytes, at: index):
                    output += replacement
                    index += 3
                    continue
                default: output.append(byte)
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20: return true
        case 0xEF: return isNonCharacter(bytes, at: index)
        default: return false
        }
    }

    /// U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `index`.
    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }

    /// The first character XML cannot carry in `text`, with its UTF-8 offset: for warnings.
    /// Looks at the bytes: every such character starts with a byte nothing else uses
    /// there (below 0x20, or EF BF BE/BF), and every body is checked on every build.
    static func firstUnrepresentable(in text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        var text = text
        return text.withUTF8 { bytes -> (offset: Int, scalar: Unicode.Scalar)? in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return (index, Unicode.Scalar(byte)) }
                if byte == 0xEF && isNonCharacter(bytes, at: index) { return (index, bytes[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}") }
            }
            return nil
        }
    }
}

extension String {
    /// The text escaped for XML, with characters XML cannot carry replaced (see `XMLText`).
    var xmlEscaped: String { XMLText.escape(self) }
}
