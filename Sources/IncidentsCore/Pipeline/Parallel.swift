import Foundation

/// Work spread over all cores, results in input order.
enum Parallel {
    /// `transform` applied to every element on all cores. The caller guarantees
    /// `transform` may run on several threads at once (it reads shared values and
    /// writes nothing shared).
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable((items: items, transform: transform))
            let results = ResultSlots<R>(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.set(index, work.value.transform(work.value.items[index]))
            }
            return results.values
        }
    }
}

/// A value handed to parallel workers that only read it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slots written by exactly one parallel iteration each, read after all have finished.
final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    var values: [R] { slots.map { $0! } }
}
