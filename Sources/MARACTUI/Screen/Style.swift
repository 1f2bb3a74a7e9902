/// What a piece of text is, rather than what colour it is: the theme decides how each role
/// looks, so the same screen works in colour, in monochrome and with NO_COLOR.
public enum StyleRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case title
    case header
    case selected
    case status
    case statusAlert
    case dim
    case warning
    case danger
    case good
    case accent
    case tagged
    case selectedTagged
    case input
}

/// How a role is drawn: an optional colour pair and attributes. Attributes (bold, reverse,
/// underline) carry the meaning alone when colours are off, so the selection never depends on
/// colour.
public struct Style: Hashable, Sendable {
    public enum Color: Int16, Hashable, Sendable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// The styles for each role, in colour or monochrome.
public struct Theme: Sendable {
    public var styles: [StyleRole: Style]
    public var usesColor: Bool

    public func style(_ role: StyleRole) -> Style { styles[role] ?? .plain }

    public static let color = Theme(styles: [
        .normal: .plain,
        .title: Style(foreground: .cyan, bold: true),
        .header: Style(foreground: .yellow, bold: true),
        .selected: Style(reverse: true),
        .status: Style(foreground: .black, background: .cyan),
        .statusAlert: Style(foreground: .white, background: .red, bold: true),
        .dim: Style(dim: true),
        .warning: Style(foreground: .yellow),
        .danger: Style(foreground: .red, bold: true),
        .good: Style(foreground: .green),
        .accent: Style(foreground: .magenta, bold: true),
        .tagged: Style(foreground: .green, bold: true),
        .selectedTagged: Style(bold: true, reverse: true),
        .input: Style(underline: true),
    ], usesColor: true)

    public static let monochrome = Theme(styles: [
        .normal: .plain,
        .title: Style(bold: true),
        .header: Style(bold: true, underline: true),
        .selected: Style(reverse: true),
        .status: Style(reverse: true),
        .statusAlert: Style(bold: true, reverse: true),
        .dim: Style(dim: true),
        .warning: Style(bold: true),
        .danger: Style(bold: true),
        .good: .plain,
        .accent: Style(bold: true),
        .tagged: Style(bold: true),
        .selectedTagged: Style(bold: true, reverse: true),
        .input: Style(underline: true),
    ], usesColor: false)
}
