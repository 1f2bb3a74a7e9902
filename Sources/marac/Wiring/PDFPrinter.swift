import Foundation

/// Minutes as PDF, printed by WeasyPrint from marac's HTML.
///
/// WeasyPrint is the converter marac uses because it reads the HTML from a pipe and writes the
/// PDF to one, so the minutes are never on disk unencrypted except as the PDF asked for, and
/// because it honours the print stylesheet's page boxes: the protective marking and "page N
/// of M" on every page. Chromium would need the HTML in a file first; LibreOffice drops the
/// page boxes and the table borders (Docs/decisions.md).
enum PDFPrinter {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, said: String)
        case couldNotStart(String)

        var description: String {
            switch self {
            case .notInstalled:
                "marac prints PDFs with WeasyPrint, which this machine does not have. Install it (Debian and Ubuntu: "
                    + "sudo apt-get install weasyprint; elsewhere: pipx install weasyprint), or write --format html and print "
                    + "that to PDF from a browser: the marking and page numbers print on every page there too."
            case .failed(let status, let said):
                "WeasyPrint could not print the minutes (exit \(status))" + (said.isEmpty ? "." : ": \(said)")
            case .couldNotStart(let why):
                "WeasyPrint could not be started: \(why)"
            }
        }
    }

    /// The `weasyprint` program on the PATH, if there is one.
    static func converter(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/weasyprint"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The PDF of `html`, or why there is none. Nothing is written to disk.
    static func pdf(fromHTML html: String) throws(Failure) -> [UInt8] {
        guard let program = converter() else { throw .notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--encoding", "utf-8", "--media-type", "print", "-", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .couldNotStart(error.localizedDescription) }
        // The three pipes are served at once, so a full one never stops the others.
        let group = DispatchGroup()
        nonisolated(unsafe) var said = Data()
        DispatchQueue.global().async(group: group) {
            input.fileHandleForWriting.write(Data(html.utf8))
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) { said = errors.fileHandleForReading.readDataToEndOfFile() }
        let pdf = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0, pdf.starts(with: Array("%PDF".utf8)) else {
            let message = String(decoding: said, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw .failed(status: process.terminationStatus, said: message)
        }
        return Array(pdf)
    }
}
