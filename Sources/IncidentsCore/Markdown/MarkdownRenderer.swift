import Foundation
internal import CCmarkGFM

/// Renders GitHub Flavored Markdown to HTML with cmark-gfm: tables, strikethrough,
/// autolinks, tag filter, task lists and footnotes.
///
/// Safe by default: raw HTML and `javascript:`-style links are dropped by cmark-gfm
/// unless `allowRawHTML` is set. The only file that touches cmark's C API.
public struct MarkdownRenderer: Sendable {
    public let allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm's extension registry is a process-wide list filled once; a Swift
    /// global `let` is initialised exactly once, even when pages render in parallel.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the table of "special" inline characters in a process-wide array:
    /// each parser adds its extensions' characters (`:` and `w` for autolinks, `~`, `|`)
    /// when inline parsing starts and removes them when it ends (cmark-gfm issue #221).
    /// Two documents parsing inlines at once would drop each other's autolinks, so that
    /// step, `cmark_parser_finish`, runs one at a time; block parsing and HTML rendering
    /// stay parallel.
    private static let inlineParsingLock = NSLock()

    private var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// The HTML for `markdown`. Never fails: cmark-gfm accepts any text.
    public func render(_ markdown: String) -> String {
        _ = Self.registered
        let options = options
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = Self.inlineParsingLock.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return HTMLPostProcessor.process(String(cString: html))
    }
}
