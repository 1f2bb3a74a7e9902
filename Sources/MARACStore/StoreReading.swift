import Foundation
import MARACCore

/// A store being opened on another thread: the screen draws its first frame from the opening
/// summary meanwhile, and the benchmark times that frame the same way.
public final class StoreReading: @unchecked Sendable {
    private let done = NSCondition()
    private var outcome: Result<Store, StoreError>?

    public init(_ unlocked: UnlockedStore, mode: Store.OpenMode, clock: WallClock) {
        Thread.detachNewThread { [self] in
            // The terminal's signals (Ctrl-Z, Ctrl-C, a resize) go to the thread that runs the
            // screen, where curses handles them, never to this one in the middle of a read; a
            // fault here still reaches the crash handler that restores the terminal.
            var asynchronous = sigset_t()
            sigfillset(&asynchronous)
            for fault in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP] { sigdelset(&asynchronous, fault) }
            pthread_sigmask(SIG_BLOCK, &asynchronous, nil)
            let result = Result { () throws(StoreError) in try Store.open(unlocked, mode: mode, clock: clock) }
            done.withLock {
                outcome = result
                done.broadcast()
            }
        }
    }

    /// Whether the store is read (or failed to open).
    public var isDone: Bool { done.withLock { outcome != nil } }

    /// The opened store, or why it could not be opened; waits until it is read.
    public var result: Result<Store, StoreError> {
        done.withLock {
            while outcome == nil { done.wait() }
            return outcome!
        }
    }
}
