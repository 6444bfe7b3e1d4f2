/// A published source about an incident: a news story, a filing, a report.
public struct Source: Sendable, Hashable {
    public var title: String
    public var publisher: String?
    public var date: PartialDate?
    public var type: String?
    /// An http(s) URL or a site-relative path; validated when parsed.
    public var url: String?

    public init(title: String, publisher: String? = nil, date: PartialDate? = nil, type: String? = nil, url: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.date = date
        self.type = type
        self.url = url
    }
}
