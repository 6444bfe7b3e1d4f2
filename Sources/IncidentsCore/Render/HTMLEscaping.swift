internal import Mustache

/// HTML escaping for template values: `& < > " '` become entities, in one pass over
/// the UTF-8 bytes, and text without any of them is returned as it is.
///
/// swift-mustache's own escaper looks each Character up in a dictionary; on a large
/// site that was a sixth of the build. Templates select this one through the
/// `CONTENT_TYPE` pragma that `TemplateSet` puts at the start of every template,
/// so `{{value}}` still always escapes, only faster.
struct HTMLEscaping: MustacheContentType {
    static let pragmaName = "INCIDENTS_HTML"
    /// Prepended to every template's text; on the template's first line, so line numbers are unchanged.
    static let pragma = "{{% CONTENT_TYPE: \(pragmaName) }}"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: pragmaName)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsEscaping) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): output += Array("&amp;".utf8)
                case UInt8(ascii: "<"): output += Array("&lt;".utf8)
                case UInt8(ascii: ">"): output += Array("&gt;".utf8)
                case UInt8(ascii: "\""): output += Array("&quot;".utf8)
                case UInt8(ascii: "'"): output += Array("&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

extension String {
    /// The text with `& < > " '` replaced by entities: safe inside HTML text and quoted attributes.
    public var htmlEscaped: String { HTMLEscaping.escape(self) }
}
