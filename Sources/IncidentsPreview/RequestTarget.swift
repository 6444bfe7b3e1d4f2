import IncidentsCore

/// The path of a request, as `serve` looks it up: percent-decoded segments, never a way
/// out of the site and never an address on another host.
///
/// `//tags`, `/./tags` and `/tags` all name `tags`: empty and `.` segments are dropped,
/// so a redirect built from the segments always starts with a single `/` (a browser
/// reads `//tags/` as the host `tags`). A `..` segment, or one that decodes to a `/`, a
/// backslash or a NUL, names nothing.
struct RequestTarget: Equatable {
    /// Decoded path segments, none empty, none `.` or `..`.
    let segments: [String]
    /// Whether the path ended with `/` (or was the root): it names a folder's index.
    let isFolder: Bool

    /// Nil when the path cannot name a file of the site.
    init?(path: String) {
        let rawSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for raw in rawSegments where !raw.isEmpty && raw != "." {
            guard let decoded = Self.percentDecoded(raw), decoded != "..", decoded != ".",
                  !decoded.contains("/"), !decoded.contains("\\"), !decoded.unicodeScalars.contains("\0") else { return nil }
            segments.append(decoded)
        }
        self.segments = segments
        isFolder = segments.isEmpty || path.hasSuffix("/") || path.hasSuffix("/.")
    }

    /// The file in a build's output this names: `incidents/x/index.html`.
    var outputPath: String {
        let joined = segments.joined(separator: "/")
        return isFolder ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }

    /// The folder of the same name, for a path without its slash: `tags/index.html`.
    var folderIndexPath: String { segments.joined(separator: "/") + "/index.html" }

    /// The address of that folder on this server, percent-encoded: `/tags/`.
    var folderAddress: String {
        "/" + segments.map(Slug.urlEncoded).joined(separator: "/") + "/"
    }

    /// `%XX` sequences decoded as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
