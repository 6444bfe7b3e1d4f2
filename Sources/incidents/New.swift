import ArgumentParser
import Foundation
import IncidentsCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new incident file with every key and the usual sections, and print its path.",
        discussion: "The file is content/incidents/<slug>.md, the slug made from the title. Refuses to overwrite. When the site numbers its incidents (id:), the new one gets the next free number."
    )

    @Argument(help: "The incident's title.")
    var title: String

    @Option(name: .long, help: "critical, high, medium or low.")
    var severity: String = "medium"

    @Option(name: .long, help: ArgumentHelp("Tags, separated by commas.", valueName: "a,b"))
    var tags: String = ""

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    func validate() throws {
        guard Severity(parsing: severity) != nil else {
            throw ValidationError("--severity \"\(severity)\" is not one of critical, high, medium, low")
        }
        guard NewIncident.slug(for: title) != nil else {
            throw ValidationError("the title \"\(title)\" has no letter or digit to make a file name from")
        }
    }

    func run() throws {
        let slug = NewIncident.slug(for: title)!
        let path = (source as NSString).appendingPathComponent("content/incidents/\(slug).md")
        guard !FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("error: refusing to overwrite \(path); choose another title or edit that file\n".utf8))
            throw ExitCode.failure
        }
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // A site that numbers its incidents gets the next number.
        let id = (try? SiteFiles(rootPath: source)).flatMap(NewIncident.nextID(in:))
        let text = NewIncident.text(title: title, severity: Severity(parsing: severity)!, tags: tagList, today: Today.date, id: id)
        try FileCreation.create(path, text: text)
        print(path)
    }
}
