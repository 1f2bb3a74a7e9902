import MARACCore
import Testing
@testable import MARACTUI

@Suite struct FormTests {
    static let today = Day(year: 2026, month: 11, day: 28)!

    static func form() -> Form {
        Form(title: "New action", fields: [
            FormField("agency", "Agency", kind: .choice(["Northbridge Police", "Northbridge Homes", "Children's Social Care"]), required: true),
            FormField("description", "Description", required: true),
            FormField("due", "Due", kind: .date, required: true),
            FormField("aware", "Victim aware", kind: .answer),
            FormField("notes", "Notes", kind: .notes),
        ])
    }

    func press(_ form: inout Form, _ keys: Key...) -> Form.Outcome {
        var last = Form.Outcome.editing
        for k in keys { last = form.handle(k) }
        return last
    }

    func type(_ form: inout Form, _ text: String) {
        for c in text { _ = form.handle(.character(c)) }
    }

    @Test func choicesNarrowAsYouTypeAndEnterTakesTheFirstMatch() {
        var f = Self.form()
        type(&f, "homes")
        #expect(f.fields[0].matches == ["Northbridge Homes"])
        _ = press(&f, .enter)
        #expect(f["agency"] == "Northbridge Homes")
        #expect(f.focus == 1)
        _ = press(&f, .backTab, .control("u"))
        type(&f, "north")
        #expect(f.fields[0].matches.count == 2)
        _ = press(&f, .right)
        #expect(f["agency"] == "Northbridge Police")
        _ = press(&f, .right)
        #expect(f["agency"] == "Northbridge Homes")
    }

    @Test func daysAreTypedAsPeopleWriteThem() {
        var f = Self.form()
        f["agency"] = "Northbridge Police"
        f["description"] = "Flag the address"
        f.focus = 2
        type(&f, "+2w")
        let valid = f.validate(today: Self.today)
        #expect(valid)
        #expect(f.day("due", today: Self.today) == Day(year: 2026, month: 12, day: 12))
        f["due"] = "31/02/2027"
        let invalid = f.validate(today: Self.today)
        #expect(!invalid)
        #expect(f.fields[2].error?.contains("not a date") == true)
        #expect(f.focus == 2, "the form goes to the field that is wrong")
    }

    @Test func answersAreYesNoOrDontKnow() {
        var f = Self.form()
        f.focus = 3
        _ = press(&f, .character("d"))
        #expect(f.answer("aware") == .notKnown)
        #expect(f["aware"] == "don't know")
        _ = press(&f, .character("y"))
        #expect(f.answer("aware") == .yes)
        _ = press(&f, .character(" "))
        #expect(f.answer("aware") == .no)
    }

    @Test func notesTakeLineBreaksAndWrap() {
        var f = Self.form()
        f.focus = 4
        type(&f, "First line")
        _ = press(&f, .enter)
        type(&f, "second")
        #expect(f["notes"] == "First line\nsecond")
        #expect(f.focus == 4, "Enter in notes is a new line, not the next field")
    }

    @Test func requiredFieldsAndTheCoresErrorsShowBesideTheirField() {
        var f = Self.form()
        let empty = f.validate(today: Self.today)
        #expect(!empty)
        #expect(f.fields[0].error == "required")
        f["agency"] = "Northbridge Police"
        f["description"] = "Flag the address"
        f["due"] = "today"
        let filled = f.validate(today: Self.today)
        #expect(filled)
        let refusal = DomainError.actionDueBeforeMeeting(due: Self.today, meetingDate: Self.today.adding(days: 1))
        f.show(error: refusal.message, field: refusal.field)
        #expect(f.fields[2].error?.contains("before the meeting") == true)
        #expect(f.focus == 2)
        var canvas = Canvas(rows: 30, columns: 110)
        f.draw(&canvas, region: canvas.full, today: Self.today)
        let screen = (0..<30).map { canvas.text(ofRow: $0) }.joined(separator: "\n")
        #expect(screen.contains("before the meeting"))
        let dueRow = (0..<30).first { canvas.text(ofRow: $0).contains("Due") }!
        #expect(canvas.text(ofRow: dueRow + 1).contains("before the meeting"), "the error is on the line under its field")
    }

    @Test func escapeAsksBeforeThrowingAwayChanges() {
        var f = Self.form()
        #expect(press(&f, .escape) == .cancelled, "nothing typed: closes at once")
        f = Self.form()
        type(&f, "po")
        #expect(press(&f, .escape) == .editing)
        #expect(f.confirmingCancel)
        #expect(press(&f, .character("n")) == .editing, "any other key goes back")
        #expect(f["agency"] == "po")
        #expect(press(&f, .escape, .character("y")) == .cancelled)
    }

    @Test func ctrlSOrEnterOnTheLastFieldSaves() {
        var f = Self.form()
        #expect(press(&f, .control("s")) == .submit)
        f.focus = 3
        #expect(press(&f, .enter) == .editing)
        #expect(f.focus == 4)
    }

    /// As a selected field in any form: the first printable key replaces a filled value; an
    /// arrow, Home or End first keeps it for editing.
    @Test func theFirstKeyInAFilledFieldReplacesItAndAnArrowFirstKeepsIt() {
        var f = Form(title: "Action", fields: [
            FormField("owner", "Owner", value: "Jo Smiht"),
            FormField("due", "Due", kind: .date, value: "+14d"),
            FormField("notes", "Notes", kind: .notes, value: "Kept"),
        ])
        type(&f, "Jo Smith")
        #expect(f["owner"] == "Jo Smith")
        _ = press(&f, .tab)
        type(&f, "+7d")
        #expect(f["due"] == "+7d", "not +14d+7d")
        _ = press(&f, .backTab, .end, .backspace)
        type(&f, "h!")
        #expect(f["owner"] == "Jo Smith!", "End first: the value is edited, not replaced")
        _ = press(&f, .tab, .tab)
        type(&f, " and more")
        #expect(f["notes"] == "Kept and more", "a note is never replaced by one key")
    }

    @Test func aChoiceOffersEveryOptionOnArrivalAndSpaceGoesThroughThem() {
        var f = Form(title: "Attendance", fields: [
            FormField("name", "Name", value: "x"),
            FormField("attendance", "Attendance", kind: .choice(["present", "apologies", "absent"]), value: "present"),
        ])
        _ = press(&f, .tab)
        #expect(f.fields[1].matches == ["present", "apologies", "absent"], "all choices, not only the one filled in")
        var canvas = Canvas(rows: 12, columns: 100)
        f.draw(&canvas, region: canvas.full, today: Self.today)
        #expect((0..<12).map { canvas.text(ofRow: $0) }.joined().contains("present / apologies / absent"))
        _ = press(&f, .character(" "))
        #expect(f["attendance"] == "apologies")
        _ = press(&f, .right, .right)
        #expect(f["attendance"] == "present", "round again")
        _ = press(&f, .backTab, .tab)
        type(&f, "ab")
        _ = press(&f, .enter)
        #expect(f["attendance"] == "absent", "typing the first letters chooses")
    }

    @Test func enterInAOneLineFieldGoesOnAndANotesFieldSaysHowToAddALine() {
        var f = Self.form()
        f.focus = 1
        type(&f, "Flag the address")
        _ = press(&f, .enter)
        #expect(f.focus == 2 && f["description"] == "Flag the address")
        f.focus = 4
        var canvas = Canvas(rows: 20, columns: 110)
        f.draw(&canvas, region: canvas.full, today: Self.today)
        #expect(canvas.text(ofRow: 19).contains("Enter adds a line"))
    }
}
