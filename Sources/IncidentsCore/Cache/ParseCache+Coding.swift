/// How a parse outcome is written into the build cache and read back: by hand, field
/// by field, because a cached build reads 10,000 of them before it can plan (Foundation's
/// JSON took a second for that; this takes a few milliseconds).
///
/// Every stored property of `Incident` is written; `BuildCacheTests` counts them, so a
/// field added to `Incident` without a line here fails a test instead of being lost
/// from cached builds.
protocol CacheCodable {
    func write(to writer: inout ByteWriter)
    init(from reader: inout ByteReader) throws(ByteReader.Damaged)
}

extension ByteWriter {
    mutating func put<Value: CacheCodable>(_ value: Value) { value.write(to: &self) }
}

extension ByteReader {
    mutating func get<Value: CacheCodable>(_ type: Value.Type = Value.self) throws(Damaged) -> Value { try Value(from: &self) }
}

extension String: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.text(self) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) { self = try reader.text() }
}

extension Int: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.integer(self) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) { self = try reader.signed() }
}

extension Double: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.integer(bitPattern) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) { self = Double(bitPattern: try reader.integer()) }
}

extension Bool: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.integer(self ? 1 : 0) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        switch try reader.integer() {
        case 0: self = false
        case 1: self = true
        default: throw ByteReader.Damaged()
        }
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func write(to writer: inout ByteWriter) {
        switch self {
        case .none: writer.integer(0)
        case .some(let value): writer.integer(1); value.write(to: &writer)
        }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self = try reader.get(Bool.self) ? .some(try reader.get(Wrapped.self)) : .none
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.integer(count)
        for element in self { element.write(to: &writer) }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.get(Element.self)) }
    }
}

extension Dictionary: CacheCodable where Key == String, Value: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.integer(count)
        // In key order, so the same outcome is always the same bytes.
        for key in keys.sorted() {
            key.write(to: &writer)
            self[key]!.write(to: &writer)
        }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        let count = try reader.count()
        self = [:]
        for _ in 0..<count {
            let key = try reader.get(String.self)
            self[key] = try reader.get(Value.self)
        }
    }
}

extension SourceLocation: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(file); writer.put(line); writer.put(column) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(file: try reader.get(), line: try reader.get(), column: try reader.get())
    }
}

extension SourceExcerpt: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(text); writer.put(caretOffset) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(text: try reader.get(), caretOffset: try reader.get())
    }
}

extension Diagnostic: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.put(location); writer.put(key); writer.put(message); writer.put(severity == .error); writer.put(excerpt)
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(try reader.get(), key: try reader.get(), try reader.get(), severity: try reader.get(Bool.self) ? .error : .warning)
        excerpt = try reader.get()
    }
}

extension LocatedLink: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(url); writer.put(from); writer.put(language); writer.put(location); writer.put(excerpt) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(url: try reader.get(), from: try reader.get(), language: try reader.get(), location: try reader.get(), excerpt: try reader.get())
    }
}

extension PartialDate: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(year); writer.put(month); writer.put(day) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        guard let date = PartialDate(year: try reader.get(), month: try reader.get(), day: try reader.get()) else { throw ByteReader.Damaged() }
        self = date
    }
}

extension DateTime: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(description) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        guard let time = DateTime(parsing: try reader.get()) else { throw ByteReader.Damaged() }
        self = time
    }
}

extension Moment: CacheCodable {
    func write(to writer: inout ByteWriter) {
        switch self {
        case .date(let date): writer.integer(0); writer.put(date)
        case .time(let time): writer.integer(1); writer.put(time)
        }
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        switch try reader.integer() {
        case 0: self = .date(try reader.get())
        case 1: self = .time(try reader.get())
        default: throw ByteReader.Damaged()
        }
    }
}

extension TimelineEntry: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(when); writer.put(text); writer.put(html); writer.put(status) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(when: try reader.get(), text: try reader.get(), html: try reader.get(), status: try reader.get())
    }
}

extension Source: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.put(title); writer.put(publisher); writer.put(date); writer.put(type)
        writer.put(url); writer.put(archiveURL); writer.put(authors); writer.put(language)
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(title: try reader.get(), publisher: try reader.get(), date: try reader.get(), type: try reader.get(),
                  url: try reader.get(), archiveURL: try reader.get(), authors: try reader.get(), language: try reader.get())
    }
}

extension Incident.Alias: CacheCodable {
    func write(to writer: inout ByteWriter) { writer.put(outputPath); writer.put(location) }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(outputPath: try reader.get(), location: try reader.get())
    }
}

extension Translation: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.put(sourcePath); writer.put(machineTranslated); writer.put(translatedFrom); writer.put(translatedFromLocation); writer.put(isOutdated)
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(sourcePath: try reader.get())
        machineTranslated = try reader.get()
        translatedFrom = try reader.get()
        translatedFromLocation = try reader.get()
        isOutdated = try reader.get()
    }
}

extension ParamValue: CacheCodable {
    func write(to writer: inout ByteWriter) {
        switch self {
        case .text(let text): writer.integer(0); writer.put(text)
        case .list(let items): writer.integer(1); writer.put(items)
        case .map(let entries): writer.integer(2); writer.put(entries)
        }
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        switch try reader.integer() {
        case 0: self = .text(try reader.get())
        case 1: self = .list(try reader.get())
        case 2: self = .map(try reader.get())
        default: throw ByteReader.Damaged()
        }
    }
}

extension Incident: CacheCodable {
    /// `Incident`'s stored properties: every one is written below but the body (kept
    /// beside the outcome). `BuildCacheTests` compares this with a count of them.
    static let cachedPropertyCount = 43

    func write(to writer: inout ByteWriter) {
        writer.put(sourcePath); writer.put(slug); writer.put(slugLocation); writer.put(title); writer.put(severity.rawValue)
        writer.put(summary); writer.put(dateOccurred); writer.put(dateReported); writer.put(status); writer.put(category)
        writer.put(industry); writer.put(jurisdiction); writer.put(aiProvider); writer.put(applicationType); writer.put(harmType)
        writer.put(humanReview); writer.put(litigationFiled); writer.put(litigationStatus); writer.put(regulatoryBody); writer.put(tags)
        writer.put(sources); writer.put(draft); writer.put(id); writer.put(idLocation); writer.put(aliases)
        writer.put(duplicateOf); writer.put(duplicateOfLocation); writer.put(withdrawn); writer.put(modified); writer.put(translation)
        writer.put(deployers); writer.put(developers); writer.put(harmedParties); writer.put(started); writer.put(resolved)
        writer.put(timeline); writer.put(hasDateReported); writer.put(hasSeverity); writer.put(extraParams); writer.put(bodyFirstLine)
        writer.put(sourcePrint); writer.put(tagSlugs)
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(sourcePath: try reader.get(), body: .inline(""))
        slug = try reader.get(); slugLocation = try reader.get(); title = try reader.get()
        guard let severity = Severity(rawValue: try reader.get()) else { throw ByteReader.Damaged() }
        self.severity = severity
        summary = try reader.get(); dateOccurred = try reader.get(); dateReported = try reader.get(); status = try reader.get(); category = try reader.get()
        industry = try reader.get(); jurisdiction = try reader.get(); aiProvider = try reader.get(); applicationType = try reader.get(); harmType = try reader.get()
        humanReview = try reader.get(); litigationFiled = try reader.get(); litigationStatus = try reader.get(); regulatoryBody = try reader.get(); tags = try reader.get()
        sources = try reader.get(); draft = try reader.get(); id = try reader.get(); idLocation = try reader.get(); aliases = try reader.get()
        duplicateOf = try reader.get(); duplicateOfLocation = try reader.get(); withdrawn = try reader.get(); modified = try reader.get(); translation = try reader.get()
        deployers = try reader.get(); developers = try reader.get(); harmedParties = try reader.get(); started = try reader.get(); resolved = try reader.get()
        timeline = try reader.get(); hasDateReported = try reader.get(); hasSeverity = try reader.get(); extraParams = try reader.get(); bodyFirstLine = try reader.get()
        sourcePrint = try reader.get()
        // Assigned in an initialiser, `tags` does not run its observer: its slugs are read too.
        tagSlugs = try reader.get()
    }
}

extension ParsedFile.Stored: CacheCodable {
    func write(to writer: inout ByteWriter) {
        writer.put(incident); writer.put(isDraft); writer.put(warnings); writer.put(links); writer.put(fingerprint)
    }
    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(incident: try reader.get(), isDraft: try reader.get(), warnings: try reader.get(), links: try reader.get(), fingerprint: try reader.get())
    }
}
