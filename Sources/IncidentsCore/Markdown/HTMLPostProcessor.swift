
/// Small, literal rewrites of cmark-gfm's HTML so every page passes the W3C
/// validator and a strict Content-Security-Policy.
///
/// - Table alignment: cmark-gfm writes `align="…"` (obsolete, a validator error) or,
///   optionally, inline `style` (blocked by a CSP without `'unsafe-inline'`). We let it
///   write `align` and turn it into a class the theme styles: `class="align-center"`.
/// - Task-list checkboxes get an accessible name, so screen readers announce
///   "done"/"to do" instead of an unlabelled form field, and their list item a
///   `task` class the theme styles (no `:has()`, which older browsers lack).
enum HTMLPostProcessor {
    private static let replacements: [ByteReplacement] = [
        (#" align="left""#, #" class="align-left""#),
        (#" align="center""#, #" class="align-center""#),
        (#" align="right""#, #" class="align-right""#),
        (#"<li><input type="checkbox" checked="" disabled="" />"#, #"<li class="task"><input type="checkbox" checked="" disabled="" aria-label="done" />"#),
        (#"<li><input type="checkbox" disabled="" />"#, #"<li class="task"><input type="checkbox" disabled="" aria-label="to do" />"#),
        (#"<input type="checkbox" checked="" disabled="" />"#, #"<input type="checkbox" checked="" disabled="" aria-label="done" />"#),
        (#"<input type="checkbox" disabled="" />"#, #"<input type="checkbox" disabled="" aria-label="to do" />"#),
    ].map { ByteReplacement(old: $0.0, new: $0.1) }

    static func process(_ html: String) -> String {
        ByteReplacement.replacingAll(replacements, in: html)
    }
}
