/// A published source about an incident: a news story, a filing, a report.
public struct Source: Sendable, Hashable {
    public var title: String
    public var publisher: String?
    public var date: PartialDate?
    public var type: String?
    /// An http(s) URL or a site-relative path; validated when parsed.
    public var url: String?
    /// A copy kept by an archive (the Wayback Machine, archive.today), for when `url` goes.
    public var archiveURL: String?
    public var authors: [String] = []
    /// The language it is written in, as given (`en`, `nl`, `de`).
    public var language: String?

    public init(title: String, publisher: String? = nil, date: PartialDate? = nil, type: String? = nil, url: String? = nil,
                archiveURL: String? = nil, authors: [String] = [], language: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.date = date
        self.type = type
        self.url = url
        self.archiveURL = archiveURL
        self.authors = authors
        self.language = language
    }
}
