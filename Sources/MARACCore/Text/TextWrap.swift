/// Long text as lines of at most `width` columns, broken at spaces where possible.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = TextWidth.of(w)
            if lineWidth > 0 && lineWidth + 1 + ww > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while ww > width {
                // A word longer than the line: break it.
                var head = ""
                var hw = 0
                var rest = Substring(w)
                while let c = rest.first, hw + TextWidth.of(c) <= width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                    head.append(c)
                    hw += TextWidth.of(c)
                    rest = rest.dropFirst()
                }
                if head.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    continue
                }
                lines.append(lineWidth > 0 ? line + " " + head : head)
                line = ""
                lineWidth = 0
                w = String(rest)
                ww = TextWidth.of(w)
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += w
            lineWidth += ww
        }
        lines.append(line)
    }
    return lines
}
