import Foundation
import IncidentsCore

/// What `serve` adds to each HTML page it sends: the live-reload script, and while
/// the latest build is failing, an overlay naming each error. The pages in memory are
/// never changed, so what `serve` shows is otherwise byte for byte what `build` writes.
enum PageInjection {
    /// The page with the reload script before `</head>` and, when `problems` is not
    /// empty, the error overlay as the first thing in `<body>`.
    static func inject(into page: [UInt8], problems: [String]) -> [UInt8] {
        var html = String(decoding: page, as: UTF8.self)
        var head = "<script src=\"\(PreviewAssets.scriptPath)\" defer></script>\n"
        if !problems.isEmpty {
            head += "<link rel=\"stylesheet\" href=\"\(PreviewAssets.overlayStylePath)\">\n"
            let overlay = overlayHTML(problems, note: "This page is from the last build that succeeded. Save a fix and it reloads by itself.")
            if let body = html.range(of: "<body", options: .caseInsensitive),
               let end = html[body.upperBound...].firstIndex(of: ">") {
                html.insert(contentsOf: "\n" + overlay, at: html.index(after: end))
            } else {
                html += overlay
            }
        }
        if let headEnd = html.range(of: "</head>", options: .caseInsensitive) {
            html.insert(contentsOf: head, at: headEnd.lowerBound)
        } else {
            html = head + html
        }
        return Array(html.utf8)
    }

    /// A whole page showing only the errors: for when no build has succeeded yet.
    static func errorPage(problems: [String]) -> [UInt8] {
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed</title>
        <script src="\(PreviewAssets.scriptPath)" defer></script>
        <link rel="stylesheet" href="\(PreviewAssets.overlayStylePath)">
        </head>
        <body>
        \(overlayHTML(problems, note: "No build has succeeded yet. Save a fix and this page reloads by itself."))
        </body>
        </html>

        """
        return Array(page.utf8)
    }

    private static func overlayHTML(_ problems: [String], note: String) -> String {
        let count = Count.text(problems.count, "error")
        let items = problems.map { "<pre>\($0.htmlEscaped)</pre>" }.joined(separator: "\n")
        return """
        <div id="incidents-build-error" role="alert">
        <h2>Build failed with \(count)</h2>
        <p>\(note)</p>
        \(items)
        </div>
        """
    }
}
