/// The files `serve` adds under `/_incidents/`: never part of a built site.
///
/// The reload script is a file, not inline, so that the theme's Content-Security-Policy
/// (`script-src 'self'`) allows it unchanged.
enum PreviewAssets {
    static let folder = "/_incidents/"
    static let scriptPath = folder + "live-reload.js"
    static let overlayStylePath = folder + "error-overlay.css"
    static let eventsPath = folder + "events"

    /// Listens for the server's events: `reload` after every build (good or failed),
    /// and `hello` on each (re)connection carrying the server's start time, so that a
    /// tab left open across a restart of `serve` reloads too.
    static let script = #"""
    (function () {
      "use strict";
      var seen = null;
      var events = new EventSource("/_incidents/events");
      events.addEventListener("hello", function (event) {
        if (seen !== null && seen !== event.data) { location.reload(); }
        seen = event.data;
      });
      events.addEventListener("reload", function () { location.reload(); });
    })();

    """#

    static let overlayStyle = #"""
    #incidents-build-error {
      position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
      margin: 0; padding: 2rem max(1rem, 5vw);
      background: rgba(20, 10, 10, 0.94); color: #fff;
      font: 15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    #incidents-build-error h2 { margin: 0 0 0.5rem; color: #ff8a80; font-size: 1.25rem; }
    #incidents-build-error p { margin: 0 0 1.5rem; color: #ddd; }
    #incidents-build-error pre {
      margin: 0 0 1rem; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
      background: #000; border-left: 4px solid #ff5252; color: #fff;
    }

    """#
}
