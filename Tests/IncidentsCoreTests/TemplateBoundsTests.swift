import Foundation
import Testing
@testable import IncidentsCore

/// Templates that would overflow swift-mustache's recursion are refused at their
/// file, line and column (before this, each of these crashed the build with SIGSEGV).
@Suite struct TemplateBoundsTests {
    private func errors(_ templates: [String: String]) throws -> [String] {
        var files = ["content/incidents/a.md": incidentFile()]
        for (name, text) in templates { files["templates/" + name] = text }
        return try TestSite(files).buildErrors()
    }

    @Test func aPartialThatIncludesItself() throws {
        #expect(try errors(["footer.mustache": "<p>one</p>\n  {{> footer}}\n"]) == [
            "templates/footer.mustache:2:3: template error: the template footer includes itself ({{> footer}}), which would never end; expected it to use other templates only",
        ])
    }

    @Test func twoPartialsThatIncludeEachOther() throws {
        #expect(try errors(["footer.mustache": "{{> ping}}\n", "ping.mustache": "x {{> footer}}\n"]) == [
            "templates/footer.mustache:1:1: template error: the templates footer → ping → footer include each other, which would never end; expected no template to include itself through others",
        ])
    }

    @Test func aLayoutThatInheritsFromItself() throws {
        #expect(try errors(["layout.mustache": "{{<layout}}{{$body}}x{{/body}}{{/layout}}\n"]) == [
            "templates/layout.mustache:1:1: template error: the template layout inherits from itself ({{< layout}}), which would never end; expected it to use other templates only",
        ])
    }

    @Test func thousandsOfNestedSections() throws {
        let text = String(repeating: "{{#site}}", count: 5_000) + "deep" + String(repeating: "{{/site}}", count: 5_000)
        // The 65th section, after 64 tags of 9 characters.
        #expect(try errors(["footer.mustache": text]) == [
            "templates/footer.mustache:1:577: template error: sections are nested more than 64 deep, expected a shallower template",
        ])
    }

    @Test func aDynamicPartialName() throws {
        #expect(try errors(["footer.mustache": "{{>*site.title}}\n"]) == [
            "templates/footer.mustache:1:1: template error: partials with a dynamic name ({{>*name}}) are not supported, expected a fixed name such as {{> footer}}",
        ])
    }

    @Test func changedDelimitersAreFollowed() throws {
        // The include is found under <% %> delimiters too.
        #expect(try errors(["footer.mustache": "{{=<% %>=}}\n<%> footer%>\n"]) == [
            "templates/footer.mustache:2:1: template error: the template footer includes itself ({{> footer}}), which would never end; expected it to use other templates only",
        ])
    }

    @Test func chainsDeeperThanTheLimit() throws {
        var templates: [String: String] = ["footer.mustache": "{{> p1}}\n"]
        for level in 1...20 { templates["p\(level).mustache"] = level == 20 ? "end\n" : "{{> p\(level + 1)}}\n" }
        let chain = (1...20).map { "p\($0)" }.joined(separator: " → ")
        #expect(try errors(templates) == [
            "templates/footer.mustache:1:1: template error: templates include each other 22 levels deep (404 → layout → footer → \(chain)), expected at most 16",
        ])
    }

    /// At the limits, rendering works: 16 levels of partials, each with 64 nested
    /// sections that all render, on the build's worker threads.
    @Test func templatesAtTheLimitsRender() throws {
        var templates: [String: String] = [:]
        let depth = Template.maximumNesting
        func nested(_ inner: String) -> String {
            String(repeating: "{{#site}}", count: depth - 1) + inner + String(repeating: "{{/site}}", count: depth - 1)
        }
        // footer is included by the layout (itself included by each page): the chain
        // below it stays within the limit of 16 in all.
        let levels = TemplateSet.maximumIncludeDepth - 4
        templates["footer.mustache"] = nested("{{> q1}}") + "\n"
        for level in 1...levels {
            templates["q\(level).mustache"] = nested(level == levels ? "bottom of {{title}}" : "{{> q\(level + 1)}}") + "\n"
        }
        var files = ["content/incidents/a.md": incidentFile()]
        for (name, text) in templates { files["templates/" + name] = text }
        let site = try TestSite(files)
        #expect(site.buildErrors() == [])
        #expect(site.read("index.html")?.contains("bottom of Incidents") == true)
    }
}
