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

    /// A link or image in a body, where it is in the Markdown text (lines from 1,
    /// columns in bytes from 1, as cmark-gfm counts them).
    public struct Link: Sendable, Equatable {
        public var url: String
        public var line: Int
        public var byteColumn: Int
    }

    /// The HTML for `markdown`. Never fails: cmark-gfm accepts any text.
    public func render(_ markdown: String) -> String {
        renderCollectingLinks(markdown, collect: false).html
    }

    /// The HTML for `markdown`, and every link and image in it, from cmark-gfm's tree.
    /// One line of Markdown (a timeline entry) as HTML without its paragraph.
    public func renderInline(_ markdown: String) -> String {
        let html = render(markdown)
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n"), html.components(separatedBy: "<p>").count == 2 else { return html }
        return String(html.dropFirst(3).dropLast(5))
    }

    public func renderCollectingLinks(_ markdown: String) -> (html: String, links: [Link]) {
        renderCollectingLinks(markdown, collect: true)
    }

    private func renderCollectingLinks(_ markdown: String, collect: Bool) -> (html: String, links: [Link]) {
        _ = Self.registered
        let options = options
        guard let parser = cmark_parser_new(options) else { return ("", []) }
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
        guard let document = Self.inlineParsingLock.withLock({ cmark_parser_finish(parser) }) else { return ("", []) }
        defer { cmark_node_free(document) }
        if !allowRawHTML && Self.mentionsDataScheme(markdown) { Self.removeDataURLs(in: document) }
        let links = collect ? Self.links(in: document) : []
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return ("", links) }
        defer { free(html) }
        return (HTMLPostProcessor.process(String(cString: html)), links)
    }

    /// Every link and image with a URL, in document order. Where cmark-gfm has no
    /// position for an inline, its enclosing block's is used.
    private static func links(in document: OpaquePointer) -> [Link] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var links: [Link] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            var positioned: OpaquePointer? = node
            while let current = positioned, cmark_node_get_start_line(current) == 0 { positioned = cmark_node_parent(current) }
            let line = positioned.map { Int(cmark_node_get_start_line($0)) } ?? 1
            let column = positioned.map { Int(cmark_node_get_start_column($0)) } ?? 1
            links.append(Link(url: String(cString: url), line: max(line, 1), byteColumn: max(column, 1)))
        }
        return links
    }

    /// cmark-gfm's safe mode still lets `data:image/png…` (and gif, jpeg, webp) URLs
    /// through. Content must not carry inline data of any kind into a page, so links
    /// and images whose URL has the `data:` scheme lose their URL.
    private static func removeDataURLs(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let url = cmark_node_get_url(node),
                  Self.hasDataScheme(String(cString: url)) else { continue }
            cmark_node_set_url(node, "")
        }
    }

    /// Whether `url` starts with `data:`, ignoring case and leading spaces.
    static func hasDataScheme(_ url: String) -> Bool {
        url.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(5).map { $0 | 0x20 }.elementsEqual("data:".utf8.map { $0 | 0x20 })
    }

    /// A cheap test before walking the syntax tree: is there a `data:` anywhere?
    private static func mentionsDataScheme(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            guard bytes.count >= 5 else { return false }
            for index in 4..<bytes.count where bytes[index] == UInt8(ascii: ":") {
                if bytes[index - 4] | 0x20 == UInt8(ascii: "d"), bytes[index - 3] | 0x20 == UInt8(ascii: "a"),
                   bytes[index - 2] | 0x20 == UInt8(ascii: "t"), bytes[index - 1] | 0x20 == UInt8(ascii: "a") {
                    return true
                }
            }
            return false
        }
    }
}
