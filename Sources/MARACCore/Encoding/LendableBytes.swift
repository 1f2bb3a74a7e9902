/// Bytes that can be lent as a raw buffer (arrays, slices). The standard library has this
/// protocol only in Foundation, which the core does not import.
public protocol LendableBytes {
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: LendableBytes where Element == UInt8 {}
extension ArraySlice: LendableBytes where Element == UInt8 {}

/// `withUnsafeBytes` for a body that throws a typed error. The standard library's version
/// rethrows, which erases the error's type, so every caller would otherwise catch into a
/// `Result` and rethrow it; this is that dance, written once.
extension LendableBytes {
    /// Runs `body` over the bytes, throwing what it throws with its type kept.
    ///
    /// - Parameter body: reads the bytes; they are valid only during the call.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public func withBytes<T, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = withUnsafeBytes { raw in
            do throws(E) { return .success(try body(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
