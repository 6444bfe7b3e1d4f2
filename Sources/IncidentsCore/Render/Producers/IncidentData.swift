/// `incidents/<slug>/index.json`: one incident as data, beside its page, for tools
/// that follow one record (as OSV and the GitHub Advisory Database publish one file per
/// advisory): every field as in `incidents.json`, with `id`, `aliases`, `url`,
/// `published` and `modified`. Tombstones have one too, with their state.
struct IncidentData: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        let site = build.site
        return (0..<site.recordCount).map { item in
            let record = site.record(item)
            return route(Addresses.incident(record.slug).file("index.json"), item: item, fingerprint: build.fingerprint { hasher in
                if item < site.incidents.count {
                    hasher.combine(build.incidentPrints[item])
                } else {
                    hasher.combine(record.sourcePrint)
                    hasher.combine(record.modified)
                }
            })
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        // The record incidents.json holds (and an incremental build keeps), as a file.
        try sink.write(DataFiles.record(route.item, build) + [UInt8(ascii: "\n")], to: route.path)
    }
}
