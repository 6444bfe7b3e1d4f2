import Foundation
import Logging
import Hummingbird
import IncidentsCore
import NIOCore
import ServiceLifecycle

/// `incidents serve`: builds the site into memory, serves it over HTTP, rebuilds on
/// every change and tells open tabs to reload. It never writes to the site folder.
public enum PreviewServer {
    /// Serves until SIGINT or SIGTERM. Throws `PreviewServerError` when it cannot listen.
    public static func run(_ options: PreviewOptions) async throws {
        let state = PreviewState(serverID: String(UInt64(Date().timeIntervalSince1970 * 1000)))
        let rebuilder = try SiteRebuilder(options: options, state: state)
        rebuilder.buildEverything()

        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            PreviewResponder(state: state).respond(to: request)
        }
        let host = options.host
        let logger = Logger(label: "incidents.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                options.events.listening("http://\(shownHost):\(port)/")
            },
            logger: logger
        )
        // A service group shuts its services down last first: the watcher, which closes
        // the open event streams, before the server, which waits for open responses.
        let services = ServiceGroup(configuration: .init(
            services: [app, WatchService(rebuilder: rebuilder, state: state)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        do {
            try await services.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewServerError(message: "cannot listen on \(host):\(options.port): the port is in use; choose another with --port")
        } catch let error as IOError {
            throw PreviewServerError(message: "cannot listen on \(host):\(options.port): \(error.description)")
        }
    }
}

/// Why `serve` could not start.
public struct PreviewServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Runs the rebuild loop beside the server; on shutdown it closes the open event
/// streams, which would otherwise keep the server waiting for them.
private struct WatchService: Service {
    let rebuilder: SiteRebuilder
    let state: PreviewState

    func run() async throws {
        await withGracefulShutdownHandler {
            await cancelWhenGracefulShutdown { await rebuilder.watch() }
        } onGracefulShutdown: {
            state.closeAll()
        }
    }
}
