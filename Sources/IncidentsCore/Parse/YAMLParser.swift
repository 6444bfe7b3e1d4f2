internal import CYAML

/// Reads YAML text into `YAMLNode`s with libyaml's event API: the only code that
/// touches libyaml, as `MarkdownRenderer` is for cmark-gfm.
///
/// Everything front matter must not contain is refused here, at its position, while
/// the events arrive (no second pass over the text): anchors and aliases (a
/// "billion laughs" file costs nothing more than reading it), a key given twice in one
/// map (named by its path, e.g. `sources[1].type`, at the repeat), more than one
/// document, and values nested deeper than `maximumDepth`.
enum YAMLParser {
    /// Maps and lists inside one another, at most: front matter needs three.
    static let maximumDepth = 64

    /// The document in `yaml`, or nil when it is empty. Positions are those of the
    /// file at `path`, where the YAML text starts on line `firstLine`.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws(BuildFailure) -> YAMLNode? {
        var builder = Builder(path: path, lineOffset: firstLine - 1, yaml: yaml)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw BuildFailure(Diagnostic(SourceLocation(file: path, line: firstLine, column: 1), "front matter cannot be read as YAML: out of memory"))
        }
        defer { yaml_parser_delete(&parser) }
        var text = yaml
        let outcome: Result<YAMLNode?, BuildFailure> = text.withUTF8 { bytes in
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(BuildFailure(builder.diagnostic(for: parser))) }
                defer { yaml_event_delete(&event) }
                do throws(BuildFailure) {
                    if try builder.consume(event) { return .success(builder.document) }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try outcome.get()
    }

    /// Turns events into nodes, keeping the path of the value being read for messages.
    private struct Builder {
        let path: String
        let lineOffset: Int
        let yaml: String
        /// Open lists and maps; a map's pending key waits for its value.
        private var open: [(node: YAMLNode, pendingKey: YAMLNode?, keys: [String: Int])] = []
        private(set) var document: YAMLNode?
        private var documents = 0

        init(path: String, lineOffset: Int, yaml: String) {
            self.path = path
            self.lineOffset = lineOffset
            self.yaml = yaml
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: path, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
        }

        /// Adds one event; true at the end of the stream.
        mutating func consume(_ event: yaml_event_t) throws(BuildFailure) -> Bool {
            let start = location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw BuildFailure(Diagnostic(start, "invalid YAML: a second document starts here, expected one document of key: value lines"))
                }
            case YAML_ALIAS_EVENT:
                throw Self.anchorsRefused(at: start)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { throw Self.anchorsRefused(at: start) }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let tag = scalar.tag.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                try add(YAMLNode(content: .scalar(.init(text: text, isQuoted: scalar.style != YAML_PLAIN_SCALAR_STYLE, tag: tag)), location: start))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if anchor != nil { throw Self.anchorsRefused(at: start) }
                if open.count >= YAMLParser.maximumDepth {
                    throw BuildFailure(Diagnostic(start, "invalid YAML: values are nested too deeply, expected front matter of at most a few levels"))
                }
                let content: YAMLNode.Content = event.type == YAML_SEQUENCE_START_EVENT ? .sequence([]) : .mapping([])
                open.append((YAMLNode(content: content, location: start), nil, [:]))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let finished = open.popLast() else { break }
                try add(finished.node)
            default:
                break
            }
            return false
        }

        /// Puts a finished value into the open list or map, or makes it the document.
        private mutating func add(_ node: YAMLNode) throws(BuildFailure) {
            guard var (parent, pendingKey, keys) = open.popLast() else {
                document = node
                return
            }
            switch parent.content {
            case .sequence(var items):
                items.append(node)
                parent.content = .sequence(items)
            case .mapping(var entries):
                if let key = pendingKey {
                    entries.append(.init(key: key, value: node))
                    parent.content = .mapping(entries)
                    pendingKey = nil
                } else {
                    if let name = node.scalar?.text {
                        if let firstLine = keys[name] {
                            throw BuildFailure(Diagnostic(node.location, key: keyPath(appending: name),
                                                          "is given more than once (first on line \(firstLine)), expected each key once"))
                        }
                        keys[name] = node.location.line
                    }
                    pendingKey = node
                }
            case .scalar:
                break
            }
            open.append((parent, pendingKey, keys))
        }

        /// `sources[1].type`: the keys and list positions leading to `name`.
        private func keyPath(appending name: String) -> String {
            var path = ""
            for (node, pendingKey, _) in open {
                switch node.content {
                case .mapping:
                    if let key = pendingKey?.scalar?.text { path += path.isEmpty ? key : "." + key }
                case .sequence(let items):
                    path += "[\(items.count)]"
                case .scalar:
                    break
                }
            }
            return path.isEmpty ? name : path + "." + name
        }

        private static func anchorsRefused(at location: SourceLocation) -> BuildFailure {
            BuildFailure(Diagnostic(location, "YAML anchors and aliases (&name, *name) are not supported in front matter, expected plain values (put text that starts with & or * in quotes)"))
        }

        /// libyaml's error, in the file's positions, with a hint for the most common cause.
        func diagnostic(for parser: yaml_parser_t) -> Diagnostic {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
            if parser.error == YAML_READER_ERROR {
                let (line, column) = SourceLocator(yaml).position(ofByte: Int(parser.problem_offset))
                return Diagnostic(SourceLocation(file: path, line: line + lineOffset, column: column), "front matter cannot be read as YAML: \(problem)")
            }
            let mark = parser.problem_mark
            var message = "invalid YAML: \(problem)"
            if !problem.contains("tab"), character(line: Int(mark.line) + 1, column: Int(mark.column) + 1) == "\t" {
                message += "; a tab cannot indent YAML, use spaces"
            }
            if let context = parser.context {
                let contextMark = location(parser.context_mark)
                message += " (\(String(cString: context)) at line \(contextMark.line), column \(contextMark.column))"
            }
            return Diagnostic(location(mark), message)
        }

        private func character(line: Int, column: Int) -> Unicode.Scalar? {
            guard let text = SourceLocator(yaml).line(line) else { return nil }
            let scalars = Array(text.unicodeScalars)
            return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
        }
    }
}
