/// Prints diagnostics compiler-style: the one-line form, then the offending source
/// line (its excerpt) with a caret under the column.
///
/// It reads nothing: the excerpt travels with the diagnostic, taken from text the
/// site's file boundary accepted, so a refused file (a link outside the site, a file
/// too large) is never shown.
public enum DiagnosticFormatter {
    public static func format(_ diagnostic: Diagnostic) -> String {
        // Errors keep exactly the contract's one-line form, which scripts grep for;
        // warnings say so, so they are not mistaken for failures.
        let text = diagnostic.severity == .error
            ? diagnostic.description
            : "\(diagnostic.location): warning: " + (diagnostic.key.map { "\($0): " } ?? "") + diagnostic.message
        guard let excerpt = diagnostic.excerpt else { return text }
        guard let padding = excerpt.caretPadding else { return text + "\n" + excerpt.text }
        return text + "\n" + excerpt.text + "\n" + padding + "^"
    }
}
