/// The compiled templates of a site: the built-in theme with the site's own files
/// from `templates/` in place of those of the same name.
public struct TemplateSet: Sendable {
    private let library: [String: Template]
    /// Theme files written as they are (`assets/style.css`), by output path.
    public let assets: [String: String]
    /// A hash of every template's and asset's text: changes when any of them does.
    public let fingerprint: Int

    /// The built-in theme alone.
    public static func builtin() -> TemplateSet {
        // The built-in theme is part of the program; a parse error there is a bug caught by tests.
        try! TemplateSet(overrides: [])
    }

    /// Compiles the theme with `overrides`: `(path, text)` pairs of files from the site's
    /// `templates/` folder. `x.mustache` replaces or adds template `x`; `style.css`
    /// replaces the stylesheet. Every template error of every file is reported, at its
    /// file, line and column; so are templates that would include themselves.
    public init(overrides: [(path: String, text: String)]) throws(BuildFailure) {
        var sources = BuiltinTheme.templates.mapValues { (path: Self.builtinPath, text: $0) }
        var assets = BuiltinTheme.assets
        for (path, text) in overrides {
            let fileName = String(path.split(separator: "/").last ?? "")
            if fileName.hasSuffix(".mustache") {
                sources[String(fileName.dropLast(".mustache".count))] = (path, text)
            } else if fileName == "style.css" {
                assets["assets/style.css"] = text
            }
        }
        var library: [String: Template] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library[name] = try Template(parsing: source.text)
            } catch {
                let (line, column) = SourceLocator(source.text).position(ofByte: error.offset)
                diagnostics.append(Diagnostic(SourceLocation(file: source.path, line: line, column: column),
                                              "template error: " + error.message))
            }
        }
        var located: [String: (template: Template, path: String, text: String)] = [:]
        for (name, template) in library {
            located[name] = (template, sources[name]?.path ?? name, sources[name]?.text ?? "")
        }
        diagnostics += Self.includeProblems(located)
        guard diagnostics.isEmpty else {
            for (path, text) in overrides { diagnostics = diagnostics.withExcerpts(of: path, from: SourceLocator(text)) }
            throw BuildFailure(diagnostics)
        }
        self.library = library
        self.assets = assets
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) { hasher.combine(name); hasher.combine(source.text) }
        for (path, text) in assets.sorted(by: { $0.key < $1.key }) { hasher.combine(path); hasher.combine(text) }
        fingerprint = hasher.finalize()
    }

    /// Renders template `name` with `model`; `{{value}}` is HTML-escaped, `{{{value}}}` not.
    public func render(_ name: String, _ model: TemplateValue) -> String {
        String(decoding: renderBytes(name, model), as: UTF8.self)
    }

    /// The same as UTF-8, which is what pages are written as.
    public func renderBytes(_ name: String, _ model: TemplateValue) -> [UInt8] {
        var output: [UInt8] = []
        library[name]?.render(model, library: library, into: &output)
        return output
    }

    /// `render` for the values as dictionaries of `String`, `Int`, `Bool`, arrays and
    /// dictionaries (the shape the renderer still builds for some pages).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        render(name, TemplateValue(any: context))
    }
}

extension TemplateValue {
    /// A value made of `String`, `Int`, `Bool`, arrays and `[String: Any]`; anything else is null.
    init(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .bool(flag)
        case let items as [Any]: self = .list(items.map(TemplateValue.init(any:)))
        case let entries as [String: Any]: self = .object(TemplateRecord(entries.mapValues(TemplateValue.init(any:))))
        case let value as TemplateValue: self = value
        default: self = .null
        }
    }
}
