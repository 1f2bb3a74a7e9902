import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and returns its exit status and output, on the tests' day
/// (`MARAC_TODAY`, see ``testToday``; `environment` may override it), started by
/// ``spawnProgram(_:environment:actions:)``.
@discardableResult
public func runProcess(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                captureOutput: Bool = true) -> (status: Int32, output: String, error: String) {
    var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
    // Close-on-exec, so a process spawned by another test at the same moment (a tmux server that
    // lives on) does not inherit these pipes and hold them open; dup2 clears the flag on 0, 1, 2.
    // The lock closes the gap between pipe() and fcntl() against spawns on other threads.
    spawnLock.lock()
    pipe(&outPipe)
    pipe(&errPipe)
    pipe(&inPipe)
    for fd in outPipe + errPipe + inPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    if captureOutput {
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    } else {
        // A daemon (the tmux server) would hold the pipes open for ever; give it nothing to hold.
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var env = ProcessInfo.processInfo.environment
    env["MARAC_TODAY"] = testToday
    for (k, v) in environment { env[k] = v }
    let spawned = spawnProgram(arguments, environment: env, actions: &actions)
    spawnLock.unlock()
    posix_spawn_file_actions_destroy(&actions)
    close(inPipe[0])
    close(outPipe[1])
    close(errPipe[1])
    let pid: pid_t
    switch spawned {
    case .success(let child): pid = child
    case .failure(let failure):
        close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
        return (127, "", "could not start \(arguments[0]): \(String(cString: strerror(failure.errno)))")
    }
    if let input { _ = input.withCString { write(inPipe[1], $0, strlen($0)) } }
    close(inPipe[1])
    // Read both pipes to the end on two threads so neither can fill and stall the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box(), errBox = Box()
    let group = DispatchGroup()
    for (fd, box) in [(outPipe[0], outBox), (errPipe[0], errBox)] {
        group.enter()
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                box.data.append(contentsOf: buffer[0..<n])
            }
            close(fd)
            group.leave()
        }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    group.wait()
    let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (code, String(decoding: outBox.data, as: UTF8.self), String(decoding: errBox.data, as: UTF8.self))
}

/// Held while pipes are made and a child spawned, so a child spawned by another test at the
/// same moment inherits none of them.
let spawnLock = NSLock()
