// Exercises a store from a process of its own, for the store's crash, concurrency and full-disk
// tests: they start this, kill it or race it, and check what the store holds afterwards.
//
//   store-exerciser append DIR COUNT TAG [WAIT-SECONDS]
//       Opens DIR for writing (waiting up to WAIT-SECONDS for the lock) and appends COUNT
//       changes, printing "ack SEQUENCE INDEX" after each one is acknowledged (flushed).
//   store-exerciser shared DIR COUNT TAG [COMPACT-EVERY] [PAUSE-MS]
//       Opens DIR as a screen does (the lock taken for each change only, so other writers
//       write between) and saves COUNT changes, each decided against the latest state, printing
//       "ack SEQUENCE INDEX" after each; compacts after every COMPACT-EVERY changes if given,
//       and pauses PAUSE-MS between changes (a person's pace, compressed) if given.
//   store-exerciser fill DIR LIMIT-BYTES
//       Appends until the file size limit LIMIT-BYTES makes a write fail, then checks that the
//       store's state is as it was before the failed append; prints "refused: MESSAGE" and
//       "state unchanged" and exits 0, or exits 1.
#if canImport(Glibc)
import Glibc
#endif
import MARACCore
import MARACStore

/// The one user of the stores the tests make for the exerciser (cheap key derivation).
let credentials = Credentials(user: "tester", passphrase: "exercise passphrase")
/// A fixed clock: what the exerciser writes must not depend on the day the tests run.
let clock = WallClock.fixed(Day(year: 2026, month: 11, day: 28)!)

func change(tag: String, index: Int, padding: Int = 0) -> Change {
    let what = "exercise \(tag) \(index)" + (padding > 0 ? " " + String(repeating: "x", count: padding) : "")
    return Change(stamp: Stamp(actor: tag, at: Instant(milliseconds: Int64(index))),
                  events: [.exported(what: what, cases: [CaseID(index % 5 + 1)])])
}

/// One line to standard output, written at once so the test reading it sees every
/// acknowledgement printed before a kill.
func say(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    say("usage: store-exerciser append DIR COUNT TAG [WAIT] | fill DIR LIMIT")
    exit(2)
}

switch args[1] {
case "append":
    let count = Int(args[3]) ?? 0
    let tag = args.count > 4 ? args[4] : "w"
    let wait = args.count > 5 ? Double(args[5]) ?? 0 : 0
    do {
        let store = try Store.open(at: args[2], mode: .write(waitSeconds: wait), credentials: credentials, clock: clock)
        say("open \(store.sequence)")
        for i in 0..<count {
            try store.append(change(tag: tag, index: i))
            say("ack \(store.sequence) \(i)")
        }
        store.close()
        say("done")
    } catch {
        say("error \(error.message)")
        exit(1)
    }

case "shared":
    let count = Int(args[3]) ?? 0
    let tag = args.count > 4 ? args[4] : "w"
    let compactEvery = args.count > 5 ? Int(args[5]) ?? 0 : 0
    let pause = args.count > 6 ? Double(args[6]) ?? 0 : 0
    do {
        let store = try Store.open(at: args[2], mode: .shared(waitSeconds: 30), credentials: credentials, clock: clock)
        store.lockWait = 30
        say("open \(store.sequence)")
        for i in 0..<count {
            let saved = try store.save { _ in change(tag: tag, index: i) }
            _ = saved
            say("ack \(store.sequence) \(i)")
            if compactEvery > 0, (i + 1) % compactEvery == 0 { try store.compact() }
            if pause > 0 { usleep(UInt32(pause * 1000)) }
        }
        store.close()
        say("done")
    } catch {
        say("error \(error)")
        exit(1)
    }

case "fill":
    let limit = rlim_t(args[3]) ?? 0
    signal(SIGXFSZ, SIG_IGN)
    do {
        let store = try Store.open(at: args[2], mode: .write(waitSeconds: 0), credentials: credentials, clock: clock)
        var rl = rlimit(rlim_cur: limit, rlim_max: limit)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &rl)
        var i = 0
        while true {
            let before = store.state
            let sequence = store.sequence
            do {
                try store.append(change(tag: "fill", index: i, padding: 700))
            } catch {
                say("refused: \(error.message)")
                guard store.state == before, store.sequence == sequence else {
                    say("state changed by a failed append")
                    exit(1)
                }
                say("state unchanged at \(sequence)")
                store.close()
                exit(0)
            }
            i += 1
        }
    } catch {
        say("error \(error.message)")
        exit(1)
    }

default:
    say("unknown mode \(args[1])")
    exit(2)
}
