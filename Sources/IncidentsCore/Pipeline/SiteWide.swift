/// What a site has besides its incidents: settings, standalone pages and templates,
/// parsed together, with their problems. A run keeps it while only incidents and
/// static files change.
struct SiteWide: Sendable {
    var config = SiteConfig()
    var pages: [StandalonePage] = []
    /// `vocabularies/<field>.yml`, by field.
    var vocabularies: Vocabularies = [:]
    /// `content/entities/*.md`, by slug.
    var profiles: [EntityProfile] = []
    /// The translations of standalone pages and entity files, by language code.
    var translatedPages: [String: [StandalonePage]] = [:]
    var translatedProfiles: [String: [EntityProfile]] = [:]
    /// `i18n/<lang>.yml`, by language code: the site's own built-in strings.
    var strings: [String: [String: StringCatalogue.Entry]] = [:]
    /// Nil when a template could not be compiled (the errors say why).
    var templates: TemplateSet?
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(files: SiteFiles) {
        if files.hasConfig {
            switch Result.parsing("site.yml", in: files, { SiteConfigParser.parse($0) }) {
            case .success(let parsed): config = parsed
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        let languages = config.languages
        let pageFiles = files.pageFiles.filter { Translation.split($0, languages: languages) == nil }
        for result in Parallel.map(pageFiles, { path in Result.parsing(path, in: files) { PageParser.parse($0, path: path) } }) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        // A page's translation has its source's slug, unless it gives one.
        for path in files.pageFiles {
            guard let (sourcePath, language) = Translation.split(path, languages: languages) else { continue }
            guard let source = pages.first(where: { $0.sourcePath == sourcePath }) else {
                if !files.pageFiles.contains(sourcePath) { errors.append(Self.noSource(path, sourcePath, language)) }
                continue
            }
            switch Result.parsing(path, in: files, { PageParser.parse($0, path: path) }) {
            case .success(var page):
                if page.slugLocation.line == 1 { page.slug = source.slug; page.slugLocation = source.slugLocation }
                translatedPages[language, default: []].append(page)
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        for path in files.stringFiles {
            let code = String(path.dropFirst("i18n/".count).dropLast(".yml".count))
            guard let language = languages.first(where: { $0.lowercased() == code.lowercased() }) else {
                warnings.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), "is for \(code), which is not among site.yml's languages (\(languages.joined(separator: ", "))); it is not used", severity: .warning))
                continue
            }
            switch files.readText(path) {
            case .success(let text):
                let (result, found) = StringCatalogueParser.parse(text, path: path, knownKeys: SiteLanguage.english)
                warnings += found
                switch result {
                case .success(let entries): strings[language] = entries
                case .failure(let failure): errors += failure.diagnostics
                }
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        warnings += Self.missingStrings(config, strings, files)
        for result in files.vocabularyFiles.map({ path in Result.parsing(path, in: files) { VocabularyParser.parse($0, path: path) } }) {
            switch result {
            case .success(let vocabulary): vocabularies[vocabulary.field] = vocabulary
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        for path in files.entityFiles {
            let translated = Translation.split(path, languages: languages)
            if let (sourcePath, language) = translated, !files.entityFiles.contains(sourcePath) {
                errors.append(Self.noSource(path, sourcePath, language))
                continue
            }
            let slug = translated.map { String($0.source.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "") }
            switch Result.parsing(path, in: files, { EntityProfileParser.parse($0, path: path, slug: slug) }) {
            case .success(let profile):
                if let translated { translatedProfiles[translated.language, default: []].append(profile) } else { profiles.append(profile) }
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        errors += Self.spellingClashes(profiles)
        errors += Pipeline.duplicateSlugs(pages.map { ($0.slug.lowercased(), $0.sourcePath, $0.slugLocation) }, what: "page")

        var overrides: [(path: String, text: String)] = []
        for path in files.templateFiles {
            switch files.readText(path) {
            case .success(let text): overrides.append((path, text))
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        do {
            templates = try TemplateSet(overrides: overrides)
        } catch {
            errors += error.diagnostics
        }
    }

    /// A translation whose source file does not exist.
    static func noSource(_ path: String, _ sourcePath: String, _ language: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                   "is a translation into \(language) of \(sourcePath), which does not exist; expected the default language's file beside it")
    }

    /// What `check` says about strings a language lacks: they are shown in English.
    static func missingStrings(_ config: SiteConfig, _ strings: [String: [String: StringCatalogue.Entry]], _ files: SiteFiles) -> [Diagnostic] {
        guard config.languages.count > 1 || SiteLanguage.primarySubtag(of: config.language) != "en" else { return [] }
        var warnings: [Diagnostic] = []
        let languagesLine = config.languagesLocation ?? SourceLocation(file: "site.yml", line: 1, column: 1)
        for code in config.languages where SiteLanguage.primarySubtag(of: code) != "en" {
            let catalogue = SiteLanguage.catalogue(for: code, siteStrings: strings[code] ?? [:], siteEnglish: strings["en"] ?? [:])
            let missing = catalogue.missingKeys
            guard !missing.isEmpty else { continue }
            let file = files.stringFiles.first { $0.lowercased() == "i18n/\(code.lowercased()).yml" }
            let shown = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
            let message = SiteLanguage.hasBuiltinStrings(code) || file != nil
                ? "\(code): \(missing.count) built-in \(missing.count == 1 ? "string is" : "strings are") missing and shown in English (\(shown)); add them to i18n/\(code).yml"
                : "\(code): the theme has no strings in this language (it has \(SiteLanguage.builtinCodes.joined(separator: ", "))), so pages show English ones; add i18n/\(code).yml with the \(missing.count) keys of incidents theme strings en"
            warnings.append(Diagnostic(file.map { SourceLocation(file: $0, line: 1, column: 1) } ?? languagesLine, key: "languages", message, severity: .warning))
        }
        return warnings
    }

    /// A spelling two entity files claim, or one that is another file's own name.
    static func spellingClashes(_ profiles: [EntityProfile]) -> [Diagnostic] {
        var owner: [String: String] = [:]
        for profile in profiles { owner[profile.slug] = profile.sourcePath }
        var diagnostics: [Diagnostic] = []
        for profile in profiles {
            for (index, name) in profile.alsoKnownAs.enumerated() {
                let slug = Slug.forTag(name)
                let location = index < profile.alsoKnownAsLocations.count ? profile.alsoKnownAsLocations[index] : SourceLocation(file: profile.sourcePath, line: 1, column: 1)
                if let other = owner[slug], other != profile.sourcePath {
                    diagnostics.append(Diagnostic(location, key: "also_known_as[\(index)]",
                                                  "\(FrontMatterReader.quote(name)) is also claimed by \(other), expected each spelling to belong to one entity"))
                } else {
                    owner[slug] = profile.sourcePath
                }
            }
        }
        return diagnostics
    }

    /// Whether a change to `path` (site-relative) changes what is parsed here.
    static func isSiteWide(_ path: String) -> Bool {
        path == "site.yml" || path.hasPrefix("content/pages/") || path.hasPrefix("templates/") || path.hasPrefix("vocabularies/") || path.hasPrefix("content/entities/") || path.hasPrefix("i18n/")
    }

    /// Whether two listings have the same settings, pages and templates files.
    static func sameFiles(_ one: SiteFiles, _ other: SiteFiles) -> Bool {
        one.hasConfig == other.hasConfig && one.pageFiles == other.pageFiles && one.templateFiles == other.templateFiles
            && one.vocabularyFiles == other.vocabularyFiles && one.entityFiles == other.entityFiles
            && one.stringFiles == other.stringFiles
    }
}
