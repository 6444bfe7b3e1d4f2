import Foundation
import Testing
@testable import IncidentsCore

/// Sites in several languages (docs/format.md, "Languages"): each language mirrors the
/// site under its folder, with its strings, dates and links; translations take what
/// they leave out from their source and may not contradict its facts.
@Suite struct LanguageTests {
    /// English and French: two incidents, one translated; a page, translated.
    static func bilingual(_ extra: [String: String] = [:], without: [String] = []) throws -> TestSite {
        var files = [
            "site.yml": "title: Register\nlanguages: [en, fr]\nbase_url: https://example.org/register/\nper_page: 1\n",
            "content/incidents/a.md": incidentFile(title: "Chatbot invents refund policy", severity: "medium", dateReported: "2024-02-14",
                                                   extra: "id: 1\ncategory: Misinformation\ntags: [chatbot, aviation]\nsummary: Refunds.\ndate_occurred: 2022-11"),
            "content/incidents/b.md": incidentFile(title: "Robotaxi drags pedestrian", severity: "critical", dateReported: "2023-10-03",
                                                   extra: "id: 2\ntags: [chatbot]\nsummary: Dragged."),
            "content/incidents/a.fr.md": "---\ntitle: L’agent conversationnel invente une règle de remboursement\ntags: [agent conversationnel, aviation]\n---\nVoir [l’autre](../../../incidents/b/).\n",
            "content/pages/about.md": "---\ntitle: About\n---\nWhat this is.\n",
            "content/pages/about.fr.md": "---\ntitle: À propos\n---\nCe que c’est.\n",
        ]
        files.merge(extra) { $1 }
        for path in without { files[path] = nil }
        return try TestSite(files)
    }

    @Test func eachLanguageMirrorsTheSiteUnderItsFolder() throws {
        let site = try Self.bilingual()
        try site.build()
        let page = try #require(site.read("fr/incidents/a/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(page.contains(#"<p class="back" data-pagefind-ignore><a href="../../">← Retour aux incidents</a></p>"#))
        #expect(page.contains(#"<h1>L’agent conversationnel invente une règle de remboursement</h1>"#))
        // Facts the translation left out are the source's, in French words and dates.
        #expect(page.contains(#"<dt>Date du signalement</dt><dd><time datetime="2024-02-14">14 févr. 2024</time></dd>"#))
        #expect(page.contains(#"<span class="visually-hidden">Gravité : </span>Moyenne</span>"#))
        #expect(page.contains(#"<p class="incident-id">Incident 1</p>"#))
        #expect(page.contains(#"<link rel="stylesheet" href="../../../assets/style.css">"#))
        // Reciprocal hreflang links, x-default, and a visible switcher.
        let english = try #require(site.read("incidents/a/index.html"))
        for text in [page, english] {
            #expect(text.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/register/incidents/a/">"#))
            #expect(text.contains(#"<link rel="alternate" hreflang="fr" href="https://example.org/register/fr/incidents/a/">"#))
            #expect(text.contains(#"<link rel="alternate" hreflang="x-default" href="https://example.org/register/incidents/a/">"#))
        }
        #expect(page.contains(#"<a href="../../../incidents/a/" hreflang="en" lang="en" dir="ltr" rel="alternate">English</a>"#))
        #expect(english.contains(#"<a href="../../fr/incidents/a/" hreflang="fr" lang="fr" dir="ltr" rel="alternate">Français</a>"#))
        #expect(english.contains(#"<span aria-current="page" lang="en" dir="ltr">English</span>"#))
        // An untranslated incident has neither a French page nor a switcher.
        #expect(site.read("fr/incidents/b/index.html") == nil)
        #expect(site.read("incidents/b/index.html")?.contains("hreflang") == false)
        // The language's lists show its translations only, with its own tags.
        let index = try #require(site.read("fr/index.html"))
        #expect(index.contains(#"<p class="count">1 incident</p>"#) && !index.contains("Robotaxi"))
        #expect(site.read("fr/tags/agent-conversationnel/index.html")?.contains("<h1>Étiquette : agent conversationnel</h1>") == true)
        #expect(site.read("fr/tags/chatbot/index.html") == nil)
        // Pages, permalinks, feeds and data in the language; one sitemap with alternates.
        #expect(site.read("fr/about/index.html")?.contains("<h1>À propos</h1>") == true)
        #expect(site.read("fr/i/1/index.html")?.contains("url=../../incidents/a/") == true)
        let feed = try #require(site.read("fr/feed.xml"))
        #expect(feed.contains(#"xml:lang="fr""#) && feed.contains("<id>https://example.org/register/fr/incidents/a/</id>"))
        #expect(site.read("fr/incidents.json")?.contains("https://example.org/register/fr/incidents/a/") == true)
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains(#"<url><loc>https://example.org/register/fr/incidents/a/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/register/incidents/a/"/><xhtml:link rel="alternate" hreflang="fr" href="https://example.org/register/fr/incidents/a/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/register/incidents/a/"/></url>"#))
        #expect(sitemap.contains("<url><loc>https://example.org/register/incidents/b/</loc></url>"))
        // The files every language shares are written once, at the root.
        #expect(site.read("fr/assets/style.css") == nil && site.read("fr/404.html") == nil && site.read("fr/sitemap.xml") == nil)
        #expect(site.read("schema/translation.schema.json") != nil)
    }

    @Test func aTranslationMayNotContradictItsSource() throws {
        let site = try Self.bilingual([
            "content/incidents/a.fr.md": "---\ntitle: Traduction\nseverity: low\nid: 7\ndate_reported: 2024-02-14\n---\nTexte.\n",
            "content/incidents/c.fr.md": "---\ntitle: Sans source\n---\nTexte.\n",
            "content/incidents/b.fr.md": "---\ntitle: Retiré\nwithdrawn: Une erreur.\n---\n",
        ])
        #expect(site.errorsInEveryMode() == [
            "content/incidents/a.fr.md:3:11: severity: \"low\" differs from its source content/incidents/a.md (Medium), expected the same value or no severity key: a translation takes it from its source",
            "content/incidents/a.fr.md:4:5: id: number 7 differs from its source content/incidents/a.md (1), expected the same value or no id key: a translation takes it from its source",
            "content/incidents/b.fr.md:1:1: withdrawn: is a tombstone, its source content/incidents/b.md is not; expected a translation to be published or withdrawn with its source",
            "content/incidents/c.fr.md:1:1: is a translation into fr of content/incidents/c.md, which does not exist; expected the default language's file beside it",
        ])
    }

    /// A translation's links resolve from its own page, in its language's folder.
    @Test func checkResolvesATranslationsLinksInItsFolder() throws {
        let site = try Self.bilingual([
            "content/incidents/a.fr.md": "---\ntitle: Traduction\n---\nVoir [l’autre](../b/) et [l’original](../../../incidents/b/).\n",
        ])
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.filter { $0.key == "body" }.map(\.description)
        #expect(warnings == ["content/incidents/a.fr.md:4:16: body: the link ../b/ leads to fr/incidents/b/, which does not exist"])
    }

    @Test func aFileNamedForAnUnlistedLanguageIsPointedOut() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "content/incidents/a.de.md": incidentFile(title: "Ein Vorfall")])
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.filter { $0.key == "languages" }.map(\.description)
        #expect(warnings == ["content/incidents/a.de.md:1:1: languages: is named like a translation into de, which site.yml's languages (en) do not list; it is read as an incident of its own (add de to languages to make it a translation)"])
    }

    @Test func settingsNameTheLanguagesOnce() throws {
        let site = try TestSite(["site.yml": "languages: [en, fr, en, \"x y\"]\nlanguage: de\n", "content/incidents/a.md": incidentFile()])
        #expect(site.errorsInEveryMode() == [
            "site.yml:1:12: languages: starts with en, but language is de; expected the default language first (or no language key)",
            "site.yml:1:21: languages[2]: \"en\" is listed twice, expected each language once",
            "site.yml:1:25: languages[3]: \"x y\" is not a language tag, expected one such as en, fr or pt-BR",
        ])
    }

    /// A language the theme has no strings for shows English ones, and `check` says so;
    /// the site's own file fills them in, and a near miss of a key is pointed out.
    @Test func missingStringsFallBackToEnglishAndCheckSaysSo() throws {
        let site = try Self.bilingual([
            "site.yml": "title: Register\nlanguages: [en, it]\n",
            "content/incidents/a.it.md": "---\ntitle: Il chatbot inventa un rimborso\n---\nTesto.\n",
        ], without: ["content/incidents/a.fr.md", "content/pages/about.fr.md"])
        try site.build()
        let page = try #require(site.read("it/incidents/a/index.html"))
        #expect(page.contains(#"<html lang="it">"#) && page.contains("← Back to incidents") && page.contains("Feb 14, 2024") == false)
        #expect(page.contains("14 feb 2024"), "dates come from the platform's locale data, whatever the strings")
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("site.yml:2:12: languages: it: the theme has no strings in this language (it has de, en, es, fr, ja), so pages show English ones; add i18n/it.yml") })

        try site.write("i18n/it.yml", "back_to_incidents: ← Torna agli incidenti\nback_to_incident: x\ncount_incidents:\n  one: \"{count} incidente\"\n  other: \"{count} incidenti\"\n")
        try site.build()
        let translated = try #require(site.read("it/incidents/a/index.html"))
        #expect(translated.contains("← Torna agli incidenti"))
        #expect(site.read("it/index.html")?.contains(#"<p class="count">1 incidente</p>"#) == true)
        let after = SiteChecker.check(rootPath: site.root).diagnostics.map(\.description)
        #expect(after.contains("i18n/it.yml:2:1: back_to_incident: is not a built-in string (did you mean back_to_incidents?); it is kept as the site's own string for templates"))
        #expect(after.contains { $0.hasPrefix("i18n/it.yml:1:1: languages: it: ") && $0.contains("built-in strings are missing and shown in English") })

        try site.write("i18n/it.yml", "count_incidents: incidenti\n")
        #expect(site.errorsInEveryMode() == [
            "i18n/it.yml:1:18: count_incidents: found \"incidenti\", expected forms by number such as one: \"{count} incident\" and other: \"{count} incidents\"",
        ])
    }

    @Test func numbersDatesAndPluralsFollowTheLanguage() {
        let french = SiteLanguage(code: "fr"), english = SiteLanguage(code: "en"), german = SiteLanguage(code: "de"), japanese = SiteLanguage(code: "ja")
        #expect(french.count("count_incidents", 0) == "0 incident")
        #expect(french.count("count_incidents", 1) == "1 incident")
        #expect(french.count("count_incidents", 12480) == "12\u{202F}480 incidents")
        #expect(english.count("count_incidents", 0) == "0 incidents")
        #expect(english.count("count_incidents", 12480) == "12,480 incidents")
        #expect(german.count("count_incidents", 12480) == "12.480 Vorfälle")
        #expect(japanese.count("count_incidents", 3) == "3件のインシデント")
        let date = PartialDate(year: 2024, month: 2, day: 5)!
        #expect(english.date(date) == "Feb 5, 2024")
        #expect(french.date(date) == "5 févr. 2024")
        #expect(japanese.date(date) == "2024年2月5日")
        #expect(german.date(PartialDate(year: 2024, month: 2)!) == "Feb. 2024")
        #expect(french.duration(seconds: 3 * 3600 + 12 * 60) == "3 h 12 min")
        #expect(german.duration(seconds: 2 * 86400 + 4 * 3600) == "2 Tg. 4 Std.")
        #expect(PluralRule.category(of: 21, in: "ru") == .one && PluralRule.category(of: 12, in: "ru") == .many && PluralRule.category(of: 3, in: "pl") == .few)
        #expect(PluralRule.category(of: 2, in: "ar") == .two && PluralRule.category(of: 0, in: "fr") == .one)
        // One pass: a value holding braces is not filled again.
        #expect(StringCatalogue.fill("{title} ({id})", [("id", "7"), ("title", "About {id}")]) == "About {id} (7)")
        // Every built-in catalogue parses, and names only English keys.
        for code in SiteLanguage.builtinCodes where code != "en" {
            let (result, warnings) = StringCatalogueParser.parse(BuiltinTheme.strings[code]!, path: code, knownKeys: SiteLanguage.english)
            #expect(warnings.isEmpty && (try? result.get()) != nil, "\(code).yml")
            let entries = (try? result.get()) ?? [:]
            #expect(Set(entries.keys).subtracting(SiteLanguage.english.keys).isEmpty, "\(code).yml has keys English has not")
            #expect(SiteLanguage(code: code).strings.missingKeys.isEmpty, "\(code).yml lacks \(SiteLanguage(code: code).strings.missingKeys)")
        }
    }

    @Test func rightToLeftLanguagesAreMarked() throws {
        let site = try Self.bilingual([
            "site.yml": "title: Register\nlanguages: [en, ar]\n",
            "content/incidents/a.ar.md": "---\ntitle: روبوت محادثة يخترع سياسة استرداد\n---\nنص.\n",
        ], without: ["content/incidents/a.fr.md", "content/pages/about.fr.md"])
        try site.build()
        #expect(site.read("ar/incidents/a/index.html")?.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">") == true)
        #expect(site.read("incidents/a/index.html")?.contains(#"hreflang="ar" lang="ar" dir="rtl""#) == true)
        #expect(site.read("assets/style.css")?.contains("margin-left") == false, "the theme uses logical sides only, so it mirrors")
    }

    @Test func translationsOlderThanTheirSourceAreMarked() throws {
        let source = incidentFile(title: "Chatbot invents refund policy", severity: "medium", dateReported: "2024-02-14", extra: "id: 1")
        let fingerprint = Translation.fingerprint(of: source)
        let site = try Self.bilingual([
            "content/incidents/a.md": source,
            "content/incidents/a.fr.md": "---\ntitle: Traduction\ntranslated_from: \(fingerprint)\n---\nTexte.\n",
        ])
        try site.build()
        #expect(site.read("fr/incidents/a/index.html")?.contains("translation-note") == false)
        #expect(!SiteChecker.check(rootPath: site.root).diagnostics.contains { $0.key == "translated_from" })

        let edited = source.replacingOccurrences(of: "Body text.", with: "Corrected body.")
        try site.write("content/incidents/a.md", edited)
        try site.build()
        #expect(site.read("fr/incidents/a/index.html")?.contains("<p class=\"translation-note\" data-pagefind-ignore>L’original a été modifié depuis cette traduction.</p>") == true)
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.map(\.description)
        #expect(warnings.contains("content/incidents/a.fr.md:3:18: translated_from: records the source as \(fingerprint), but content/incidents/a.md is now \(Translation.fingerprint(of: edited)); update the translation, then set translated_from: \(Translation.fingerprint(of: edited))"))
        // Incidents without a translation are named.
        #expect(warnings.contains("content/incidents/b.md:1:1: translation: has no translation into fr; expected content/incidents/b.fr.md"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git at /usr/bin/git"))
    func gitTellsWhenATranslationIsOlderThanItsSource() throws {
        let site = try Self.bilingual()
        try site.git(["init", "-q"], date: "2024-03-01T10:00:00Z")
        try site.git(["add", "."], date: "2024-03-01T10:00:00Z")
        try site.git(["commit", "-q", "-m", "first"], date: "2024-03-01T10:00:00Z")
        #expect(!SiteChecker.check(rootPath: site.root).diagnostics.contains { $0.message.contains("older than its source") })
        try site.write("content/incidents/a.md", try String(contentsOfFile: site.root + "/content/incidents/a.md", encoding: .utf8) + "\nMore.\n")
        try site.git(["commit", "-q", "-am", "source"], date: "2024-04-02T08:30:00Z")
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.map(\.description)
        #expect(warnings.contains("content/incidents/a.fr.md:1:1: is older than its source content/incidents/a.md (last committed 2024-04-02, the translation 2024-03-01); update the translation and commit it"))
        try site.build()
        #expect(site.read("fr/incidents/a/index.html")?.contains("translation-note") == true)
    }

    @Test func vocabularyValuesCarryTranslatedLabels() throws {
        let site = try Self.bilingual([
            "vocabularies/category.yml": "- value: Misinformation\n  description: False statements.\n  translations:\n    fr: {label: Désinformation, description: Des affirmations fausses.}\n",
        ])
        try site.build()
        let value = try #require(site.read("fr/category/misinformation/index.html"))
        #expect(value.contains("<h1>Catégorie : Désinformation</h1>") && value.contains(#"<p class="definition">Des affirmations fausses.</p>"#))
        #expect(site.read("fr/incidents/a/index.html")?.contains(#"<a href="../../category/misinformation/" data-pagefind-filter="Catégorie">Désinformation</a>"#) == true)
        #expect(site.read("category/misinformation/index.html")?.contains("<h1>Category: Misinformation</h1>") == true)
    }

    /// serve's pipeline, kept between edits, writes what a full build writes, in every language.
    @Test func editsInAnyLanguageMatchAFullBuild() throws {
        let site = try Self.bilingual()
        let output = MemoryOutput()
        let pipeline = Pipeline(Pipeline.Options(sourcePath: site.root))
        try pipeline.run(into: output)
        func same(_ note: String) throws {
            let full = try site.buildInMemory()
            #expect(output.files.keys.sorted() == full.files.keys.sorted(), "\(note): other files")
            for (path, bytes) in full.files where output.files[path] != bytes { Issue.record("\(note): \(path) differs from a full build") }
        }
        try same("first run")
        // The source's summary is the translation's too (it gives none).
        try site.write("content/incidents/a.md", incidentFile(title: "Chatbot invents refund policy", severity: "medium", dateReported: "2024-02-14",
                                                              extra: "id: 1\ncategory: Misinformation\ntags: [chatbot, aviation]\nsummary: Refunds, corrected."))
        try pipeline.run(changes: ["content/incidents/a.md"], into: output)
        try same("source edited")
        #expect(output.files["fr/incidents/a/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Refunds, corrected.") } == true)
        // A translation's body alone: its page, in place.
        try site.write("content/incidents/a.fr.md", "---\ntitle: L’agent conversationnel invente une règle de remboursement\ntags: [agent conversationnel, aviation]\n---\nUn autre texte.\n")
        let report = try pipeline.run(changes: ["content/incidents/a.fr.md"], into: output)
        try same("translation edited")
        #expect(report.written.contains("fr/incidents/a/index.html") && !report.written.contains("incidents/a/index.html"))
        try site.write("content/incidents/b.fr.md", "---\ntitle: Un robotaxi traîne une piétonne\n---\nTexte.\n")
        try pipeline.run(changes: ["content/incidents/b.fr.md"], into: output)
        try same("translation added")
        try site.write("i18n/fr.yml", "back_to_incidents: ← Tous les incidents\n")
        try pipeline.run(changes: ["i18n/fr.yml"], into: output)
        try same("strings changed")
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/a.fr.md")
        try pipeline.run(changes: ["content/incidents/a.fr.md"], into: output)
        try same("translation deleted")
        #expect(output.files["fr/incidents/a/index.html"] == nil)

        let kept = Pipeline(Pipeline.Options(sourcePath: site.root, keepsRenderedParts: true))
        let (served, _) = try kept.publishOnDemand(kept.analyse(), carrying: nil)
        let full = try site.buildInMemory()
        #expect(try served.allFiles().mapValues(\.bytes) == full.files, "serve's files differ from a build's")
    }
}
