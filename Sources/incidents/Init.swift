import ArgumentParser
import Foundation
import IncidentsCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: settings, an example incident, templates/, a publishing workflow.",
        discussion: "Refuses to overwrite any existing file; nothing is written then."
    )

    @Argument(help: ArgumentHelp("Folder of the new site (created when missing).", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: "The site's title.")
    var title: String = "Incidents"

    func run() throws {
        let files = SiteScaffold.files(title: title, today: Today.date)
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }
        guard existing.isEmpty else {
            FileHandle.standardError.write(Data("error: refusing to overwrite \(existing.joined(separator: ", ")) in \(directory); nothing was written\n".utf8))
            throw ExitCode.failure
        }
        for (path, text) in files {
            let fullPath = (directory as NSString).appendingPathComponent(path)
            try FileCreation.create(fullPath, text: text)
            print("created \(fullPath)")
        }
        print("Next: cd \(directory) && incidents serve, and open http://127.0.0.1:4242/ (it reloads as you edit); incidents build writes public/.")
    }
}

/// Today's date in UTC, at day precision.
enum Today {
    static var date: PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
