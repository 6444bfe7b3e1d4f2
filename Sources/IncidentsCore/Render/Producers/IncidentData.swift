/// `incidents/<slug>/index.json`: one incident as data, beside its page, for tools
/// that follow one record (as OSV and the GitHub Advisory Database publish one file per
/// advisory): every field as in `incidents.json`, with `id`, `aliases`, `url`,
/// `published` and `modified`. Tombstones have one too, with their state.
struct IncidentData: OutputProducer {
    var listsInSitemap: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        let site = build.site
        let listed = site.incidents.indices.map { position in
            route(Addresses.incident(site.incidents[position].slug).file("index.json"), item: position,
                  fingerprint: build.fingerprint { $0.combine(build.incidentPrints[position]) })
        }
        let buried = site.tombstones.indices.map { index in
            route(Addresses.incident(site.tombstones[index].slug).file("index.json"), item: site.incidents.count + index,
                  fingerprint: build.fingerprint { hasher in
                      hasher.combine(site.tombstones[index].sourcePrint)
                      hasher.combine(site.tombstones[index].modified)
                  })
        }
        return listed + buried
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        // The record incidents.json holds (and an incremental build keeps), as a file.
        try sink.write(DataFiles.record(route.item, build) + [UInt8(ascii: "\n")], to: route.path)
    }
}
