import ArgumentParser
import Foundation
import IncidentsCore

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or copy out the built-in theme's files, to start your own from them.",
        discussion: """
        A file of the same name in a site's templates/ folder replaces the built-in one; \
        an unchanged copy builds the same site.
        """,
        subcommands: [List.self, Show.self, Export.self, Strings.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the theme's files.")

        func run() {
            for name in BuiltinTheme.files.keys.sorted() { print(name) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one file of the theme, e.g. incident-card.mustache.")

        @Argument(help: "The file's name, with or without .mustache.")
        var name: String

        func validate() throws {
            guard Self.file(named: name) != nil else {
                throw ValidationError("the theme has no file \"\(name)\"; incidents theme list names them")
            }
        }

        static func file(named name: String) -> String? {
            BuiltinTheme.files[name] ?? BuiltinTheme.files[name + ".mustache"]
        }

        func run() {
            FileHandle.standardOutput.write(Data(Self.file(named: name)!.utf8))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the theme's files (or the ones named) into a folder, e.g. a site's templates/.",
            discussion: "Refuses to overwrite any existing file; nothing is written then."
        )

        @Argument(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
        var directory: String

        @Argument(help: "Only these files (default: all).")
        var names: [String] = []

        func validate() throws {
            for name in names where Show.file(named: name) == nil {
                throw ValidationError("the theme has no file \"\(name)\"; incidents theme list names them")
            }
        }

        func run() throws {
            let chosen = names.isEmpty ? BuiltinTheme.files.keys.sorted()
                : names.map { BuiltinTheme.files[$0] != nil ? $0 : $0 + ".mustache" }
            let paths = chosen.map { (directory as NSString).appendingPathComponent($0) }
            let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
            guard existing.isEmpty else {
                Terminal.error("refusing to overwrite \(existing.joined(separator: ", ")); nothing was written")
                throw ExitCode.failure
            }
            for (name, path) in zip(chosen, paths) {
                try FileCreation.create(path, text: BuiltinTheme.files[name]!)
                print("created \(path)")
            }
        }
    }

    struct Strings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the theme's built-in strings in a language (en, fr, es, de, ja), to start an i18n/<lang>.yml from.",
            discussion: "A site's i18n/<lang>.yml replaces any of them and may add its own for its templates ({{t.key}})."
        )

        @Argument(help: "The language code.")
        var language: String = "en"

        func validate() throws {
            guard BuiltinTheme.strings[language] != nil else {
                throw ValidationError("the theme has no strings in \"\(language)\"; it has \(BuiltinTheme.strings.keys.sorted().joined(separator: ", ")) (print en to translate from)")
            }
        }

        func run() {
            FileHandle.standardOutput.write(Data(BuiltinTheme.strings[language]!.utf8))
        }
    }
}
