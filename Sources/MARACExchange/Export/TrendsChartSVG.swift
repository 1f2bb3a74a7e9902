import Foundation
import MARACCore

/// One figure's bars as inline SVG for the trends paper: the expected range as a shaded band,
/// the national figure as a dashed line, each bar's value above it and, under a bar outside
/// the range, the word "below" or "above", so that nothing rests on colour and the chart prints
/// in black and white. A hidden count (the small-number rule) draws no bar, only its words.
struct TrendsChartSVG {
    let report: TrendsReport
    let figure: FigureTrend

    static let width = 640.0, height = 218.0
    static let left = 56.0, right = 620.0, top = 30.0, bottom = 176.0

    var svg: String {
        let shown = report.shown(figure)
        let values = shown.compactMap(\.value)
        var ceiling = ([figure.range?.low, figure.range?.high, figure.national].compactMap { $0 } + values).max() ?? 0
        ceiling = max(1, ceiling * 1.15)
        if figure.measure == .percent { ceiling = min(ceiling, 100) }
        func y(_ v: Double) -> Double { Self.bottom - (min(v, ceiling) / ceiling) * (Self.bottom - Self.top) }
        let unit = figure.unit
        let id = "chart-" + figure.key.replacingOccurrences(of: "_", with: "-")
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">")
        parts.append("<title id=\"\(id)-title\">\(HTMLRenderer.escape(figure.label))</title>")
        parts.append("<desc id=\"\(id)-desc\">\(HTMLRenderer.escape(report.words(figure)))</desc>")
        if let range = figure.range {
            let top = y(range.high ?? ceiling), bottom = y(range.low ?? 0)
            parts.append(rect(x: Self.left, y: top, width: Self.right - Self.left, height: max(1, bottom - top), style: "fill=\"#dde6dd\" stroke=\"#7a9a7a\" stroke-width=\"0.5\""))
            parts.append(rect(x: Self.left, y: 4, width: 14, height: 10, style: "fill=\"#dde6dd\" stroke=\"#7a9a7a\" stroke-width=\"0.5\""))
            parts.append(text("expected range \(range.text)\(unit) (\(figure.rangeSource == "area" ? "this MARAC's" : "SafeLives"))", x: Self.left + 18, y: 13, anchor: "start"))
        }
        // The axis: zero, half and the top.
        for v in [0, ceiling / 2, ceiling] {
            parts.append("<line x1=\"\(n(Self.left - 4))\" y1=\"\(n(y(v)))\" x2=\"\(n(Self.left))\" y2=\"\(n(y(v)))\" stroke=\"#000\"/>")
            parts.append(text(axisLabel(v) + unit, x: Self.left - 6, y: y(v) + 4, anchor: "end"))
        }
        parts.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.top))\" x2=\"\(n(Self.left))\" y2=\"\(n(Self.bottom))\" stroke=\"#000\"/>")
        parts.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.bottom))\" x2=\"\(n(Self.right))\" y2=\"\(n(Self.bottom))\" stroke=\"#000\"/>")
        // Under the bars, so that a bar and its value stay readable across it.
        if let national = figure.national, national <= ceiling {
            parts.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(y(national)))\" x2=\"\(n(Self.right))\" y2=\"\(n(y(national)))\" stroke=\"#000\" stroke-dasharray=\"5 4\"/>")
            parts.append("<line x1=\"\(n(Self.right - 150))\" y1=\"9\" x2=\"\(n(Self.right - 130))\" y2=\"9\" stroke=\"#000\" stroke-dasharray=\"5 4\"/>")
            parts.append(text("national \(figure.nationalText ?? "")", x: Self.right - 126, y: 13, anchor: "start"))
        }
        let slot = (Self.right - Self.left) / Double(max(1, shown.count))
        for (i, s) in shown.enumerated() {
            let centre = Self.left + slot * (Double(i) + 0.5)
            if let v = s.value {
                let barTop = y(v)
                parts.append(rect(x: centre - slot * 0.3, y: barTop, width: slot * 0.6, height: max(0.5, Self.bottom - barTop),
                                  style: "fill=\"#3a3a3a\""))
                parts.append(text(s.text, x: centre, y: barTop - 3, anchor: "middle"))
            } else {
                parts.append(text(s.text, x: centre, y: Self.bottom - 4, anchor: "middle", style: "font-style=\"italic\" font-size=\"9\""))
            }
            parts.append(text(s.point.quarter.description, x: centre, y: Self.bottom + 16, anchor: "middle"))
            if let p = s.position, p != .within {
                parts.append(text(p == .below ? "below" : "above", x: centre, y: Self.bottom + 30, anchor: "middle", style: "font-weight=\"bold\""))
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    func axisLabel(_ v: Double) -> String {
        v >= 10 || v == 0 || figure.measure == .count ? String(Int(v.rounded())) : FigureText.oneDecimal(v)
    }

    func n(_ v: Double) -> String { FigureText.oneDecimal(v) }

    func rect(x: Double, y: Double, width: Double, height: Double, style: String) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" \(style)/>"
    }

    func text(_ t: String, x: Double, y: Double, anchor: String, style: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(style.isEmpty ? "" : " " + style)>\(HTMLRenderer.escape(t))</text>"
    }
}
