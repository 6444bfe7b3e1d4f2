import Foundation

/// The operating system's reason for a failure, in words, without Foundation's error
/// domain and code (`Permission denied`, not `NSCocoaErrorDomain Code=513`).
public enum SystemErrorText {
    public static func describe(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return describe(errno: Int32(error.code)) }
        return error.localizedFailureReason ?? error.localizedDescription
    }

    public static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
