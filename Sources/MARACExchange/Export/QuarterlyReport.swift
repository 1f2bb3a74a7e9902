import Foundation
import MARACCore

/// `marac report quarterly`: the MARAC data return for a quarter, each figure with what was
/// counted, beside the national figure where SafeLives publishes one.
public struct QuarterlyReport {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public let figures: DataReturn
    public let maracName: String

    public init(state: MARACState, quarter: Quarter) {
        figures = state.dataReturn(for: quarter)
        maracName = state.profile.maracName
    }

    struct Row {
        var key: String
        var label: String
        var value: Double
        var isCount: Bool
        var percent: Double?
        var national: Double?
        var definition: String
    }

    var rows: [Row] {
        var out = figures.figures.map {
            Row(key: $0.key, label: $0.label, value: Double($0.value ?? 0), isCount: true, percent: $0.percent,
                national: DataReturn.nationalPercent[$0.key], definition: $0.definition)
        }
        let kinds = figures.referralsByAgencyKind.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        for (kind, count) in kinds {
            out.append(Row(key: "referrals_from_\(kind.rawValue.replacingHyphens)", label: "Referred by: \(kind.label)",
                           value: Double(count), isCount: true, percent: figures.percent(count), national: nil,
                           definition: "Cases discussed whose referring agency is of kind \(kind.label.lowercased())."))
        }
        if let per10k = figures.casesPer10kAdultFemales {
            out.append(Row(key: DataReturn.casesPer10k.key, label: DataReturn.casesPer10k.label,
                           value: per10k, isCount: false, percent: nil, national: DataReturn.nationalCasesPer10k,
                           definition: DataReturn.casesPer10k.definition))
        }
        return out
    }

    /// The report as `--format json` gives it.
    struct Document: Encodable {
        var marac: String
        var quarter: String
        var from: String
        var to: String
        var figures: [Figure]
    }

    /// One figure: a count is a whole number; a rate has one decimal place.
    struct Figure: Encodable {
        var key: String
        var label: String
        var value: Value
        @OrNull var percent: Double?
        @OrNull var national: Double?
        var definition: String

        enum Value: Encodable {
            case count(Int), rate(Double)
            func encode(to encoder: Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .count(let n): try c.encode(n)
                case .rate(let v): try c.encode(v)
                }
            }
        }

        init(_ r: Row) {
            key = r.key
            label = r.label
            value = r.isCount ? .count(Int(r.value)) : .rate(FigureText.roundedToTenths(r.value))
            percent = r.percent.map(FigureText.roundedToTenths)
            national = r.national
            definition = r.definition
        }
    }

    static func number(_ v: Double, count: Bool) -> String { count ? String(Int(v)) : FigureText.oneDecimal(v) }
    static func percent(_ v: Double?) -> String { v.map(FigureText.percent) ?? "" }

    public func render(_ format: Format) -> String {
        let q = figures.quarter
        switch format {
        case .json:
            return JSONOutput.render(Document(marac: maracName, quarter: q.description, from: q.firstDay.iso, to: q.lastDay.iso,
                                              figures: rows.map(Figure.init)))
        case .csv:
            return CSVText.render(headers: ["key", "label", "value", "percent", "national", "definition"],
                                  rows: rows.map { [$0.key, $0.label, Self.number($0.value, count: $0.isCount),
                                                    $0.percent.map(FigureText.oneDecimal) ?? "",
                                                    $0.national.map(FigureText.oneDecimal) ?? "", $0.definition] })
        case .table:
            var out = "\(maracName): MARAC data return for \(q) (\(q.firstDay.long) to \(q.lastDay.long))\n\n"
            let labelWidth = rows.map { TextWidth.of($0.label) }.max() ?? 10
            out += "Figure".padded(toWidth: labelWidth) + "   Value        %   National\n"
            out += String(repeating: "-", count: labelWidth) + "  ------  -------  --------\n"
            for r in rows {
                let value = Self.number(r.value, count: r.isCount)
                let national = r.national.map { r.isCount ? Self.percent($0) : FigureText.oneDecimal($0) } ?? ""
                let line = r.label.padded(toWidth: labelWidth) + "  " + value.padded(toWidth: 6, alignRight: true) + "  "
                    + Self.percent(r.percent).padded(toWidth: 7, alignRight: true) + "  " + national.padded(toWidth: 8, alignRight: true)
                out += line.trimmingTrailingSpaces() + "\n"
                for line in wrap(r.definition, width: 88) { out += "    " + line + "\n" }
            }
            out += "\nNational figures: SafeLives, twelve months to June 2023.\n"
            return out
        }
    }
}

extension String {
    var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}
