extension TemplateSet {
    /// Templates may include templates that include others this deep; the theme needs 4.
    static let maximumIncludeDepth = 16

    /// Cycles and over-deep chains among the templates' `{{> name}}` and `{{< name}}`,
    /// each reported once, at a reference in a site file when the cycle has one.
    /// Rendering either would recurse until the stack overflows.
    static func includeProblems(_ templates: [String: (template: Template, path: String, text: String)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var visiting = Set<String>()
        var heights: [String: Int] = [:]
        /// The templates being visited, each with the reference followed out of it.
        var trail: [(name: String, reference: Template.Reference)] = []
        var reportedCycles = Set<[String]>()

        func location(_ name: String, _ reference: Template.Reference) -> SourceLocation {
            let (line, column) = SourceLocator(templates[name]?.text ?? "").position(ofByte: reference.offset)
            return SourceLocation(file: templates[name]?.path ?? name, line: line, column: column)
        }

        func visit(_ name: String) -> Int {
            visiting.insert(name)
            var height = 0
            for reference in templates[name]?.template.references ?? [] where templates[reference.name] != nil {
                if visiting.contains(reference.name) {
                    // A cycle: from the earlier visit of `reference.name` back to it.
                    let start = trail.firstIndex { $0.name == reference.name } ?? trail.count
                    let links = Array(trail[start...]) + [(name: name, reference: reference)]
                    let names = links.map(\.name)
                    guard reportedCycles.insert(names.sorted()).inserted else { continue }
                    let shown = links.first { templates[$0.name]?.path != builtinPath } ?? links[links.count - 1]
                    let tag = "{{\(reference.inherits ? "<" : ">") \(reference.name)}}"
                    let message = names.count == 1
                        ? "the template \(name) \(reference.inherits ? "inherits from" : "includes") itself (\(tag)), which would never end; expected it to use other templates only"
                        : "the templates \((names + [names[0]]).joined(separator: " → ")) include each other, which would never end; expected no template to include itself through others"
                    diagnostics.append(Diagnostic(location(shown.name, shown.reference), "template error: " + message))
                    continue
                }
                let below: Int
                if let known = heights[reference.name] {
                    below = known
                } else {
                    trail.append((name, reference))
                    below = visit(reference.name)
                    trail.removeLast()
                }
                height = max(height, below + 1)
            }
            visiting.remove(name)
            heights[name] = height
            return height
        }

        for name in templates.keys.sorted() where heights[name] == nil { _ = visit(name) }
        // One over-deep chain is enough to report: the deepest, from its top.
        if let (top, height) = heights.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
           height > maximumIncludeDepth, diagnostics.isEmpty {
            var links: [(name: String, reference: Template.Reference)] = []
            var current = top
            while let next = templates[current]?.template.references.first(where: { heights[$0.name] == (heights[current] ?? 0) - 1 && templates[$0.name] != nil }) {
                links.append((current, next))
                current = next.name
            }
            let names = links.map(\.name) + [current]
            // Shown where the site's own templates start the chain, which the editor can change.
            if let shown = links.first(where: { templates[$0.name]?.path != builtinPath }) ?? links.first {
                diagnostics.append(Diagnostic(location(shown.name, shown.reference),
                                              "template error: templates include each other \(height) levels deep (\(names.joined(separator: " → "))), expected at most \(maximumIncludeDepth)"))
            }
        }
        return diagnostics
    }

    /// What diagnostics name as the file of a built-in template.
    static let builtinPath = "(built-in theme)"
}
