internal import Mustache

/// The compiled templates of a site: the built-in theme with the site's own files
/// from `templates/` in place of those of the same name.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Theme files written as they are (`assets/style.css`), by output path.
    public let assets: [String: String]

    /// The built-in theme alone.
    public static func builtin() -> TemplateSet {
        // The built-in theme is part of the program; a parse error there is a bug caught by tests.
        try! TemplateSet(overrides: [])
    }

    /// Compiles the theme with `overrides`: `(path, text)` pairs of files from the site's
    /// `templates/` folder. `x.mustache` replaces or adds template `x`; `style.css`
    /// replaces the stylesheet. Every template error of every file is reported.
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
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var structures: [String: (source: Source, structure: TemplateStructure)] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            // Read first: what swift-mustache cannot survive is refused before it compiles.
            let structure = TemplateStructure(scanning: source.text)
            if let problem = structure.problem {
                diagnostics.append(Diagnostic(SourceLocation(file: source.path, line: problem.line, column: problem.column),
                                              "template error: " + problem.message))
                continue
            }
            structures[name] = (source, structure)
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits on line 1: columns there are shifted by its length.
                let shift = error.context.lineNumber == 1 ? HTMLEscaping.pragma.count : 0
                diagnostics.append(Diagnostic(
                    SourceLocation(file: source.path, line: error.context.lineNumber,
                                   column: max(1, error.context.columnNumber + 1 - shift)),
                    "template error: \(Self.explain(error.error)) in line \(Self.quote(String(error.context.line.dropFirst(error.context.lineNumber == 1 ? HTMLEscaping.pragma.count : 0))))"
                ))
            } catch {
                diagnostics.append(Diagnostic(SourceLocation(file: source.path, line: 1, column: 1), "template error: \(error)"))
            }
        }
        diagnostics += Self.includeProblems(structures)
        guard diagnostics.isEmpty else {
            for (path, text) in overrides { diagnostics = diagnostics.withExcerpts(of: path, from: SourceLocator(text)) }
            throw BuildFailure(diagnostics)
        }
        self.library = library
        self.assets = assets
    }

    /// Renders template `name` with `context`; values are HTML-escaped unless the
    /// template uses `{{{triple}}}` braces.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func explain(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed, expected {{/name}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }

    private static func quote(_ line: String) -> String {
        "\"" + (line.count > 80 ? line.prefix(80) + "…" : Substring(line)) + "\""
    }
}
