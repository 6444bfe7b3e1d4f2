/// What `serve` does with a request, decided from its method, path and `Host` and from
/// which files the current build has: no sockets, no HTTP library, so it is tested and
/// fuzzed alone (`incidents-fuzz-serve`).
public struct PreviewRouter: Sendable {
    /// The answer to one request.
    public enum Route: Equatable, Sendable {
        /// 403: the `Host` names neither this machine's listening address nor an allowed name.
        case forbiddenHost(shown: String)
        /// 405: only GET and HEAD are answered.
        case methodNotAllowed
        /// The live-reload event stream.
        case eventStream
        case reloadScript
        case overlayStyle
        /// A file of the build, by its output path.
        case file(String)
        /// 301 to a folder's address with its slash; always a path on this host.
        case redirect(location: String)
        /// 404 (or, before any build succeeded, the error page).
        case notFound
    }

    let hosts: HostPolicy

    /// `bindAddress` as given to `--bind`, `allowedHosts` from `--allow-host`.
    public init(bindAddress: String, allowedHosts: [String] = []) {
        hosts = HostPolicy(bindAddress: bindAddress, extraNames: allowedHosts)
    }

    /// The names answered, for the message that refuses the others.
    public var answeredNames: String { hosts.shownNames }

    /// `path` is the request's path without its query; `hasFile` says whether the
    /// current build has a file at an output path.
    public func route(method: String, path: String, host: String?, hasFile: (String) -> Bool) -> Route {
        guard hosts.allows(host) else {
            let shown = (host ?? "").unicodeScalars.prefix(100).map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
            return .forbiddenHost(shown: shown)
        }
        guard method == "GET" || method == "HEAD" else { return .methodNotAllowed }
        switch path {
        case PreviewAssets.eventsPath: return .eventStream
        case PreviewAssets.scriptPath: return .reloadScript
        case PreviewAssets.overlayStylePath: return .overlayStyle
        default: break
        }
        guard let target = RequestTarget(path: path) else { return .notFound }
        if hasFile(target.outputPath) { return .file(target.outputPath) }
        // As static hosts do: a folder's address ends with a slash, so relative links work.
        if !target.isFolder, hasFile(target.folderIndexPath) { return .redirect(location: target.folderAddress) }
        return .notFound
    }
}
