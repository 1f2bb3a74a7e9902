/// Figures with one decimal place, written the same way on the screen and in every report.
///
/// Halves round away from zero (2.25 is "2.3"), as a spreadsheet's ROUND does, because the
/// people who check the data return check it in a spreadsheet. The sign is kept (−0.5 is
/// "-0.5"), and a value that rounds to zero is "0.0", never "-0.0".
public enum FigureText {
    /// `v` to one decimal place: "12.5", "-0.5", "0.0". Not a number, or infinite: "-".
    ///
    /// - Parameter v: the figure.
    /// - Returns: its text, with a full stop as the decimal point whatever the locale.
    public static func oneDecimal(_ v: Double) -> String {
        guard v.isFinite else { return "-" }
        let tenths = (v * 10).rounded(.toNearestOrAwayFromZero)
        guard abs(tenths) < 9e17 else { return "-" }
        let n = Int64(tenths)
        let sign = n < 0 ? "-" : ""
        let whole = n.magnitude / 10, tenth = n.magnitude % 10
        return "\(sign)\(whole).\(tenth)"
    }

    /// `v` as a percentage to one decimal place: "12.5%".
    ///
    /// - Parameter v: the percentage (50 for half), not the fraction.
    public static func percent(_ v: Double) -> String { oneDecimal(v) + "%" }

    /// `v` rounded to one decimal place as a number, for JSON, by the same rule as the text.
    public static func roundedToTenths(_ v: Double) -> Double { (v * 10).rounded(.toNearestOrAwayFromZero) / 10 }
}
