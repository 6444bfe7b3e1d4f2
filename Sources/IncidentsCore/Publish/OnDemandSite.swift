import Foundation

/// A planned build whose files are rendered when they are first asked for, and kept:
/// what `serve` shows. After an edit, `serve` plans the whole site again (so every
/// rule is checked and every address known) but renders only what the browser asks
/// for, as Hugo's server does by default: the edited page is ready as soon as the plan
/// is, and a page nobody opens costs nothing. Files whose fingerprint did not change
/// are carried over from the previous site, rendered or not.
///
/// The bytes of every file are exactly those `build` writes (a test compares them).
/// Safe to use from several threads at once: rendering reads the immutable build.
public final class OnDemandSite: @unchecked Sendable {
    private let build: BuildContext
    private let table: RouteTable
    private let routeByPath: [String: Int]
    private let lock = NSLock()
    private var rendered: [String: MemoryFile]

    /// `routeByPath` gives each of `table`'s paths its route's position.
    init(build: BuildContext, table: RouteTable, routeByPath: [String: Int], carrying previous: OnDemandSite?) {
        self.build = build
        self.table = table
        self.routeByPath = routeByPath
        var kept: [String: MemoryFile] = [:]
        if let previous {
            let earlier = previous.lock.withLock { previous.rendered }
            for (path, file) in earlier {
                guard let index = routeByPath[path], let before = previous.routeByPath[path],
                      previous.table.routes[before].fingerprint == table.routes[index].fingerprint else { continue }
                kept[path] = file
            }
        }
        rendered = kept
    }

    /// Every output path, in plan order.
    public var paths: [String] { table.routes.map(\.path) }

    /// Whether the build has a file at `path`.
    public func contains(_ path: String) -> Bool { routeByPath[path] != nil }

    /// The file at `path`, rendered now if it was not yet; nil when the build has no
    /// file there. Throws what rendering throws (a static file that cannot be read).
    public func file(at path: String) throws -> MemoryFile? {
        guard let index = routeByPath[path] else { return nil }
        if let file = lock.withLock({ rendered[path] }) { return file }
        let output = MemoryOutput()
        try table.render(table.routes[index], to: output)
        guard let file = output.snapshot[path] else { return nil }
        lock.withLock { rendered[path] = file }
        return file
    }

    /// Every file, rendering those not rendered yet: for tests that compare with a build.
    public func allFiles() throws -> [String: MemoryFile] {
        var files: [String: MemoryFile] = [:]
        for path in paths { files[path] = try file(at: path) }
        return files
    }

    /// How many files are rendered and kept now.
    public var renderedCount: Int { lock.withLock { rendered.count } }
}
