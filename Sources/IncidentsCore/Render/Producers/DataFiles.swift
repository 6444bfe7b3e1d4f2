/// The downloads for researchers and the index's filter: `incidents.json` (every
/// field, the body as Markdown and HTML), `incidents.csv`, the front-matter schema
/// (`schema/incident.schema.json`) and `filter-index.json`.
struct DataFiles: OutputProducer {
    enum File: Int, CaseIterable {
        case json, csv, schema, filterIndex, translationSchema

        var path: String {
            switch self {
            case .json: return "incidents.json"
            case .csv: return "incidents.csv"
            case .schema: return IncidentSchema.outputPath
            case .filterIndex: return FilterIndex.outputPath
            case .translationSchema: return IncidentSchema.translationOutputPath
            }
        }
    }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        // The schemas once, at the site root; the translations' only on a site with several languages.
        let files = File.allCases.filter { file in
            switch file {
            case .schema: return build.site.language.isDefault
            case .translationSchema: return build.site.language.isDefault && build.site.config.languages.count > 1
            default: return true
            }
        }
        return files.map { file in
            route(file.path, item: file.rawValue, fingerprint: build.fingerprint { hasher in
                guard file != .schema && file != .translationSchema else { return }
                hasher.combine(build.site.incidents.count)
                build.incidentPrints.forEach { hasher.combine($0) }
                build.site.tombstones.forEach { hasher.combine($0.sourcePrint) }
            })
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let site = build.site
        switch File(rawValue: route.item)! {
        case .json:
            try sink.write(to: route.path) { emit in
                let header: [(String, JSONValue)] = [
                    ("title", .string(site.config.title)),
                    ("base_url", .optional(site.config.baseURL)),
                    ("count", .int(site.recordCount)),
                ]
                var opening = Array(JSONValue.object(header).text().utf8)
                opening.removeLast()
                try emit(opening + Array(#","incidents":["#.utf8) + [UInt8(ascii: "\n")])
                // Records are made in parallel a chunk at a time, so the whole file is
                // never in memory; an incremental build keeps each for the next.
                // The published incidents, then the tombstones, which are records too.
                let chunk = 256, count = site.recordCount
                for start in stride(from: 0, to: count, by: chunk) {
                    let positions = Array(start..<min(start + chunk, count))
                    let records = Parallel.map(positions) { position in Result { try Self.record(position, build) } }
                    for (position, record) in zip(positions, records) {
                        try emit(try record.get())
                        try emit(position == count - 1 ? Self.lastRecordEnd : Self.recordSeparator)
                    }
                }
                try emit(Array("]}\n".utf8))
            }
        case .csv:
            try sink.write(to: route.path) { emit in
                try emit(Array(CSV.line(IncidentRecord.csvColumns).utf8))
                for position in site.incidents.indices {
                    try emit(build.caches.cachedPart(.row, key: build.incidentPrints[position], site: build.sitePrint) {
                        let record = IncidentRecord(incident: site.incidents[position], tagNames: site.tagNames(of: position))
                        return Array(CSV.line(record.csvRow(url: build.address(ofIncident: position))).utf8)
                    })
                }
                for tombstone in site.tombstones {
                    let record = IncidentRecord(incident: tombstone, tagNames: tombstone.tags)
                    try emit(Array(CSV.line(record.csvRow(url: build.address(of: tombstone))).utf8))
                }
            }
        case .schema:
            try sink.write(Array(IncidentSchema.text.utf8), to: route.path)
        case .translationSchema:
            try sink.write(Array(IncidentSchema.translationText.utf8), to: route.path)
        case .filterIndex:
            try sink.write(to: route.path) { emit in try FilterIndex.write(site: site, emit: emit) }
        }
    }

    private static let recordSeparator = Array(",\n".utf8), lastRecordEnd = Array("\n".utf8)

    /// Incident `position` as a JSON object of `incidents.json`.
    static func record(_ position: Int, _ build: BuildContext) throws -> [UInt8] {
        guard position < build.site.incidents.count else {
            // A tombstone: few, and not cached.
            let tombstone = build.site.record(position)
            let body = try build.body(of: tombstone)
            var bytes: [UInt8] = []
            IncidentRecord(incident: tombstone, tagNames: tombstone.tags)
                .json(url: build.address(of: tombstone), bodyMarkdown: body.markdown, bodyHTML: body.html)
                .write(to: &bytes, indent: 0, level: 0)
            return bytes
        }
        return try build.caches.cachedPart(.record, key: build.incidentPrints[position], site: build.sitePrint) {
            let body = try build.body(of: position)
            let record = IncidentRecord(incident: build.site.incidents[position], tagNames: build.site.tagNames(of: position))
            var bytes: [UInt8] = []
            record.json(url: build.address(ofIncident: position), bodyMarkdown: body.markdown, bodyHTML: body.html)
                .write(to: &bytes, indent: 0, level: 0)
            return bytes
        }
    }
}
