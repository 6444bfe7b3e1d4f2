import Foundation

/// The one boundary between the program and a site folder on disk: every listing and
/// every read of the site (incidents, pages, templates, static files, `site.yml`) goes
/// through it, under one set of rules.
///
/// - Nothing outside the site: a symbolic link may name a file inside the site folder
///   only; links to folders are never followed (top-level folders such as `static/`
///   included), so a link can neither publish outside files nor loop. Each read checks
///   again what it actually opened, so a link changed while `serve` runs is refused too.
/// - Only regular files are read: never a named pipe (which would block), a socket or
///   a device. Files are opened without blocking and checked after opening.
/// - Sizes are checked before reading, and reads stop at the limit.
/// - Nothing skipped silently: a folder or file that cannot be read, a name that is not
///   UTF-8, two names that differ only in Unicode normalisation (NFC and NFD, as macOS
///   writes them) are errors naming their paths.
///
/// The listing is taken when the value is made; make a new one to see later changes.
public struct SiteFiles: Sendable {
    /// The site folder, with every symbolic link in it resolved.
    public let rootPath: String
    /// Site-relative paths, sorted, so every run sees files in the same order.
    public let incidentFiles: [String]
    public let pageFiles: [String]
    /// `vocabularies/<field>.yml`: the values a field may take.
    public let vocabularyFiles: [String]
    /// `content/entities/<slug>.md`: what the site says about an entity.
    public let entityFiles: [String]
    /// `i18n/<lang>.yml`: the site's own built-in strings for a language.
    public let stringFiles: [String]
    public let templateFiles: [String]
    /// Paths relative to `static/`.
    public let staticFiles: [String]
    public let hasConfig: Bool
    /// Problems found while listing; a build with any of them fails.
    public let diagnostics: [Diagnostic]
    /// For each file listed, a hash of its size, modification time and inode, by
    /// site-relative path: a static file whose stamp is unchanged need not be copied again.
    public let stamps: [String: Int]

    /// Largest text file accepted; an incident is a few KB, a megabyte is already a mistake.
    public static let maximumTextSize = 8 << 20
    /// Largest static file accepted: GitHub Pages, where `incidents init` publishes,
    /// refuses files over 100 MB, and `serve` keeps static files in memory.
    public static let maximumStaticFileSize = 100 << 20

    /// The folders of a site, and how each is listed.
    static let folders: [(path: String, recursive: Bool, hidden: Bool)] = [
        ("content/incidents", true, false),
        ("content/pages", false, false),
        ("content/entities", false, false),
        ("templates", false, false),
        ("static", true, true),
        ("vocabularies", false, false),
        ("i18n", false, false),
    ]

    /// Lists the site at `rootPath`. Throws only when there is no such folder.
    public init(rootPath: String) throws(BuildFailure) {
        guard let root = Self.realPath(rootPath) else {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: rootPath),
                                          "the site folder does not exist, expected a folder with content/incidents/"))
        }
        var status = stat()
        guard stat(root, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: rootPath),
                                          "is not a folder, expected the site folder with content/incidents/"))
        }
        self.rootPath = root
        var lister = Lister(root: root)
        hasConfig = lister.checkFile("site.yml")
        var found: [String: [String]] = [:]
        for folder in Self.folders {
            found[folder.path] = lister.listFolder(folder.path, recursive: folder.recursive, includeHidden: folder.hidden)
        }
        incidentFiles = (found["content/incidents"] ?? []).filter { $0.hasSuffix(".md") }
        pageFiles = (found["content/pages"] ?? []).filter { $0.hasSuffix(".md") }
        vocabularyFiles = (found["vocabularies"] ?? []).filter { $0.hasSuffix(".yml") }
        entityFiles = (found["content/entities"] ?? []).filter { $0.hasSuffix(".md") }
        stringFiles = (found["i18n"] ?? []).filter { $0.hasSuffix(".yml") }
        templateFiles = (found["templates"] ?? []).filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") }
        // Hidden files are content in static/ (.well-known/, .nojekyll), but never the output marker.
        staticFiles = (found["static"] ?? []).map { String($0.dropFirst("static/".count)) }.filter { $0 != DiskOutput.markerName }
        diagnostics = lister.diagnostics.sorted()
        stamps = lister.stamps
    }

    init(rootPath: String, incidentFiles: [String], pageFiles: [String], vocabularyFiles: [String], entityFiles: [String], stringFiles: [String], templateFiles: [String], staticFiles: [String],
         hasConfig: Bool, diagnostics: [Diagnostic], stamps: [String: Int]) {
        self.rootPath = rootPath
        self.incidentFiles = incidentFiles
        self.pageFiles = pageFiles
        self.vocabularyFiles = vocabularyFiles
        self.entityFiles = entityFiles
        self.stringFiles = stringFiles
        self.templateFiles = templateFiles
        self.staticFiles = staticFiles
        self.hasConfig = hasConfig
        self.diagnostics = diagnostics
        self.stamps = stamps
    }

    /// The absolute path of a site-relative path.
    public func absolutePath(_ relativePath: String) -> String { rootPath + "/" + relativePath }

    // MARK: Reading

    /// The text of a site file, checked to be what an editor wrote: UTF-8, not binary,
    /// not huge; or a located reason it cannot be used.
    public func readText(_ relativePath: String) -> Result<String, BuildFailure> {
        readBytes(relativePath, limit: Self.maximumTextSize, tooLarge: "expected a text file of a reasonable size")
            .flatMap { Self.decodeText($0, path: relativePath) }
    }

    /// The bytes of a static file, at most `maximumStaticFileSize`.
    public func readStaticFile(_ relativePath: String) -> Result<[UInt8], BuildFailure> {
        readBytes(relativePath, limit: Self.maximumStaticFileSize, tooLarge: "more than static hosts accept (GitHub Pages refuses files over 100 MB)")
    }

    /// Copies a static file into the open file `destination`, in chunks, without holding
    /// it in memory; `written` names the destination in errors.
    func copyStaticFile(_ relativePath: String, to destination: Int32, written: String) throws {
        let file = try open(relativePath, limit: Self.maximumStaticFileSize,
                            tooLarge: "more than static hosts accept (GitHub Pages refuses files over 100 MB)").get()
        defer { close(file.descriptor) }
        var remaining = file.size
        var buffer = [UInt8](repeating: 0, count: min(max(remaining, 1), 1 << 20))
        while remaining > 0 {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(file.descriptor, $0.baseAddress, min($0.count, remaining)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw BuildFailure(Self.readFailure(relativePath, errno: errno))
            }
            if count == 0 { break }  // The file shrank since it was opened.
            try buffer.withUnsafeBufferPointer { try DiskOutput.writeAll(UnsafeBufferPointer(rebasing: $0[..<count]), to: destination, path: written) }
            remaining -= count
        }
    }

    private func readBytes(_ relativePath: String, limit: Int, tooLarge: String) -> Result<[UInt8], BuildFailure> {
        open(relativePath, limit: limit, tooLarge: tooLarge).flatMap { file in
            defer { close(file.descriptor) }
            var bytes = [UInt8](repeating: 0, count: file.size)
            var filled = 0
            while filled < file.size {
                let count = bytes.withUnsafeMutableBytes { Foundation.read(file.descriptor, $0.baseAddress! + filled, file.size - filled) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(BuildFailure(Self.readFailure(relativePath, errno: errno)))
                }
                if count == 0 { break }
                filled += count
            }
            bytes.removeLast(file.size - filled)
            return .success(bytes)
        }
    }

    /// Opens a site file for reading after checking every rule; the caller closes it.
    /// `size` is the file's size when opened: reads never go past it.
    private func open(_ relativePath: String, limit: Int, tooLarge: String) -> Result<(descriptor: Int32, size: Int), BuildFailure> {
        func refuse(_ message: String) -> Result<(descriptor: Int32, size: Int), BuildFailure> {
            .failure(BuildFailure(Diagnostic(SourceLocation(file: relativePath, line: 1, column: 1), message)))
        }
        let path = absolutePath(relativePath)
        var link = stat()
        guard lstat(path, &link) == 0 else { return .failure(BuildFailure(Self.readFailure(relativePath, errno: errno))) }
        // Where the path really leads, every link resolved: it must stay inside the site.
        // A plain file needs no resolving (a folder on the way that became a link since
        // the listing is caught below, by what the opened descriptor really is).
        let isLink = (link.st_mode & S_IFMT) == S_IFLNK
        guard let target = isLink ? Self.realPath(path) : path else {
            return refuse("is a symbolic link to a missing file (or a loop), expected an existing file")
        }
        guard isInside(target) else {
            return refuse("is a symbolic link to \(target), outside the site; expected a file inside the site folder")
        }
        var status = stat()
        guard stat(target, &status) == 0 else { return .failure(BuildFailure(Self.readFailure(relativePath, errno: errno))) }
        if let kind = Self.unreadableKind(status.st_mode) {
            return refuse((link.st_mode & S_IFMT) == S_IFLNK ? "is a symbolic link to \(kind), expected a regular file" : "is \(kind), expected a regular file")
        }
        // Non-blocking: should the file have become a named pipe since, opening it must not wait.
        let descriptor = Foundation.open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(BuildFailure(Self.readFailure(relativePath, errno: errno))) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG,
              Self.openedPath(descriptor).map({ isInside($0) && (isLink || $0 == path) }) ?? true else {
            close(descriptor)
            return refuse("changed while it was being read (it is no longer a regular file inside the site); try again")
        }
        if Int(opened.st_size) > limit {
            close(descriptor)
            return refuse("is larger than \(limit >> 20) MB, \(tooLarge)")
        }
        return .success((descriptor, Int(opened.st_size)))
    }

    private func isInside(_ resolvedPath: String) -> Bool {
        resolvedPath.hasPrefix(rootPath + "/") || (rootPath == "/" && resolvedPath.hasPrefix("/"))
    }

    // MARK: Rules shared by listing and reading

    /// The path of what `descriptor` is open on, from `/proc`; nil where there is no `/proc`.
    private static func openedPath(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a file of this mode is, in words, when it is not something the build reads.
    static func unreadableKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }

    /// A read that failed, in words: the OS's reason, named plainly.
    static func readFailure(_ relativePath: String, errno code: Int32, what: String = "file") -> Diagnostic {
        let reason: String
        switch code {
        case ENOENT: reason = "does not exist any more (was it deleted during the build?)"
        case EACCES, EPERM: reason = "cannot be read: permission denied"
        case EMFILE, ENFILE: reason = "cannot be opened now: too many open files (the process's limit of open files is reached)"
        default: reason = "cannot be read: \(SystemErrorText.describe(errno: code))"
        }
        let location = what == "folder" ? SourceLocation(wholeFile: relativePath) : SourceLocation(file: relativePath, line: 1, column: 1)
        return Diagnostic(location, reason)
    }

    // MARK: Decoding text

    /// `bytes` as text, if it is UTF-8 an editor wrote: not UTF-16, no NUL byte.
    static func decodeText(_ bytes: [UInt8], path: String) -> Result<String, BuildFailure> {
        func failure(_ message: String, atByte offset: Int? = nil) -> Result<String, BuildFailure> {
            let (line, column) = offset.map { SourceLocator(bytes).position(ofByte: $0) } ?? (1, 1)
            return .failure(BuildFailure(Diagnostic(SourceLocation(file: path, line: line, column: column), message)))
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return failure("is UTF-16 text, expected UTF-8; re-save the file as UTF-8")
        }
        if let zero = bytes.firstIndex(of: 0) {
            return failure("is a binary file (NUL byte), expected UTF-8 text", atByte: zero)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        let bad = firstInvalidUTF8(in: bytes)
        return failure(String(format: "is not UTF-8 text (byte 0x%02X), expected UTF-8; re-save the file as UTF-8", bytes[bad]), atByte: bad)
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return min(offset, bytes.count - 1)
            }
        }
    }
}
