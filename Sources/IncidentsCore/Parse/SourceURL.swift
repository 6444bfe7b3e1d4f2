/// Which links a source may carry: http(s) URLs or paths within the site.
enum SourceURL {
    /// Why `url` is refused, or nil when it is a plain http(s) URL or a relative path.
    /// `javascript:`, `data:` and every other scheme are refused, as are spaces and
    /// control characters that browsers would silently strip.
    static func problem(with url: String) -> String? {
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return "contains spaces or control characters, expected a URL (encode spaces as %20)"
        }
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return url.count > 8 ? nil : "has no host, expected a URL such as https://example.org/story"
        }
        if lower.hasPrefix("//") {
            return "is protocol-relative, expected it to start with https://"
        }
        // A relative path has no scheme: no ':' before the first '/', '?' or '#'.
        let head = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if head.contains(":") {
            let scheme = head.prefix { $0 != ":" }
            return "uses the \(scheme): scheme, expected an http(s) URL or a relative path"
        }
        return nil
    }
}
