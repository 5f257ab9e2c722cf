/// A grouped bar chart drawn as SVG: categories along x, one bar per series in each, value labels.
///
/// The report uses it for per-group TPR and FPR before and after the best plan.
public struct SVGBarChart: Sendable {
    public var title: String
    public var yLabel: String
    public var subtitle: String?
    /// Category names along the x axis.
    public var categories: [String]
    /// Series: name, colour and one value per category (nil = undefined, no bar).
    public var series: [(name: String, color: String, values: [Double?])]
    public var width: Double = 760
    public var height: Double = 400

    public init(title: String, yLabel: String, categories: [String],
                series: [(name: String, color: String, values: [Double?])]) {
        self.title = title
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
    }

    /// The chart as an SVG document.
    public func render() -> String {
        // The legend is as wide as its longest entry; the picture widens when it needs more than 190 px.
        let (legendWidth, width) = SVGLegend.fit(series.map(\.name), width: self.width)
        let left = 72.0, right = width - legendWidth, top = subtitle == nil ? 42.0 : 58.0, bottom = height - 50
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let sy = AxisScale(values: values, include: [0], start: bottom, end: top)
        var c = SVGCanvas(width: width, height: height)
        c.text(title, x: left, y: 22, size: 15, weight: "bold")
        if let subtitle { c.text(subtitle, x: left, y: 40, size: 11, fill: "#555") }
        c.axes(left: left, right: right, top: top, bottom: bottom, x: nil, y: sy, xLabel: nil, yLabel: yLabel)

        let slot = (right - left) / Double(max(1, categories.count))
        let barWidth = slot * 0.7 / Double(max(1, series.count))
        for (i, name) in categories.enumerated() {
            let x0 = left + Double(i) * slot + slot * 0.15
            c.text(name, x: left + (Double(i) + 0.5) * slot, y: bottom + 20, size: 12, anchor: "middle")
            for (j, s) in series.enumerated() {
                guard let v = s.values[i] else { continue }
                let x = x0 + Double(j) * barWidth
                let y = sy.map(max(v, 0)), y0 = sy.map(min(v, 0))
                c.rect(x + 1, y, barWidth - 2, y0 - y, fill: s.color)
                c.text(formatted(v, digits: 2), x: x + barWidth / 2, y: y - 4, size: 10, anchor: "middle")
            }
        }
        var legend = SVGLegend(x: right + 18, y: top + 6, textOffset: 30, spacing: 20)
        for s in series {
            legend.entry(s.name, on: &c) { c, x, y in c.rect(x, y - 6, 22, 12, fill: s.color) }
        }
        return c.render()
    }
}
