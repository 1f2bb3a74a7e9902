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

/// One line wrapped so that what follows lines up under its text: under its indent, and under
/// the text after a list marker ("- ", "• ", "* ").
public func wrapHanging(_ line: String, width: Int) -> [String] {
    guard width > 0, TextWidth.of(line) > width else { return [line] }
    let indent = line.prefix { $0 == " " }.count
    let body = line.dropFirst(indent)
    let marker = body.count > 2 && body.dropFirst().first == " " && !(body.first!.isLetter || body.first!.isNumber) ? 2 : 0
    let hang = String(repeating: " ", count: min(indent + marker, width / 2))
    let first = wrap(line, width: width)
    guard first.count > 1 else { return first }
    return [first[0]] + wrap(first.dropFirst().joined(separator: " "), width: width - hang.count).map { hang + $0 }
}
