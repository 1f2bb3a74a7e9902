import Foundation

/// Opening a large store allocates a few hundred megabytes of small objects, and a fifth of the
/// open went on page faults, one for every 4 KiB touched. glibc's malloc can ask the kernel for
/// transparent huge pages (2 MiB, one fault each), but only when told at process start, through
/// the GLIBC_TUNABLES environment variable. A program that opens stores calls this first thing:
/// it starts itself again, once, with the tunable set. Measured on a 30,000-case store: the
/// open's median went from about 330 ms to about 300 ms, the key derivation from 85 to 68 ms
/// (Docs/performance.md).
public enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    /// Re-executes the program with the tunable set, when the kernel hands out huge pages on
    /// request and it is not set already. Returns (without doing anything) anywhere else, or if
    /// the program cannot be started again.
    public static func preferForThisProcess() {
        #if os(Linux)
        let environment = ProcessInfo.processInfo.environment
        let current = environment["GLIBC_TUNABLES"] ?? ""
        guard !current.contains("glibc.malloc.hugetlb"), environment["MARAC_NO_HUGE_PAGES"] == nil else { return }
        // "always" already gives huge pages where it can; "never" gives none; only "madvise"
        // waits to be asked.
        guard let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
              mode.contains("[madvise]") else { return }
        setenv("GLIBC_TUNABLES", current.isEmpty ? tunable : current + ":" + tunable, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: exec failed. Carry on as we are, without leaving the setting for children.
        if current.isEmpty { unsetenv("GLIBC_TUNABLES") } else { setenv("GLIBC_TUNABLES", current, 1) }
        #endif
    }
}
