import Foundation

/// The URL rules for slugs: which names are plain path segments, and how tag names become slugs.
public enum Slug {
    /// First path segments the generator writes itself, or may write with other
    /// settings (feeds need `base_url`, search needs `search:`); a standalone page may not
    /// take them, so that a change of settings never makes a page clash. Facet folders
    /// are checked against the facets the site has, with every other output path.
    public static let reservedSegments: Set<String> = [
        "incidents", "tags", "page", "assets", "index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml",
        "robots.txt", "incidents.json", "incidents.csv", "filter-index.json", "schema", "stats", "search", "pagefind",
        "entities", "i",
    ]

    /// A tag's slug: lowercased; every run of characters that is not a letter or a
    /// digit becomes one `-`; no leading or trailing `-`.
    /// `AI_safety` → `ai-safety`, `Child Safety` → `child-safety`.
    ///
    /// Non-ASCII slugs are in Unicode normalization form C, so two spellings that look
    /// the same (a precomposed `é` and `e` + accent) give the same bytes: the same
    /// folder, and the same key where tags are grouped by their bytes.
    public static func forTag(_ name: String) -> String {
        let slug = asciiOrUnnormalizedSlug(name)
        return slug.utf8.allSatisfy { $0 < 0x80 } ? slug : slug.precomposedStringWithCanonicalMapping
    }

    private static func asciiOrUnnormalizedSlug(_ name: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Why `segment` cannot be one folder name in the output, or nil when it can:
    /// no `/` or `\`, not `.` or `..`, no hidden names, no control characters.
    public static func problem(with segment: String) -> String? {
        if segment.isEmpty { return "is empty" }
        if segment == "." || segment == ".." || segment.hasPrefix(".") { return "starts with a dot" }
        if segment.contains("/") || segment.contains("\\") { return "contains a path separator" }
        if segment.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        return nil
    }

    /// The segment as it appears in an `href`: anything outside RFC 3986's unreserved
    /// characters is percent-encoded as UTF-8, so spaces and non-ASCII names link correctly.
    public static func urlEncoded(_ segment: String) -> String {
        var encoded = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return encoded
    }
}
