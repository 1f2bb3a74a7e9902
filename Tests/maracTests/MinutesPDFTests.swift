import Foundation
import Testing
import TestSupport

/// Issue 20, 4: minutes as PDF, printed by WeasyPrint from marac's HTML, with the protective
/// marking and "Page N of M" on every page, and no id or date broken across a line. Read back
/// with poppler's pdftotext, page by page.
@Suite struct MinutesPDFTests {
    static let tools = "needs WeasyPrint and poppler-utils: apt-get install weasyprint poppler-utils (scripts/install-deps.sh)"
    static var toolsPresent: Bool { runProcess(["weasyprint", "--version"]).status == 0 && runProcess(["pdftotext", "-v"]).status == 0 }

    /// The text of each page of a PDF.
    static func pages(_ pdf: String) -> [String] {
        let text = runProcess(["pdftotext", "-layout", pdf, "-"]).output
        return text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test func everyPageCarriesTheMarkingAndItsNumberAndNoIdOrDateIsBroken() throws {
        try #require(Self.toolsPresent, "\(Self.tools)")
        let desk = DemoDesk(cases: 60, seed: 3)
        let meeting = try #require(try desk.list("meetings").first { $0["status"] as? String == "ended" }?["id"] as? String)
        let pdf = desk.scratch.root + "/minutes.pdf"
        let written = desk.run(["export", "minutes", meeting, "-o", pdf])
        #expect(written.status == 0, "\(written.error)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        var info = stat()
        stat(pdf, &info)
        #expect(info.st_mode & 0o777 == 0o600, "readable by its owner only")
        let pages = Self.pages(pdf)
        #expect(pages.count >= 2, "the minutes of a meeting run to several pages")
        for (i, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("RESTRICTED") == true, "page \(i + 1) starts with the marking: \(lines.first ?? "")")
            #expect(lines.suffix(2).contains { $0.contains("RESTRICTED") }, "page \(i + 1) ends with the marking")
            #expect(page.contains("Page \(i + 1) of \(pages.count)"), "page \(i + 1) is numbered")
            for line in lines {
                // An id or a date cut at a line's end: "C-" then "0107" on the next line.
                let last = line.split(separator: " ").last.map(String.init) ?? ""
                #expect(!(last.count <= 4 && last.hasSuffix("-") && last.dropLast().allSatisfy(\.isUppercase) && !last.dropLast().isEmpty),
                        "an id broken at the end of \"\(line)\" on page \(i + 1)")
                #expect(!(last.hasSuffix("/") && last.dropLast().allSatisfy { $0.isNumber || $0 == "/" }),
                        "a date broken at the end of \"\(line)\" on page \(i + 1)")
            }
        }
        #expect(desk.run(["audit"], as: "chair").output.contains("exported minutes \(meeting)"))
    }

    @Test func withoutWeasyPrintItSaysHowToGetItAndNothingIsWrittenOrRecorded() throws {
        let desk = DemoDesk(cases: 20, seed: 3)
        let before = desk.run(["audit"], as: "chair").output
        let pdf = desk.scratch.root + "/minutes.pdf"
        let refused = runProcess([maracBinary, "export", "minutes", "M-0001", "-o", pdf, "--store", desk.store, "--user", "coordinator"],
                                 environment: desk.environment.merging(["PATH": "/nonexistent"]) { $1 })
        #expect(refused.status == 1)
        #expect(refused.error.contains("WeasyPrint") && refused.error.contains("apt-get install weasyprint"), "\(refused.error)")
        #expect(refused.error.contains("--format html"), "and says what to do without it")
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(desk.run(["audit"], as: "chair").output == before, "nothing was recorded")
    }

    @Test func aPDFIsNotPrintedToATerminalAndFollowsTheFileName() throws {
        try #require(Self.toolsPresent, "\(Self.tools)")
        let desk = DemoDesk(cases: 20, seed: 3)
        let piped = desk.run(["export", "minutes", "M-0001", "--format", "pdf"])
        #expect(piped.status == 0 && piped.output.hasPrefix("%PDF"), "to a pipe, the PDF itself")
        let wrong = desk.run(["export", "minutes", "M-0001", "--format", "pdf", "-o", desk.scratch.root + "/m.html"])
        #expect(wrong.status == 64, "a PDF under an .html name is refused")
    }
}
