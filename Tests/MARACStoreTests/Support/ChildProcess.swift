import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started by a test, whose output lines are read as they come and which can be
/// killed at any moment.
final class ChildProcess {
    let pid: pid_t
    private let output: Int32
    private var buffer: [UInt8] = []
    private(set) var lines: [String] = []
    private var exited: Int32?

    init(_ arguments: [String]) {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        var child: pid_t = 0
        let rc = posix_spawn(&child, arguments[0], &actions, &attributes, argv, environ)
        argv.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        close(fds[1])
        precondition(rc == 0, "could not start \(arguments[0])")
        pid = child
        output = fds[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exited == nil { kill(pid, SIGKILL); _ = waitForExit() }
        close(output)
    }

    /// Reads whatever output has arrived.
    func poll() {
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
    func waitForLine(seconds: Double = 20, where condition: (String) -> Bool) -> String? {
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

    func killNow() {
        kill(pid, SIGKILL)
        _ = waitForExit()
        poll()
    }

    @discardableResult
    func waitForExit() -> Int32 {
        if let exited { return exited }
        var st: Int32 = 0
        while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
        exited = st
        poll()
        return st
    }

    var exitCode: Int32? { exited.map { ($0 & 0x7F) == 0 ? ($0 >> 8) & 0xFF : 128 + ($0 & 0x7F) } }
}

/// A program built beside the test bundle.
func builtProgram(_ name: String) -> String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = (exe as NSString).deletingLastPathComponent
    while !dir.isEmpty && dir != "/" {
        if FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        dir = (dir as NSString).deletingLastPathComponent
    }
    return name
}
