/// Counts in words, for readers and in the terminal: "1 incident", "12,480 incidents".
/// The one place where plurals are made.
public enum Count {
    public static func text(_ number: Int, _ noun: String) -> String {
        "\(grouped(number)) \(self.noun(noun, number))"
    }

    /// `noun`, in the plural unless `number` is 1.
    public static func noun(_ noun: String, _ number: Int) -> String {
        guard number != 1 else { return noun }
        // "entity" → "entities"; the project's other nouns take an s.
        if noun.hasSuffix("y"), let last = noun.dropLast().last, !"aeiou".contains(last) { return noun.dropLast() + "ies" }
        return noun + "s"
    }

    /// A whole number with thousands separated by commas, the same on every machine
    /// (a locale-dependent format would make builds differ between machines).
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }
}
