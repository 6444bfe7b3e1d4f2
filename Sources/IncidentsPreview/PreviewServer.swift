import Foundation
import Logging
import Hummingbird
import HummingbirdCore
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

        let responder = PreviewResponder(state: state, router: PreviewRouter(bindAddress: options.host, allowedHosts: options.allowedHosts))
        let callback = CallbackResponder<PreviewRequestContext> { request, context in
            responder.respond(to: request, context: context)
        }
        let host = options.host
        let logger = Logger(label: "incidents.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        let timeout = TimeAmount.nanoseconds(Int64(options.requestTimeout.components.seconds) * 1_000_000_000
                                             + options.requestTimeout.components.attoseconds / 1_000_000_000)
        let app = Application(
            responder: callback,
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(requestTimeout: timeout)])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(Self.connectionLimit())),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                options.events.listening("http://\(shownHost):\(port)/", rebuilder.watchMethod)
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

extension PreviewServer {
    /// Connections open at once, at most, from the process's limit of open files: the
    /// rest wait to be accepted, so reading the site always has descriptors left and
    /// running out never turns into a loop of failed accepts.
    static func connectionLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 64 }
        let available = limit.rlim_cur > 1 << 20 ? 4096 : Int(limit.rlim_cur)
        return max(4, min(256, (available - 48) / 2))
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
