import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started by a test, whose output lines are read as they come and which can be
/// killed at any moment.
public final class ChildProcess {
    public let pid: pid_t
    private let output: Int32
    private var buffer: [UInt8] = []
    public private(set) var lines: [String] = []
    private var exited: Int32?

    public init(_ arguments: [String]) {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let spawned = spawnProgram(arguments, environment: ProcessInfo.processInfo.environment, actions: &actions)
        posix_spawn_file_actions_destroy(&actions)
        close(fds[1])
        guard case .success(let child) = spawned else { preconditionFailure("could not start \(arguments[0])") }
        pid = child
        output = fds[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exited == nil { kill(pid, SIGKILL); _ = waitForExit() }
        close(output)
    }

    /// Reads whatever output has arrived.
    public func poll() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(output, &chunk, chunk.count)
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[0..<n])
        }
        while let newline = buffer.firstIndex(of: 0x0A) {
            lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
            buffer.removeSubrange(...newline)
        }
    }

    /// Waits for a line satisfying `condition`, up to `seconds`.
    @discardableResult
    public func waitForLine(seconds: Double = 20, where condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            poll()
            if let line = lines.first(where: condition) { return line }
            if exited != nil { return nil }
            var st: Int32 = 0
            if waitpid(pid, &st, WNOHANG) == pid {
                exited = st
                poll()
                return lines.first(where: condition)
            }
            usleep(2_000)
        }
        return nil
    }

    public func killNow() {
        kill(pid, SIGKILL)
        _ = waitForExit()
        poll()
    }

    @discardableResult
    public func waitForExit() -> Int32 {
        if let exited { return exited }
        var st: Int32 = 0
        while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
        exited = st
        poll()
        return st
    }

    public var exitCode: Int32? { exited.map { ($0 & 0x7F) == 0 ? ($0 >> 8) & 0xFF : 128 + ($0 & 0x7F) } }
}
