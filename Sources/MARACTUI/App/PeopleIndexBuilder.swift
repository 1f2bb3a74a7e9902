import Dispatch
import MARACCore

/// Builds the find screen's index of every person on another thread, when the screen opens and
/// after each change that may change a person, so that Ctrl-F finds it ready: built on the key,
/// it cost a third of a second at 30,000 cases (issue 22). A key that comes before it is ready
/// waits for it; one that asks for an index nobody prepared builds it there and then.
final class PeopleIndexBuilder: @unchecked Sendable {
    /// Runs the builds, one at a time, and guards `built` and `builds`.
    private let queue = DispatchQueue(label: "marac.people-index", qos: .utility)
    private var built: (revision: Int, index: PeopleIndex)?
    /// How many indexes were built: a test holds the screen to building only when it must.
    private var builds = 0
    /// The newest revision asked for: a build queued behind a newer request is skipped.
    private let requests = DispatchQueue(label: "marac.people-index.requests")
    private var newest = -1

    func prepare(_ state: MARACState, revision: Int) {
        requests.sync { newest = max(newest, revision) }
        queue.async { [self] in
            guard built?.revision != revision, requests.sync(execute: { newest }) == revision else { return }
            built = (revision, PeopleIndex(state))
            builds += 1
        }
    }

    func index(_ state: MARACState, revision: Int) -> PeopleIndex {
        queue.sync {
            if let b = built, b.revision == revision { return b.index }
            let index = PeopleIndex(state)
            built = (revision, index)
            builds += 1
            return index
        }
    }

    var buildCount: Int { queue.sync { builds } }
}
