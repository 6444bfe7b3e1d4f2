import Foundation
import Testing
@testable import IncidentsCore

/// Hostile input, one incident file per case: every case is the only incident of an
/// otherwise valid site, and either fails with exactly the expected diagnostics or
/// builds a page that passes its checks.
///
/// Stored cases live in `Fixtures/hostile/`: `<case>.md` (the exact bytes, placed at
/// `content/incidents/<case>.md`) and next to it `<case>.expected`, which is either
///
/// - the diagnostics, one per line, exactly as `buildErrors()` gives them, or
/// - `OK`, then checks on the generated pages, one per line:
///   `contains: <text>`, `absent: <text>`, and `page: <output path>` to move the checks
///   that follow to another page (the first page is `incidents/<case>/index.html`).
///
/// Cases too large or too repetitive to store (oversized files, long lines, deep
/// nesting) are generated below, each with its expectation.
@Suite struct HostileInputTests {
    static let folder = TestSite.fixturesPath + "/hostile"

    /// The page without the theme's own scripts: its JSON-LD data block, after checking
    /// that the block holds no `<` (so nothing in it can close the element or open
    /// another), and the index's filter script, a fixed file.
    static func withoutStructuredData(_ page: String) throws -> String {
        var html = page.replacingOccurrences(of: #"<script src="./assets/filter.js" defer></script>"#, with: "")
            .replacingOccurrences(of: #"<script src="../../assets/filter.js" defer></script>"#, with: "")
        if let start = html.range(of: #"<script type="application/ld+json">"#),
           let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) {
            #expect(!html[start.upperBound..<end.lowerBound].contains("<"), "the JSON-LD block holds a <")
            html.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return html
    }

    /// The file names of the stored cases, sorted.
    static let storedCases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".md") }
        .sorted()

    @Test(arguments: storedCases)
    func storedCase(_ fileName: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + fileName))
        let expectationPath = Self.folder + "/" + fileName.dropLast(3) + ".expected"
        let expectation = try Expectation(parsing: String(contentsOfFile: expectationPath, encoding: .utf8))
        try Self.check(fileName: fileName, bytes: Array(bytes), expectation)
    }

    @Test(arguments: GeneratedCase.all)
    func generatedCase(_ generated: GeneratedCase) throws {
        try Self.check(fileName: generated.name + ".md", bytes: generated.bytes(), generated.expectation)
    }

    /// The corpus itself: every case has its expectation (and the reverse), and the
    /// fixtures stay small enough for the repository.
    @Test func everyStoredCaseHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }
        #expect(Self.storedCases.count >= 50)
        for file in files {
            if file.hasSuffix(".md") {
                #expect(files.contains(file.dropLast(3) + ".expected"), "\(file) has no .expected file")
            } else if file.hasSuffix(".expected") {
                #expect(files.contains(file.dropLast(9) + ".md"), "\(file) has no case file")
            } else {
                Issue.record("\(file) is neither a case (.md) nor an expectation (.expected)")
            }
            let size = try FileManager.default.attributesOfItem(atPath: Self.folder + "/" + file)[.size] as? Int ?? 0
            #expect(size <= 100_000, "\(file) is \(size) bytes; generate large cases in the test instead")
        }
    }

    // MARK: Checking one case

    /// No time limit here: speed is measured by benchmarks/run.sh. A case that made the
    /// build hang would stop the test run, which CI reports as a failure.
    private static func check(fileName: String, bytes: [UInt8], _ expectation: Expectation) throws {
        let site = try TestSite()
        try site.writeBytes("content/incidents/" + fileName, bytes)
        let errors = site.buildErrors()

        switch expectation {
        case .fails(let expected):
            #expect(errors == expected)
            #expect(site.outputFiles().isEmpty, "a failed build wrote output")
        case .builds(let checks):
            #expect(errors == [])
            guard errors.isEmpty else { return }
            // Whatever the case, no page may carry a script or a carriage return. The one
            // allowed <script> is the JSON-LD data block, which must hold no "<" at all
            // (so nothing in it can close the element).
            for path in site.outputFiles() where path.hasSuffix(".html") {
                let html = try Self.withoutStructuredData(try #require(site.read(path), "\(path) is not UTF-8"))
                let hasScript = html.lowercased().contains("<script")
                let hasCarriageReturn = html.utf8.contains(UInt8(ascii: "\r"))
                #expect(!hasScript, "\(path) contains <script")
                #expect(!hasCarriageReturn, "\(path) contains a carriage return")
            }
            var page = "incidents/" + fileName.dropLast(3) + "/index.html"
            for check in checks {
                switch check {
                case .page(let path):
                    page = path
                case .contains(let text):
                    let found = try #require(site.read(page), "no page \(page)").contains(text)
                    #expect(found, "\(page) does not contain \(text)")
                case .absent(let text):
                    let found = try Self.withoutStructuredData(try #require(site.read(page), "no page \(page)")).contains(text)
                    #expect(!found, "\(page) contains \(text)")
                case .count(let text, atLeast: let atLeast):
                    let found = try #require(site.read(page), "no page \(page)").components(separatedBy: text).count - 1
                    #expect(found >= atLeast, "\(page) contains \(text) \(found) times, expected at least \(atLeast)")
                }
            }
        }
    }
}

extension HostileInputTests {
    /// What one case must do: fail with exactly these diagnostics, or build and pass these checks.
    enum Expectation: Sendable {
        case fails([String])
        case builds([PageCheck])

        enum PageCheck: Sendable {
            case page(String)
            case contains(String)
            case absent(String)
            /// At least this many occurrences (generated cases only).
            case count(String, atLeast: Int)
        }

        struct FormatError: Error, CustomStringConvertible {
            let line: String
            var description: String { "not an expectation line: \(line)" }
        }

        init(parsing text: String) throws {
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            guard lines.first == "OK" else {
                self = .fails(lines)
                return
            }
            self = .builds(try lines.dropFirst().map { line in
                for (prefix, make) in [("page: ", PageCheck.page), ("contains: ", PageCheck.contains), ("absent: ", PageCheck.absent)]
                where line.hasPrefix(prefix) {
                    return make(String(line.dropFirst(prefix.count)))
                }
                throw FormatError(line: line)
            })
        }
    }

    /// A case made by the test itself: too large or too repetitive to keep as a file.
    struct GeneratedCase: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        let expectation: Expectation

        var testDescription: String { name }

        /// A valid incident with `extra` front-matter lines and `body`.
        static func incident(extra: String = "", body: String) -> [UInt8] {
            Array(("---\ntitle: A test incident\nseverity: high\ndate_reported: 2024-02-15\n" + extra + "---\n" + body).utf8)
        }

        /// A valid incident whose body fills it up to exactly `size` bytes, in lines of 100 bytes.
        static func incident(ofSize size: Int) -> [UInt8] {
            var bytes = incident(body: "")
            let line = Array(String(repeating: "0123456789", count: 10).utf8.dropLast()) + [UInt8(ascii: "\n")]
            while bytes.count + line.count <= size { bytes += line }
            bytes += [UInt8](repeating: UInt8(ascii: "x"), count: size - bytes.count)
            return bytes
        }

        static let all: [GeneratedCase] = [
            GeneratedCase(
                name: "oversized",
                bytes: { incident(ofSize: 9 * 1024 * 1024) },
                expectation: .fails(["content/incidents/oversized.md:1:1: is larger than 8 MB, expected a text file of a reasonable size"])),
            GeneratedCase(
                name: "one-byte-over-8-mb",
                bytes: { incident(ofSize: 8 * 1024 * 1024 + 1) },
                expectation: .fails(["content/incidents/one-byte-over-8-mb.md:1:1: is larger than 8 MB, expected a text file of a reasonable size"])),
            GeneratedCase(
                name: "exactly-8-mb",
                bytes: { incident(ofSize: 8 * 1024 * 1024) },
                expectation: .builds([.contains("<h1>A test incident</h1>"), .contains("<p>0123456789")])),
            GeneratedCase(
                name: "long-line-body",
                bytes: { incident(body: String(repeating: "word ", count: 12_000) + "\n") },  // one 60 KB line
                expectation: .builds([.contains("<p>word word word"), .count("word", atLeast: 12_000)])),
            GeneratedCase(
                name: "long-line-summary",
                bytes: { incident(extra: "summary: " + String(repeating: "x", count: 60_000) + "\n", body: "Body.\n") },
                expectation: .builds([.contains("<p class=\"summary\">" + String(repeating: "x", count: 60_000) + "</p>")])),
            GeneratedCase(
                name: "long-line-unclosed-quote",
                bytes: { incident(extra: "summary: \"" + String(repeating: "x", count: 60_000) + "\n", body: "Body.\n") },
                expectation: .fails([
                    "content/incidents/long-line-unclosed-quote.md:6:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 5, column 10)",
                ])),
            GeneratedCase(
                name: "deep-blockquotes",
                bytes: { incident(body: String(repeating: ">", count: 5_000) + " deep\n") },
                expectation: .builds([.count("<blockquote>", atLeast: 5_000), .contains("<p>deep</p>")])),
            GeneratedCase(
                name: "deep-blockquotes-spaced",
                bytes: { incident(body: String(repeating: "> ", count: 5_000) + "deep\n") },
                expectation: .builds([.count("<blockquote>", atLeast: 5_000), .contains("<p>deep</p>")])),
            GeneratedCase(
                name: "deep-list",
                bytes: { incident(body: String(repeating: "- ", count: 5_000) + "deep\n") },
                // cmark-gfm 0.29.0.gfm.13 nests lists at most about 100 deep (a defence
                // against quadratic time); the markers beyond that are text.
                expectation: .builds([.count("<ul>", atLeast: 99), .contains("- - - deep")])),
            GeneratedCase(
                name: "deep-list-indented",
                bytes: { incident(body: (0..<1_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()) },
                expectation: .builds([.count("<li>item", atLeast: 1_000)])),
            GeneratedCase(
                name: "deep-brackets",
                bytes: { incident(body: String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000) + "\n") },
                expectation: .builds([.contains("[[[[x]]]]")])),
            GeneratedCase(
                name: "deep-emphasis",
                bytes: { incident(body: String(repeating: "*a **a ", count: 20_000) + "\n") },
                expectation: .builds([.contains("<div class=\"body\">")])),
            GeneratedCase(
                name: "deep-unclosed-links",
                bytes: { incident(body: String(repeating: "[a](", count: 20_000) + "\n") },
                expectation: .builds([.contains("[a]([a](")])),
        ]
    }
}
