/// A moment as RFC 3339 writes it, `2024-02-14T09:30:00Z` or `2024-02-14T09:30+01:00`
/// (seconds and their fraction optional): kept as written, for `<time datetime>` and
/// the data, with the instant it names, for ordering and durations.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// As written, normalised to a capital `T` and `Z`.
    public let description: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public let instant: Double

    /// The calendar date as written (in the writer's offset).
    public var date: PartialDate { parts.date }

    public init?(parsing text: String) {
        let bytes = Array(text.uppercased().utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ (48...57).contains(bytes[$0]) }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
        }
        guard bytes.count >= 17, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60,
              let date = PartialDate(year: year, month: month, day: day) else { return nil }
        var index = 16
        var seconds = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let whole = number(index + 1..<index + 3), whole < 61 else { return nil }
            seconds = Double(whole)
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                var end = index + 1
                while end < bytes.count, (48...57).contains(bytes[end]) { end += 1 }
                guard end > index + 1 else { return nil }
                seconds += Double("0" + String(decoding: bytes[index..<end], as: UTF8.self))!
                index = end
            }
        }
        var offsetSeconds = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6), hours < 24, minutes < 60
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        self.description = String(decoding: bytes, as: UTF8.self)
        instant = Double(Self.days(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 - offsetSeconds) + seconds
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool { lhs.instant < rhs.instant }

    /// The parts as written, read again from `description` (which `init` validated):
    /// only pages need them (`SiteLanguage.dateTime`), and keeping them made every
    /// incident larger.
    var parts: (date: PartialDate, hour: Int, minute: Int, offset: String) {
        let bytes = Array(description.utf8)
        let number = { (start: Int, count: Int) in bytes[start..<start + count].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let offsetStart = bytes.lastIndex { $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } ?? bytes.count
        return (PartialDate(year: number(0, 4), month: number(5, 2), day: number(8, 2))!, number(11, 2), number(14, 2),
                String(decoding: bytes[offsetStart...], as: UTF8.self))
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

/// When a timeline entry happened: a partial date, or a date-time.
public enum Moment: Sendable, Hashable {
    case date(PartialDate)
    case time(DateTime)

    public init?(parsing text: String) {
        if let time = DateTime(parsing: text) {
            self = .time(time)
        } else if let date = PartialDate(parsing: text) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// The span it names, in seconds since 1970 (UTC): a date-time is a point, a
    /// partial date its whole day, month or year.
    var span: (start: Double, end: Double) {
        switch self {
        case .time(let time): return (time.instant, time.instant)
        case .date(let date):
            let start = DateTime.days(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
            let end: Int
            if date.day != nil { end = start + 1 }
            else if let month = date.month { end = start + PartialDate.daysIn(month: month, year: date.year) }
            else { end = DateTime.days(year: date.year + 1, month: 1, day: 1) }
            return (Double(start * 86400), Double(end * 86400))
        }
    }

    /// Whether this is over before `other` begins. "2023-10" and "2023-10-24" overlap,
    /// so neither is before the other and the editor's order stands.
    func isBefore(_ other: Moment) -> Bool {
        let (mine, theirs) = (span, other.span)
        return mine.end <= theirs.start && mine.start < theirs.end
    }

    /// As written (ISO), for `<time datetime>` and the data.
    public var description: String {
        switch self {
        case .time(let time): return time.description
        case .date(let date): return date.description
        }
    }
}

/// One entry of an incident's `timeline`: when, what (inline Markdown) and, if given,
/// the status it marks (`investigating`, `resolved`).
public struct TimelineEntry: Sendable, Hashable {
    public var when: Moment
    public var text: String
    /// `text` rendered, without its paragraph: filled in when the body is rendered.
    public var html: String = ""
    public var status: String?
}
