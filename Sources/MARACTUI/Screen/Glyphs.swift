/// The characters that draw lines, markers and bars: Unicode where the terminal shows it,
/// plain ASCII for screen readers, old terminals and `--ascii`.
public struct Glyphs: Sendable {
    public var horizontal: String
    public var vertical: String
    public var selectionMarker: String
    public var tagMarker: String
    public var ellipsis: String
    public var barFull: String
    public var barEmpty: String
    public var separator: String
    public var overdue: String
    public var check: String
    public var bullet: String
    public var arrow: String
    /// Every character drawn is made ASCII (Canvas.put), names and prose too, not only these.
    public var asciiOnly = false

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", selectionMarker: "▶", tagMarker: "●",
                                       ellipsis: "…", barFull: "█", barEmpty: "░", separator: " │ ", overdue: "!",
                                       check: "✓", bullet: "•", arrow: "→")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", selectionMarker: ">", tagMarker: "*",
                                     ellipsis: "~", barFull: "#", barEmpty: ".", separator: " | ", overdue: "!",
                                     check: "x", bullet: "-", arrow: "->", asciiOnly: true)
}
