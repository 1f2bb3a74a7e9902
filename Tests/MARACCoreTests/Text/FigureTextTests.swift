import Testing
@testable import MARACCore

/// One decimal place, the same on screen and in reports.
@Suite struct FigureTextTests {
    @Test(arguments: [
        (2.25, "2.3"), (2.35, "2.4"), (0.05, "0.1"), (0.15, "0.2"), (-0.5, "-0.5"), (-2.25, "-2.3"),
        (0, "0.0"), (-0.04, "0.0"), (0.04, "0.0"), (9.95, "10.0"), (40, "40.0"), (123.456, "123.5"), (-0.05, "-0.1"),
    ])
    func halvesRoundAwayFromZeroAndTheSignIsKept(value: Double, text: String) {
        #expect(FigureText.oneDecimal(value) == text)
    }

    @Test func whatIsNotANumberIsADash() {
        #expect(FigureText.oneDecimal(.nan) == "-")
        #expect(FigureText.oneDecimal(.infinity) == "-")
        #expect(FigureText.oneDecimal(1e300) == "-")
    }

    @Test func percentagesAndJSONNumbersFollowTheSameRule() {
        #expect(FigureText.percent(12.25) == "12.3%")
        #expect(FigureText.roundedToTenths(2.25) == 2.3)
        #expect(FigureText.roundedToTenths(-0.45) == -0.5)
    }
}
