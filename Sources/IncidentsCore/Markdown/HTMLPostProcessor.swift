/// Small, literal rewrites of cmark-gfm's HTML so every page passes the W3C
/// validator and a strict Content-Security-Policy.
///
/// - Table alignment: cmark-gfm writes `align="…"` (obsolete, a validator error) or,
///   optionally, inline `style` (blocked by a CSP without `'unsafe-inline'`). We let it
///   write `align` and turn it into a class the theme styles: `class="align-center"`.
/// - Task-list checkboxes get an accessible name, so screen readers announce
///   "done"/"to do" instead of an unlabelled form field.
enum HTMLPostProcessor {
    private static let replacements: [(String, String)] = [
        (#" align="left""#, #" class="align-left""#),
        (#" align="center""#, #" class="align-center""#),
        (#" align="right""#, #" class="align-right""#),
        (#"<input type="checkbox" checked="" disabled="" />"#, #"<input type="checkbox" checked="" disabled="" aria-label="done" />"#),
        (#"<input type="checkbox" disabled="" />"#, #"<input type="checkbox" disabled="" aria-label="to do" />"#),
    ]

    static func process(_ html: String) -> String {
        // Most bodies have neither tables with alignment nor task lists: skip the copies.
        guard html.utf8.contains(UInt8(ascii: "<")),
              html.contains(" align=\"") || html.contains("type=\"checkbox\"") else { return html }
        var result = html
        for (old, new) in replacements where result.contains(old) {
            result = result.replacingAll(old, with: new)
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
