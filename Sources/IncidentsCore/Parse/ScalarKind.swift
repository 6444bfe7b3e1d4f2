internal import Yams

/// What a YAML scalar is, decided without regular expressions.
///
/// Yams' default resolver runs NSRegularExpression over every scalar, which was a
/// third of front-matter parsing time. We compose with `Resolver.basic` (everything
/// is text) and classify the few scalars we need to, by the YAML 1.1 rules that
/// matter to editors: quoted scalars are always text; plain `~`, `null`, empty are
/// null; `true/false/yes/no/on/off` are booleans; numerals are numbers.
enum ScalarKind: Equatable {
    case text
    case null
    case bool
    case number

    /// How `text` would read if written unquoted.
    init(plainText text: String) {
        self.init(Node.Scalar(text, .implicit, .plain))
    }

    init(_ scalar: Node.Scalar) {
        // Quoted, or tagged as text (`!!str 123`, `! 123`): text whatever it looks like.
        let tag = scalar.tag.rawValue
        guard scalar.style == .plain || scalar.style == .any, tag != "tag:yaml.org,2002:str", tag != "!" else {
            self = .text
            return
        }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL":
            self = .null
        case "true", "True", "TRUE", "false", "False", "FALSE",
             "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF":
            self = .bool
        default:
            self = Self.isNumber(scalar.string) ? .number : .text
        }
    }

    /// Integers and decimals with an optional sign and exponent, `.inf` and `.nan`;
    /// a date like `2024-01-01` is not a number.
    private static func isNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(String(Substring(bytes))) { return true }
        var digits = 0
        var seenDot = false
        var seenExponent = false
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "_") where digits > 0: break
            case UInt8(ascii: ".") where !seenDot && !seenExponent: seenDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard digits > 0, !seenExponent else { return false }
                seenExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            default: return false
            }
            previous = byte
        }
        return digits > 0 && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E")
    }
}
