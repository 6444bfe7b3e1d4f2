/// What a site has besides its incidents: settings, standalone pages and templates,
/// parsed together, with their problems. A run keeps it while only incidents and
/// static files change.
struct SiteWide: Sendable {
    var config = SiteConfig()
    var pages: [StandalonePage] = []
    /// `vocabularies/<field>.yml`, by field.
    var vocabularies: Vocabularies = [:]
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

    /// Whether a change to `path` (site-relative) changes what is parsed here.
    static func isSiteWide(_ path: String) -> Bool {
        path == "site.yml" || path.hasPrefix("content/pages/") || path.hasPrefix("templates/") || path.hasPrefix("vocabularies/")
    }

    /// Whether two listings have the same settings, pages and templates files.
    static func sameFiles(_ one: SiteFiles, _ other: SiteFiles) -> Bool {
        one.hasConfig == other.hasConfig && one.pageFiles == other.pageFiles && one.templateFiles == other.templateFiles
            && one.vocabularyFiles == other.vocabularyFiles
    }
}
