/// Where a build puts its files: a folder on disk (`build`), memory (`serve`, tests).
///
/// Paths are relative to the site root with `/` separators (`incidents/x/index.html`).
/// Implementations must accept writes from several threads at once.
public protocol OutputSink: Sendable {
    /// Writes one generated file.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Copies a file of the site (`static/…`, site-relative) unchanged, read through `files`.
    func copy(_ sourcePath: String, from files: SiteFiles, to path: String) throws
    /// Removes a file written earlier (a page whose incident was deleted).
    func remove(_ path: String) throws
    /// Writes one generated file that `produce` hands over in parts, so that a large
    /// file (a data download of every incident) need not be in memory whole.
    func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension OutputSink {
    public func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var whole: [UInt8] = []
        try produce { whole += $0 }
        try write(whole, to: path)
    }
}

/// Refused when a path would leave the output folder; generated paths come from
/// validated slugs, so this guards against a bug rather than against input.
public struct UnsafeOutputPath: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "refusing to write \"\(path)\": it is not a plain path inside the output folder" }

    static func check(_ path: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.isEmpty,
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else { throw UnsafeOutputPath(path: path) }
    }
}
