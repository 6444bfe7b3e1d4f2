/// One incident, as its front matter and body describe it, validated.
///
/// The stored properties hold the values; what each field means, how it is read,
/// labelled, browsed and written out is in `IncidentField.all`.
public struct Incident: Sendable {
    /// The file it came from, relative to the site folder.
    public var sourcePath: String
    /// The URL path segment: `incidents/<slug>/`.
    public var slug: String = ""
    /// Where the slug was given (its `slug:` value, or the file's start for a file name).
    public var slugLocation: SourceLocation
    public var title: String = ""
    public var severity: Severity = .low
    public var summary: String?
    public var dateOccurred: PartialDate?
    public var dateReported = PartialDate(year: 1)!
    public var status: String?
    public var category: String?
    public var industry: String?
    public var jurisdiction: String?
    public var aiProvider: String?
    public var applicationType: String?
    public var harmType: String?
    public var humanReview: Bool?
    public var litigationFiled: Bool?
    public var litigationStatus: String?
    public var regulatoryBody: String?
    /// Tags as the editor spelled them, in the order given, without repeats.
    public var tags: [String] = [] {
        didSet { tagSlugs = tags.map(Slug.forTag) }
    }
    /// The slug of each tag, computed once: lists and pages ask for them many times.
    public internal(set) var tagSlugs: [String] = []
    public var sources: [Source] = []
    public var draft = false
    /// The permanent number (`id:`), unique in the site: "Incident 42", `i/42/`.
    public var id: Int?
    /// Where `id:` was given, for messages about it.
    public var idLocation: SourceLocation?
    /// Old addresses of the page, each a redirect: output folders (`incidents/old/`) or
    /// `.html` files, inside the site, with where each was written.
    public var aliases: [Alias] = []
    /// `duplicate_of:` as written (a slug, or an id as digits), and where.
    public var duplicateOf: String?
    public var duplicateOfLocation: SourceLocation?
    /// `withdrawn:`: why the incident was withdrawn.
    public var withdrawn: String?
    /// The date of the last commit that changed the file (ISO 8601), when the site is
    /// in a git work tree: "Last updated", `modified`, Atom `<updated>`, `<lastmod>`.
    public var modified: String?
    /// For a translation (`x.fr.md`): its source and what it says about itself.
    public var translation: Translation?
    /// The organisations involved, as spelled, by role (entity pages merge spellings).
    public var deployers: [String] = []
    public var developers: [String] = []
    public var harmedParties: [String] = []
    /// When an outage or failure began and ended (`started`, `resolved`).
    public var started: DateTime?
    public var resolved: DateTime?
    /// What happened and when, oldest first (entries at the same moment in file order).
    public var timeline: [TimelineEntry] = []
    /// False for a tombstone written without `date_reported` (it needs none).
    public var hasDateReported = true
    /// False for a tombstone written without `severity`.
    public var hasSeverity = true
    /// Keys the contract does not define, handed to templates as `params`.
    public var extraParams: [String: ParamValue] = [:]
    /// The Markdown after the front matter.
    public var body: MarkdownBody
    /// The file line on which the body starts (positions of links in it are reported
    /// on the file's lines).
    public var bodyFirstLine = 1
    /// A hash of the file's text: what an incremental build compares.
    public var sourcePrint = 0

    /// An incident of the file at `sourcePath` with nothing read yet.
    init(sourcePath: String, body: MarkdownBody) {
        self.sourcePath = sourcePath
        self.slugLocation = SourceLocation(file: sourcePath, line: 1, column: 1)
        self.body = body
    }

    /// "Incident 42: Title" where the incident has an id, else its title: how feeds
    /// and redirects name it.
    public var numberedTitle: String { id.map { "Incident \($0): \(title)" } ?? title }

    /// A tombstone (`duplicate_of` or `withdrawn`): its page says so, and it is left out
    /// of every list, feed, facet, statistic and search index.
    public var isTombstone: Bool { duplicateOf != nil || withdrawn != nil }

    /// One old address of an incident's page.
    public struct Alias: Sendable, Equatable {
        /// The redirect's output path: `incidents/old-name/index.html`, or `old.html`.
        public var outputPath: String
        public var location: SourceLocation
    }

    /// The date the index orders by: when it happened, or else when it was reported.
    public var sortDate: PartialDate { dateOccurred ?? dateReported }

    /// What the contract's order compares, and nothing else: newest first, then by
    /// title, then by slug so equal titles still order the same way on every run.
    struct ListingKey: Comparable {
        let date: PartialDate
        let title: String
        let slug: String

        init(_ incident: Incident) {
            date = incident.sortDate
            title = incident.title
            slug = incident.slug
        }

        static func < (lhs: ListingKey, rhs: ListingKey) -> Bool {
            if lhs.date != rhs.date { return lhs.date > rhs.date }
            if lhs.title != rhs.title { return lhs.title < rhs.title }
            return lhs.slug < rhs.slug
        }
    }
}
