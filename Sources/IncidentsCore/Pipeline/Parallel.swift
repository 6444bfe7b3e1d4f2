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
/// Raw memory, not an array: `Array.withUnsafeMutableBufferPointer` moves the array's
/// storage out for the duration of the call, so two threads calling it at once on one
/// array race (one of them saw an empty buffer and stopped on a bounds check).
final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<R?>.allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: R) {
        precondition(index >= 0 && index < count)
        slots[index] = value
    }

    var values: [R] { (0..<count).map { slots[$0]! } }
}
