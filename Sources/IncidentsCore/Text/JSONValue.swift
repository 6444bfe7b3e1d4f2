/// A JSON document with its keys in the order given, written compactly or indented.
///
/// The build writes several JSON files (data downloads, JSON Feed, JSON-LD, the
/// filter index, the schema); keeping key order makes them readable and their bytes
/// the same from one build to the next, which `JSONSerialization` does not promise.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.text() == rhs.text()
    }

    /// A string, or null when absent.
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The document as text; `indent` > 0 puts one member per line.
    public func text(indent: Int = 0) -> String {
        var output: [UInt8] = []
        write(to: &output, indent: indent, level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the document's UTF-8 bytes: the build writes large JSON files this way.
    func write(to output: inout [UInt8], indent: Int, level: Int) {
        func newline() { if indent > 0 { output.append(UInt8(ascii: "\n")) } }
        func pad(_ level: Int) { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level)) }
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            newline()
            for (position, item) in items.enumerated() {
                pad(level + 1)
                item.write(to: &output, indent: indent, level: level + 1)
                if position < items.count - 1 { output.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            newline()
            for (position, (key, value)) in members.enumerated() {
                pad(level + 1)
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent > 0 { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent, level: level + 1)
                if position < members.count - 1 { output.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal. `<`, `>` and `&` are escaped too, so the text is also
    /// safe inside an HTML `<script type="application/ld+json">` element; so are
    /// U+2028 and U+2029, which JavaScript once refused in strings.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    flush()
                    output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    runStart = index
                    continue
                default:
                    break
                }
                if let escape {
                    flush()
                    output.append(contentsOf: escape.utf8)
                    runStart = index + 1
                }
                index += 1
            }
            flush()
        }
        output.append(UInt8(ascii: "\""))
    }
}
