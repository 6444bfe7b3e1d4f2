import Foundation
import Mustache
import Testing
@testable import IncidentsCore

/// The project's Mustache engine (`Templates/`) against swift-mustache, the engine
/// the templates and docs were written for: the same templates and values must give
/// the same bytes, so user templates keep working.
@Suite struct TemplateEngineTests {
    /// Values in the shape both engines read: strings, numbers, booleans, lists, maps.
    nonisolated(unsafe) static let values: [String: Any] = [
        "title": "A <b>bold</b> & 'quoted' \"title\"",
        "empty": "",
        "zero": 0,
        "count": 3,
        "yes": true,
        "no": false,
        "site": ["title": "Site", "description": "About it", "search": true, "nav": [["title": "About", "url": "about/"]]] as [String: Any],
        "tags": [["name": "privacy", "url": "tags/privacy/"], ["name": "chatbot", "url": "tags/chatbot/"], ["name": "ai & law", "url": "tags/ai-law/"]],
        "names": ["delta", "alpha", "charlie"],
        "numbers": [3, 1, 2],
        "nested": ["inner": ["deep": "found"], "title": "Nested title"] as [String: Any],
        "none": [String](),
        "html": "<p>kept</p>",
        "lines": "one\ntwo\nthree",
    ]

    /// Renders `template` (with `partials`) through both engines.
    static func both(_ template: String, partials: [String: String] = [:], values: [String: Any] = values) throws -> (theirs: String?, ours: String?) {
        var theirs: String?
        if let compiled = try? MustacheTemplate(string: template) {
            var library = MustacheLibrary()
            library.register(compiled, named: "main")
            for (name, text) in partials { if let partial = try? MustacheTemplate(string: text) { library.register(partial, named: name) } }
            theirs = library.render(values, withTemplate: "main")
        }
        var ours: String?
        if let compiled = try? Template(parsing: template) {
            var library: [String: Template] = ["main": compiled]
            for (name, text) in partials { if let partial = try? Template(parsing: text) { library[name] = partial } }
            var output: [UInt8] = []
            compiled.render(TemplateValue(any: values), library: library, into: &output)
            ours = String(decoding: output, as: UTF8.self)
        }
        return (theirs, ours)
    }

    static let cases: [(String, [String: String])] = [
        ("Hello {{title}}!", [:]),
        ("{{{title}}} {{&title}} {{html}}", [:]),
        ("{{site.title}} {{nested.inner.deep}} {{nested.missing.deep}} {{missing}}", [:]),
        ("{{#tags}}<a href=\"{{url}}\">{{name}}</a>{{^last()}}, {{/last()}}{{/tags}}", [:]),
        ("{{#tags}}{{index()}}:{{#first()}}first{{/first()}}{{#even()}}e{{/even()}}{{/tags}}", [:]),
        ("{{count(tags)}} {{uppercased(site.title)}} {{lowercased(title)}} {{capitalized(lines)}} {{reversed(title)}}", [:]),
        ("{{#sorted(names)}}{{.}} {{/sorted(names)}}{{#reversed(numbers)}}{{.}}{{/reversed(numbers)}}", [:]),
        ("{{#plusone(count)}}{{.}}{{/plusone(count)}} {{minusone(count)}} {{#equalzero(zero)}}zero{{/equalzero(zero)}}", [:]),
        ("{{#yes}}yes{{/yes}}{{#no}}no{{/no}}{{^no}}not no{{/no}}{{^yes}}not yes{{/yes}}", [:]),
        ("{{#empty}}[{{.}}]{{/empty}}{{#zero}}[{{.}}]{{/zero}}{{^none}}none is empty{{/none}}{{#none}}never{{/none}}", [:]),
        ("{{#site}}{{title}} {{#nav}}{{title}}@{{url}}{{/nav}}{{/site}}", [:]),
        ("{{#nested}}{{title}} {{.title}} {{count}}{{/nested}}", [:]),
        ("{{#title}}{{.}}{{/title}}", [:]),
        ("<ul>\n  {{#tags}}\n  <li>{{name}}</li>\n  {{/tags}}\n</ul>\n", [:]),
        ("begin\n  {{! a comment }}\nend\n{{! trailing }}", [:]),
        ("  {{#yes}}  \nstandalone\n  {{/yes}}  \ntail", [:]),
        ("a {{#yes}}\nnot standalone\n{{/yes}} b\n", [:]),
        ("\n  {{> item}}\n  after\n", ["item": "line one\nline two {{title}}\n"]),
        ("<div>\n    {{> item}}\n</div>\n", ["item": "<p>\n{{#tags}}\n<i>{{name}}</i>\n{{/tags}}\n</p>\n"]),
        ("{{> item}} inline {{> item}}", ["item": "[{{site.title}}]"]),
        ("{{> missing}}x", [:]),
        ("{{<layout}}{{$main}}Main of {{title}}{{/main}}{{/layout}}", ["layout": "<body>\n{{$main}}default{{/main}}\n{{$foot}}foot default{{/foot}}\n</body>\n"]),
        ("{{<layout}}\n{{$main}}\n  indented line\n  second\n{{/main}}\n{{/layout}}\n", ["layout": "<main>\n  {{$main}}\n  x\n  {{/main}}\n</main>\n"]),
        ("{{<outer}}{{$block}}from child{{/block}}{{/outer}}", ["outer": "{{<inner}}{{$block}}from outer{{/block}}{{/inner}}", "inner": "<{{$block}}inner default{{/block}}>"]),
        ("{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{site.title}}", [:]),
        ("  {{=| |=}}\n|title|\n", [:]),
        ("line\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\n", [:]),
        ("{{#lines}}{{.}}{{/lines}}", [:]),
        ("\t{{#tags}}\n\t- {{name}}\n\t{{/tags}}\n", [:]),
        ("{{#tags}}{{> item}}{{/tags}}", ["item": "  * {{name}}\n"]),
        ("{{ title }} {{# yes }}spaced{{/ yes }}", [:]),
    ]

    @Test(arguments: cases.indices)
    func rendersAsSwiftMustacheDoes(_ index: Int) throws {
        let (template, partials) = Self.cases[index]
        let (theirs, ours) = try Self.both(template, partials: partials)
        #expect(theirs != nil, "swift-mustache refused \(template.debugDescription)")
        #expect(ours == theirs, "\(template.debugDescription)")
    }

    /// Random templates from Mustache's grammar: whatever swift-mustache makes of them,
    /// the engine must make too (or refuse them both). `{{.}}` on a map or a list is left
    /// out: swift-mustache prints Swift's description of it, where the engine prints nothing.
    @Test func randomTemplatesRenderAlike() throws {
        var generator = SeededGenerator(seed: 20261201)
        let leaves = ["text", " ", "  ", "\n", "\r\n", "\t", "{{title}}", "{{{html}}}", "{{&title}}", "{{missing}}",
                      "{{#names}}{{.}}{{/names}}", "{{site.title}}", "{{! note }}", "{{name}}", "{{> item}}", "{{index()}}",
                      "{{count(tags)}}", "{{=<% %>=}}<% title %><%={{ }}=%>", "{{/yes}}", "{{#unclosed}}"]
        let sections = ["#yes", "^no", "#tags", "#first()", "^last()", "#site", "#none", "^none", "$block", "#nested", "#title"]
        func piece(_ depth: Int) -> String {
            if depth < 3, Int.random(in: 0..<4, using: &generator) == 0 {
                let section = sections.randomElement(using: &generator)!
                let name = String(section.dropFirst())
                let inner = (0..<Int.random(in: 0...4, using: &generator)).map { _ in piece(depth + 1) }.joined()
                let open = Bool.random(using: &generator) ? "\n" : ""
                return "{{\(section)}}" + open + inner + "{{/\(name)}}" + (Bool.random(using: &generator) ? "\n" : "")
            }
            return leaves.randomElement(using: &generator)!
        }
        var compared = 0
        for _ in 0..<10_000 {
            let template = (0..<Int.random(in: 1...8, using: &generator)).map { _ in piece(0) }.joined()
            let partial = (0..<Int.random(in: 1...4, using: &generator)).map { _ in piece(1) }.joined().replacingOccurrences(of: "{{> item}}", with: "")
            let (theirs, ours) = try Self.both(template, partials: ["item": partial])
            #expect((theirs == nil) == (ours == nil), "only one engine accepts \(template.debugDescription): swift-mustache \(theirs == nil ? "refuses" : "accepts")")
            guard let theirs else { continue }
            compared += 1
            #expect(ours == theirs, "template \(template.debugDescription) with item \(partial.debugDescription)")
        }
        #expect(compared > 5_000)
    }

    /// Every built-in template compiles, and renders the same with values of every kind.
    @Test func theBuiltInThemeRendersAlike() throws {
        for (name, text) in BuiltinTheme.templates.sorted(by: { $0.key < $1.key }) {
            let (theirs, ours) = try Self.both(text, partials: BuiltinTheme.templates)
            #expect(theirs != nil && ours == theirs, "built-in template \(name)")
        }
    }

    @Test func parseErrorsAreLocated() throws {
        func error(_ text: String) -> String? {
            do { _ = try Template(parsing: text); return nil } catch {
                let (line, column) = SourceLocator(text).position(ofByte: error.offset)
                return "\(line):\(column): \(error.message)"
            }
        }
        #expect(error("<p>{{#a}}x{{/b}}</p>") == "1:14: a section is closed with a different name than it was opened with, expected {{/a}}")
        #expect(error("<p>\n{{site.title</p>") == "2:3: a tag is not closed with }}")
        #expect(error("<p>\n{{#site}}never closed\n") == "3:1: a section is never closed, expected {{/site}}")
        #expect(error("{{=<%%>=}}") == "1:1: a set-delimiter tag is malformed, expected one such as {{=<% %>=}}")
        // Columns count Unicode scalars, as everywhere: é and the emoji before the name are one each.
        #expect(error("é🙂{{#a}}x{{/b}}") == "1:13: a section is closed with a different name than it was opened with, expected {{/a}}")
    }
}

/// A deterministic random number generator (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
