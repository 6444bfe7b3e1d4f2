import Foundation
import Hummingbird
import IncidentsCore
import NIOCore

/// Answers one request from the current snapshot: a page, a static file, the
/// reload script and its event stream, a redirect to a folder's slash, or 404; and 403
/// to a `Host` it does not answer (see `HostPolicy`).
struct PreviewResponder {
    let state: PreviewState
    let router: PreviewRouter

    func respond(to request: Request, context: PreviewRequestContext) -> Response {
        let snapshot = state.snapshot
        let path = request.uri.path
        switch router.route(method: request.method.rawValue, path: path, host: request.head.authority, hasFile: { snapshot.site?.contains($0) == true }) {
        case .forbiddenHost(let shown):
            return text("This preview answers only to \(router.answeredNames) (the request named \"\(shown)\"). "
                        + "To open it under another name, start it with --allow-host NAME.\n", status: .forbidden)
        case .methodNotAllowed:
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        case .eventStream:
            return eventStream(until: context.connectionClosed)
        case .reloadScript:
            return file(Array(PreviewAssets.script.utf8), type: "text/javascript; charset=utf-8")
        case .overlayStyle:
            return file(Array(PreviewAssets.overlayStyle.utf8), type: "text/css; charset=utf-8")
        case .file(let outputPath):
            do {
                guard let file = try snapshot.site?.file(at: outputPath) else { break }
                return page(file, path: outputPath, problems: snapshot.problems)
            } catch {
                // A file that went between the plan and the request (the next build will
                // say so); shown as the build would have said it.
                let problems = ((error as? BuildFailure)?.diagnostics.map(DiagnosticFormatter.format) ?? ["\(error)"]) + snapshot.problems
                return file(PageInjection.errorPage(problems: problems), type: Self.htmlType, status: .internalServerError)
            }
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .notFound:
            break
        }
        if snapshot.site == nil, !snapshot.problems.isEmpty {
            return file(PageInjection.errorPage(problems: snapshot.problems), type: Self.htmlType, status: .internalServerError)
        }
        if let notFound = (try? snapshot.site?.file(at: "404.html"))?.bytes {
            return page(notFound, path: "404.html", problems: snapshot.problems, status: .notFound)
        }
        let body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n</head>\n"
            + "<body>\n<h1>Not found</h1>\n<p>Nothing is built at \(path.htmlEscaped).</p>\n</body>\n</html>\n"
        return page(Array(body.utf8), path: "404.html", problems: snapshot.problems, status: .notFound)
    }

    private static let htmlType = "text/html; charset=utf-8"

    private func page(_ bytes: [UInt8], path: String, problems: [String], status: HTTPResponse.Status = .ok) -> Response {
        page(MemoryFile(parts: [bytes]), path: path, problems: problems, status: status)
    }

    private func page(_ file: MemoryFile, path: String, problems: [String], status: HTTPResponse.Status = .ok) -> Response {
        let type = Self.contentType(of: path)
        guard type == Self.htmlType else {
            // Large data files are sent as the parts they are kept in.
            return Response(status: status,
                            headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(file.count)],
                            body: ResponseBody(contentsOf: file.parts.map { ByteBuffer(bytes: $0) }))
        }
        return self.file(PageInjection.inject(into: file.bytes, problems: problems), type: type, status: status)
    }

    private func file(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count)],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func text(_ message: String, status: HTTPResponse.Status) -> Response {
        file(Array(message.utf8), type: "text/plain; charset=utf-8", status: status)
    }

    /// Server-Sent Events: `hello` on connection, then `reload` after every build, and
    /// a comment now and then so a peer that vanished is noticed; ends when the
    /// connection closes. Refused when too many tabs are already listening.
    private func eventStream(until closed: EventLoopFuture<Void>) -> Response {
        let state = self.state
        guard let events = state.events(until: closed) else {
            return text("Too many pages are listening for reloads; close some tabs.\n", status: .serviceUnavailable)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(state.serverID)\n\n"))
                for await event in events {
                    switch event {
                    case .reload(let generation): try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                    case .keepAlive: try await writer.write(ByteBuffer(string: ": still here\n\n"))
                    }
                }
                try await writer.finish(nil)
            }
        )
    }

    /// The media type for a file name, as static hosts send it.
    static func contentType(of path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm": return htmlType
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "atom": return "application/atom+xml"
        case "rss": return "application/rss+xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }
}
