import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a program for a test with a clean signal mask and default signal handlers: a test
/// thread's blocked signals would otherwise be inherited, and the program under test would
/// never see SIGWINCH or SIGTERM (see ../shared/design/platform-notes.md).
///
/// - Parameters:
///   - arguments: the program (found on PATH) and its arguments.
///   - environment: the whole environment to give it.
///   - actions: what to do with its descriptors (dup2, open, close).
/// - Returns: the child's pid, or why it could not be started.
func spawnProgram(_ arguments: [String], environment: [String: String],
                  actions: inout posix_spawn_file_actions_t) -> Result<pid_t, SpawnFailure> {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    return rc == 0 ? .success(pid) : .failure(SpawnFailure(errno: rc))
}

/// Why a program could not be started: posix_spawn's error number.
struct SpawnFailure: Error {
    let errno: Int32
}

/// A program built beside the test bundle (`store-exerciser`, `marac`).
public func builtProgram(_ name: String) -> String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = (exe as NSString).deletingLastPathComponent
    while !dir.isEmpty && dir != "/" {
        if FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        dir = (dir as NSString).deletingLastPathComponent
    }
    return name
}

/// The built `marac` beside the test bundle (`MARAC_BINARY` overrides it).
public var maracBinary: String {
    if let path = ProcessInfo.processInfo.environment["MARAC_BINARY"] { return path }
    return builtProgram("marac")
}
