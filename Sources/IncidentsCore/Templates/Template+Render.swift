import Foundation

extension Template {
    /// Renders the template with `value` as its context, appending UTF-8 to `output`.
    /// Partials and parents are looked up in `library`.
    func render(_ value: TemplateValue, library: [String: Template], into output: inout [UInt8]) {
        var renderer = Renderer(library: library, stack: [value])
        swap(&renderer.output, &output)
        renderer.render(self, Frame())
        swap(&renderer.output, &output)
    }

    /// What a render carries besides the values: the list position for `first()` and
    /// its kin, the indentation of a standalone partial, the blocks a child template
    /// overrides, and whether `{{name}}` escapes.
    fileprivate struct Frame {
        var sequence: (first: Bool, last: Bool, index: Int)?
        var indentation: [UInt8] = []
        var inherited: [String: Template]?
        var escapes = true
    }

    fileprivate struct Renderer {
        let library: [String: Template]
        /// The context values, innermost last.
        var stack: [TemplateValue]
        var output: [UInt8] = []

        init(library: [String: Template], stack: [TemplateValue]) {
            self.library = library
            self.stack = stack
            output.reserveCapacity(1 << 15)
        }

        mutating func render(_ template: Template, _ frame: Frame) {
            var frame = frame
            if frame.indentation.isEmpty {
                for node in template.nodes { render(node, &frame) }
                return
            }
            // A partial's indentation starts each line it writes, as swift-mustache does
            // it: before each node's output that follows "\n" (swift-mustache compares the
            // last Character, so a CRLF line ending does not count).
            let start = output.count
            for node in template.nodes {
                let before = output.count
                render(node, &frame)
                if output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n"),
                   before - 1 == start || output[before - 2] != UInt8(ascii: "\r") {
                    output.insert(contentsOf: frame.indentation, at: before)
                }
            }
        }

        mutating func render(_ node: Node, _ frame: inout Frame) {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookup(name, frame) else { return }
                write(value, escaped: escaped && frame.escapes)
            case .section(let name, let body, let inverted):
                let value = lookup(name, frame)
                inverted ? renderInverted(value, body, frame) : renderSection(value, body, frame)
            case .partial(let name, let indentation, let overrides):
                guard let template = library[name] else { return }
                var inner = Frame()
                inner.indentation = frame.indentation + Array((indentation ?? "").utf8)
                if let overrides {
                    // The outermost override of a block wins.
                    inner.inherited = frame.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
                } else {
                    inner.inherited = frame.inherited
                }
                render(template, inner)
            case .block(let name, let fallback, let indentation):
                var inner = frame
                inner.sequence = nil
                inner.indentation = frame.indentation + Array((indentation ?? "").utf8)
                render(frame.inherited?[name] ?? fallback, inner)
            case .contentType(let escapes):
                frame.escapes = escapes
            }
        }

        mutating func renderSection(_ value: TemplateValue?, _ body: Template, _ frame: Frame) {
            guard let value else { return }
            switch value {
            case .list(let items):
                var inner = frame
                for (index, item) in items.enumerated() {
                    inner.sequence = (index == 0, index == items.count - 1, index)
                    stack.append(item)
                    render(body, inner)
                    stack.removeLast()
                }
            case .bool(let flag):
                if flag { render(body, frame) }
            case .null:
                return
            case .text, .number, .object:
                var inner = frame
                inner.sequence = nil
                stack.append(value)
                render(body, inner)
                stack.removeLast()
            }
        }

        mutating func renderInverted(_ value: TemplateValue?, _ body: Template, _ frame: Frame) {
            guard let value else {
                render(body, frame)
                return
            }
            switch value {
            case .list(let items) where items.isEmpty:
                var inner = frame
                inner.sequence = nil
                render(body, inner)
            case .bool(false), .null:
                render(body, frame)
            default:
                return
            }
        }

        /// The value a name refers to: the first context (innermost first) that has its
        /// first part, then each further part inside it; then its transforms.
        func lookup(_ name: Name, _ frame: Frame) -> TemplateValue? {
            var value: TemplateValue?
            switch name.kind {
            case .current:
                value = stack.last
            case .sequence:
                guard let sequence = frame.sequence else { return nil }
                // Only transforms apply to the position; each reads it directly.
                guard let last = name.transforms.last else { return nil }
                switch last {
                case "first": value = .bool(sequence.first)
                case "last": value = .bool(sequence.last)
                case "index": value = .number(sequence.index)
                case "even": value = .bool(sequence.index & 1 == 0)
                case "odd": value = .bool(sequence.index & 1 == 1)
                default: return nil
                }
                return Self.transform(value!, name.transforms.dropLast())
            case .path(let parts, let localOnly):
                // `{{ }}`: no name at all is the current value, as swift-mustache reads it.
                guard let first = parts.first else { value = stack.last; break }
                if localOnly {
                    value = stack.last.flatMap { Self.child(first, of: $0) }
                } else {
                    for context in stack.reversed() {
                        if let found = Self.child(first, of: context) {
                            value = found
                            break
                        }
                    }
                }
                for part in parts.dropFirst() {
                    guard let current = value else { return nil }
                    value = Self.child(part, of: current)
                }
            }
            guard let found = value else { return nil }
            return name.transforms.isEmpty ? found : Self.transform(found, name.transforms[...])
        }

        static func child(_ name: String, of value: TemplateValue) -> TemplateValue? {
            if case .object(let object) = value { return object.value(named: name) }
            return nil
        }

        /// swift-mustache's transforms, innermost (last written) first.
        static func transform(_ value: TemplateValue, _ transforms: ArraySlice<String>) -> TemplateValue? {
            var value = value
            for transform in transforms.reversed() {
                switch (transform, value) {
                case ("empty", .text(let text)): value = .bool(text.isEmpty)
                case ("capitalized", .text(let text)): value = .text(text.capitalized)
                case ("lowercased", .text(let text)): value = .text(text.lowercased())
                case ("uppercased", .text(let text)): value = .text(text.uppercased())
                case ("reversed", .text(let text)): value = .text(String(text.reversed()))
                case ("first", .list(let items)): guard let item = items.first else { return nil }; value = item
                case ("last", .list(let items)): guard let item = items.last else { return nil }; value = item
                case ("reversed", .list(let items)): value = .list(items.reversed())
                case ("count", .list(let items)): value = .number(items.count)
                case ("empty", .list(let items)): value = .bool(items.isEmpty)
                case ("sorted", .list(let items)):
                    guard let sorted = sortedIfComparable(items) else { return nil }
                    value = .list(sorted)
                case ("equalzero", .number(let number)): value = .bool(number == 0)
                case ("plusone", .number(let number)): value = .number(number + 1)
                case ("minusone", .number(let number)): value = .number(number - 1)
                case ("even", .number(let number)): value = .bool(number & 1 == 0)
                case ("odd", .number(let number)): value = .bool(number & 1 == 1)
                default: return nil
                }
            }
            return value
        }

        /// A list of texts or of numbers, sorted; nil for anything else.
        static func sortedIfComparable(_ items: [TemplateValue]) -> [TemplateValue]? {
            var texts: [String] = [], numbers: [Int] = []
            for item in items {
                switch item {
                case .text(let text): texts.append(text)
                case .number(let number): numbers.append(number)
                default: return nil
                }
            }
            if !texts.isEmpty && !numbers.isEmpty { return nil }
            return texts.isEmpty ? numbers.sorted().map(TemplateValue.number) : texts.sorted().map(TemplateValue.text)
        }

        /// A value as `{{name}}` shows it. Lists and maps show nothing (swift-mustache
        /// would print Swift's description of them, which no page wants).
        mutating func write(_ value: TemplateValue, escaped: Bool) {
            switch value {
            case .text(let text):
                if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            case .number(let number):
                output.append(contentsOf: String(number).utf8)
            case .bool(let flag):
                output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .object, .null:
                return
            }
        }
    }
}
