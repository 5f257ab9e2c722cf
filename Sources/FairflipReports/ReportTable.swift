/// A table for reports, rendered as Markdown (GitHub pipes) or as HTML; highlighted rows
/// (the best method at a budget) are bold in both.
public struct ReportTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Row indices shown in bold.
    public var highlighted: Set<Int> = []
    /// Columns aligned right (numbers).
    public var numericColumns: Set<Int> = []

    public init(headers: [String]) { self.headers = headers }

    public mutating func append(_ row: [String], highlight: Bool = false) {
        precondition(row.count == headers.count, "a row needs one cell per column")
        if highlight { highlighted.insert(rows.count) }
        rows.append(row)
    }

    /// GitHub-flavoured Markdown.
    public func markdown() -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + headers.map(esc).joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { numericColumns.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for (i, row) in rows.enumerated() {
            let cells = row.map { cell -> String in
                let e = esc(cell)
                return highlighted.contains(i) && !e.isEmpty ? "**\(e)**" : e
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// An HTML `<table>`.
    public func html() -> String {
        var out = "<table>\n<thead><tr>"
        for (j, h) in headers.enumerated() {
            out += "<th\(numericColumns.contains(j) ? " class=\"num\"" : "")>\(SVGCanvas.escape(h))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (i, row) in rows.enumerated() {
            out += highlighted.contains(i) ? "<tr class=\"best\">" : "<tr>"
            for (j, cell) in row.enumerated() {
                out += "<td\(numericColumns.contains(j) ? " class=\"num\"" : "")>\(SVGCanvas.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
