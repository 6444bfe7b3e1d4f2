import Foundation

/// The files of a site on disk, found by the contract's layout:
/// `site.yml`, `content/incidents/**.md`, `content/pages/*.md`, `templates/`, `static/`.
///
/// Listing never reads file contents; `readText` reads one file and checks that it is
/// text an editor wrote (UTF-8, not binary, not huge).
public struct SiteDirectory: Sendable {
    public let rootPath: String
    /// Site-relative paths, sorted, so every run sees files in the same order.
    public private(set) var incidentFiles: [String] = []
    public private(set) var pageFiles: [String] = []
    public private(set) var templateFiles: [String] = []
    /// Paths relative to `static/`.
    public private(set) var staticFiles: [String] = []
    public private(set) var hasConfig = false
    /// Problems found while listing (symbolic links leading out of the site, unreadable folders).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Largest file accepted; an incident is a few KB, a megabyte is already a mistake.
    public static let maximumFileSize = 8 << 20

    public init(rootPath: String) throws {
        let root = URL(fileURLWithPath: rootPath).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure(Diagnostic(SourceLocation(file: rootPath, line: 1, column: 1),
                                          "the site folder does not exist, expected a folder with content/incidents/"))
        }
        self.rootPath = root
        hasConfig = FileManager.default.fileExists(atPath: root + "/site.yml")
        incidentFiles = list("content/incidents", recursive: true).filter { $0.hasSuffix(".md") }
        pageFiles = list("content/pages", recursive: false).filter { $0.hasSuffix(".md") }
        templateFiles = list("templates", recursive: false).filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") }
        // Hidden files are content in static/ (.well-known/, .nojekyll), but never the output marker.
        staticFiles = list("static", recursive: true, includeHidden: true)
            .map { String($0.dropFirst("static/".count)) }
            .filter { $0 != DiskOutput.markerName }
    }

    /// The absolute path of a site-relative path.
    public func absolutePath(_ relativePath: String) -> String { rootPath + "/" + relativePath }

    /// The text of a site file, or a located reason it cannot be used.
    public func readText(_ relativePath: String) -> Result<String, BuildFailure> {
        File(absolutePath: absolutePath(relativePath), reportedPath: relativePath).readText()
    }

    /// One file to read as text: where it is, and the path errors name.
    struct File {
        let absolutePath: String
        let reportedPath: String

        /// The file's text, checked to be what an editor wrote: UTF-8, not binary, not huge.
        func readText() -> Result<String, BuildFailure> {
            func failure(_ message: String, line: Int = 1, column: Int = 1) -> Result<String, BuildFailure> {
                .failure(BuildFailure(Diagnostic(SourceLocation(file: reportedPath, line: line, column: column), message)))
            }
            guard let handle = FileHandle(forReadingAtPath: absolutePath) else { return failure("cannot be read") }
            defer { try? handle.close() }
            let data: Data
            do {
                // Read one byte past the limit, so an oversized file costs no more than the limit.
                data = try handle.read(upToCount: SiteDirectory.maximumFileSize + 1) ?? Data()
            } catch {
                return failure("cannot be read: \(error.localizedDescription)")
            }
            if data.count > SiteDirectory.maximumFileSize {
                return failure("is larger than \(SiteDirectory.maximumFileSize >> 20) MB, expected a text file of a reasonable size")
            }
            return data.withUnsafeBytes { raw -> Result<String, BuildFailure> in
                let bytes = raw.bindMemory(to: UInt8.self)
                if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                    return failure("is UTF-16 text, expected UTF-8; re-save the file as UTF-8")
                }
                if let zero = bytes.firstIndex(of: 0) {
                    let (line, column) = SiteDirectory.position(ofByte: zero, in: bytes)
                    return failure("is a binary file (NUL byte), expected UTF-8 text", line: line, column: column)
                }
                if let text = String(validating: bytes, as: UTF8.self) {
                    return .success(text)
                }
                let bad = SiteDirectory.firstInvalidUTF8(in: bytes)
                let (line, column) = SiteDirectory.position(ofByte: bad, in: bytes)
                return failure(String(format: "is not UTF-8 text (byte 0x%02X), expected UTF-8; re-save the file as UTF-8", bytes[bad]),
                               line: line, column: column)
            }
        }
    }

    // MARK: Private

    private mutating func list(_ folder: String, recursive: Bool, includeHidden: Bool = false) -> [String] {
        var found: [String] = []
        walk(folder, recursive: recursive, includeHidden: includeHidden, into: &found)
        return found.sorted()
    }

    private mutating func walk(_ folder: String, recursive: Bool, includeHidden: Bool, into found: inout [String]) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: absolutePath(folder)) else { return }
        for name in names.sorted() where includeHidden || !name.hasPrefix(".") {
            let relative = folder + "/" + name
            let path = absolutePath(relative)
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory:
                if recursive { walk(relative, recursive: true, includeHidden: includeHidden, into: &found) }
            case .typeRegular:
                found.append(relative)
            case .typeSymbolicLink:
                // A link may only name a file inside the site; folders are not followed,
                // so a link can neither leak outside files into the output nor loop.
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                var isDirectory: ObjCBool = false
                if !target.hasPrefix(rootPath + "/") {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to \(target), outside the site; expected a file inside the site folder"))
                } else if !fileManager.fileExists(atPath: target, isDirectory: &isDirectory) {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to a missing file (or a loop), expected an existing file"))
                } else if isDirectory.boolValue {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to a folder, which is not followed; expected files or real folders"))
                } else {
                    found.append(relative)
                }
            default:
                continue
            }
        }
    }

    fileprivate static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    fileprivate static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return min(offset, bytes.count - 1)
            }
        }
    }
}
