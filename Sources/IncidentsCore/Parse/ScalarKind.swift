/// What a YAML scalar is, decided without regular expressions.
///
/// The few scalars that need it are classified by the YAML 1.1 rules that matter to
/// editors: quoted scalars are always text; plain `~`, `null`, empty are null;
/// `true/false/yes/no/on/off` are booleans; numerals are numbers.
enum ScalarKind: Equatable {
    case text
    case null
    case bool
    case number

    /// How `text` would read if written unquoted.
    init(plainText text: String) {
        self.init(YAMLNode.Scalar(text: text, isQuoted: false, tag: nil))
    }

    init(_ scalar: YAMLNode.Scalar) {
        // Quoted, or tagged as text (`!!str 123`, `! 123`): text whatever it looks like.
        if scalar.isQuoted { self = .text; return }
        switch scalar.tag {
        case nil: break
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": self = .number; return
        case "tag:yaml.org,2002:bool": self = .bool; return
        case "tag:yaml.org,2002:null": self = .null; return
        default: self = .text; return
        }
        switch scalar.text {
        case "", "~", "null", "Null", "NULL":
            self = .null
        case "true", "True", "TRUE", "false", "False", "FALSE",
             "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF":
            self = .bool
        default:
            self = Self.isNumber(scalar.text) ? .number : .text
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
