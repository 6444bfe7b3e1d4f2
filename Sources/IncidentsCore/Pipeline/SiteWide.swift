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
        for result in Parallel.map(files.pageFiles, { path in Result.parsing(path, in: files) { PageParser.parse($0, path: path) } }) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        for result in files.vocabularyFiles.map({ path in Result.parsing(path, in: files) { VocabularyParser.parse($0, path: path) } }) {
            switch result {
            case .success(let vocabulary): vocabularies[vocabulary.field] = vocabulary
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        for result in Parallel.map(files.entityFiles, { path in Result.parsing(path, in: files) { EntityProfileParser.parse($0, path: path) } }) {
            switch result {
            case .success(let profile): profiles.append(profile)
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
        path == "site.yml" || path.hasPrefix("content/pages/") || path.hasPrefix("templates/") || path.hasPrefix("vocabularies/") || path.hasPrefix("content/entities/")
    }

    /// Whether two listings have the same settings, pages and templates files.
    static func sameFiles(_ one: SiteFiles, _ other: SiteFiles) -> Bool {
        one.hasConfig == other.hasConfig && one.pageFiles == other.pageFiles && one.templateFiles == other.templateFiles
            && one.vocabularyFiles == other.vocabularyFiles && one.entityFiles == other.entityFiles
    }
}
