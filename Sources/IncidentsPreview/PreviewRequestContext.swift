import Hummingbird
import NIOCore

/// The context of one request to `serve`: Hummingbird's, plus the moment its
/// connection closes, which ends a live-reload event stream at once.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Completes when the request's connection is closed, by either side.
    let connectionClosed: EventLoopFuture<Void>

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connectionClosed = source.channel.closeFuture
    }
}
