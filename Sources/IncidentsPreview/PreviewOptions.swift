import IncidentsCore

/// How `serve` runs, and whom it tells what happened.
public struct PreviewOptions: Sendable {
    public var sourcePath: String
    public var includeDrafts: Bool
    /// The address to listen on; loopback unless the user asks otherwise.
    public var host: String
    /// 0 picks a free port (the one chosen is passed to `events.listening`).
    public var port: Int
    /// Names besides the listening address and `localhost` that requests may use in
    /// `Host` (see `HostPolicy`).
    public var allowedHosts: [String]
    /// How often the site's files are looked at for changes, when they are polled
    /// (`--poll`); nil: file events.
    public var pollInterval: Duration?
    /// How long a connection may take to send a whole request, from opening or from the
    /// previous response: idle connections and unfinished requests are closed after it.
    public var requestTimeout: Duration
    public var events: PreviewEvents

    public init(sourcePath: String = ".", includeDrafts: Bool = false, host: String = "127.0.0.1", port: Int = 4242,
                allowedHosts: [String] = [], pollInterval: Duration? = nil, requestTimeout: Duration = .seconds(30),
                events: PreviewEvents) {
        self.sourcePath = sourcePath
        self.includeDrafts = includeDrafts
        self.host = host
        self.port = port
        self.allowedHosts = allowedHosts
        self.pollInterval = pollInterval
        self.requestTimeout = requestTimeout
        self.events = events
    }
}

/// One rebuild that succeeded.
public struct PreviewBuild: Sendable {
    /// Site-relative paths whose change caused it; empty for the first build.
    public var changedFiles: [String]
    public var report: Pipeline.Report
    public var seconds: Double
}

/// What `serve` reports as it runs; the command line prints these.
public struct PreviewEvents: Sendable {
    /// The address served, and how changes are seen ("file events", "polling every 200 ms").
    public var listening: @Sendable (_ url: String, _ watching: String) -> Void
    public var built: @Sendable (PreviewBuild) -> Void
    public var failed: @Sendable (_ changedFiles: [String], [Diagnostic]) -> Void
    /// Something the user should know that is not an error: polling instead of file events.
    public var noted: @Sendable (String) -> Void

    public init(listening: @escaping @Sendable (String, String) -> Void, built: @escaping @Sendable (PreviewBuild) -> Void,
                failed: @escaping @Sendable ([String], [Diagnostic]) -> Void, noted: @escaping @Sendable (String) -> Void = { _ in }) {
        self.listening = listening
        self.built = built
        self.failed = failed
        self.noted = noted
    }
}
