/// An x-y chart drawn as SVG: lines with markers, shaded bands, scatter points, a y = x
/// reference, labelled special points, axes with ticks and labels, a title and a legend.
///
/// The sweep report's line, band, Pareto and scatter plots are all instances of it.
public struct SVGPlot: Sendable {
    /// One legend entry: a line and/or markers, optionally a band around it.
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var marker: MarkerShape
        /// Points joined in order when `connect` is true.
        public var points: [(x: Double, y: Double)]
        /// Band as (x, low, high), drawn shaded behind the line.
        public var band: [(x: Double, low: Double, high: Double)]
        public var connect: Bool
        public var dash: String?

        public init(name: String, color: String, marker: MarkerShape = .circle, points: [(x: Double, y: Double)],
                    band: [(x: Double, low: Double, high: Double)] = [], connect: Bool = true, dash: String? = nil) {
            self.name = name
            self.color = color
            self.marker = marker
            self.points = points
            self.band = band
            self.connect = connect
            self.dash = dash
        }
    }

    /// A point called out with a star and a label (e.g. the base model).
    public struct Callout: Sendable {
        public var label: String
        public var x: Double
        public var y: Double
        public init(label: String, x: Double, y: Double) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series] = []
    public var callouts: [Callout] = []
    /// Draw the diagonal y = x (for predicted-vs-actual scatters).
    public var diagonal = false
    /// Values the axes must include (e.g. 0 for gaps).
    public var includeX: [Double] = []
    public var includeY: [Double] = []
    /// A note under the title (what the band means, ...).
    public var subtitle: String?
    public var width: Double = 760
    public var height: Double = 420

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as an SVG document.
    public func render() -> String {
        // The legend is as wide as its longest entry; the picture widens when it needs more than 190 px.
        let names = series.map(\.name) + (callouts.isEmpty ? [] : ["base model"])
        let legendWidth = max(150, 52 + (names.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0))
        let width = self.width + max(0, legendWidth - 190)
        let top = subtitle == nil ? 42.0 : 58.0
        // ... and the picture grows taller when the legend has more entries than fit beside the plot.
        let entries = Double(names.count + (diagonal ? 1 : 0))
        let height = max(self.height, top + 30 + 20 * entries + 56)
        let left = 72.0, right = width - legendWidth, bottom = height - 56
        var xs = series.flatMap { s in s.points.map(\.x) + s.band.map(\.x) } + callouts.map(\.x)
        var ys = series.flatMap { s in s.points.map(\.y) + s.band.flatMap { [$0.low, $0.high] } } + callouts.map(\.y)
        if diagonal {
            let both = xs + ys
            xs = both
            ys = both
        }
        let sx = AxisScale(values: xs, include: includeX, start: left, end: right)
        let sy = AxisScale(values: ys, include: includeY, start: bottom, end: top)
        var c = SVGCanvas(width: width, height: height)
        c.text(title, x: left, y: 22, size: 15, weight: "bold")
        if let subtitle { c.text(subtitle, x: left, y: 40, size: 11, fill: "#555") }

        // Grid, ticks and tick labels.
        for t in sx.ticks {
            let x = sx.map(t)
            c.line(x, top, x, bottom, stroke: "#e4e4e4")
            c.line(x, bottom, x, bottom + 5, stroke: "#444")
            c.text(sx.label(t), x: x, y: bottom + 18, size: 11, anchor: "middle")
        }
        for t in sy.ticks {
            let y = sy.map(t)
            c.line(left, y, right, y, stroke: "#e4e4e4")
            c.line(left - 5, y, left, y, stroke: "#444")
            c.text(sy.label(t), x: left - 8, y: y + 4, size: 11, anchor: "end")
        }
        c.line(left, bottom, right, bottom, stroke: "#444")
        c.line(left, top, left, bottom, stroke: "#444")
        c.text(xLabel, x: (left + right) / 2, y: height - 14, size: 12, anchor: "middle")
        c.text(yLabel, x: 18, y: (top + bottom) / 2, size: 12, anchor: "middle", rotate: -90)

        if diagonal {
            let lo = max(sx.lower, sy.lower), hi = min(sx.upper, sy.upper)
            c.line(sx.map(lo), sy.map(lo), sx.map(hi), sy.map(hi), stroke: "#888", width: 1.2, dash: "5,4")
        }
        for s in series where s.band.count > 1 {
            let upper = s.band.map { (sx.map($0.x), sy.map($0.high)) }
            let lower = s.band.reversed().map { (sx.map($0.x), sy.map($0.low)) }
            c.polygon(upper + lower, fill: s.color, opacity: 0.13)
        }
        for s in series {
            if s.connect { c.polyline(s.points.map { (sx.map($0.x), sy.map($0.y)) }, stroke: s.color, dash: s.dash) }
            for p in s.points { c.marker(s.marker, x: sx.map(p.x), y: sy.map(p.y), size: 7, color: s.color) }
        }
        for p in callouts {
            c.marker(.star, x: sx.map(p.x), y: sy.map(p.y), size: 14, color: "#FFD700")
            c.text(p.label, x: sx.map(p.x) + 10, y: sy.map(p.y) - 8, size: 11, weight: "bold")
        }

        // Legend.
        var ly = top + 6
        let lx = right + 18
        for s in series {
            if s.connect { c.line(lx, ly, lx + 26, ly, stroke: s.color, width: 2, dash: s.dash) }
            if !s.band.isEmpty { c.rect(lx, ly - 6, 26, 12, fill: s.color, opacity: 0.13) }
            c.marker(s.marker, x: lx + 13, y: ly, size: 7, color: s.color)
            c.text(s.name, x: lx + 34, y: ly + 4, size: 12)
            ly += 20
        }
        if !callouts.isEmpty {
            c.marker(.star, x: lx + 13, y: ly, size: 12, color: "#FFD700")
            c.text("base model", x: lx + 34, y: ly + 4, size: 12)
            ly += 20
        }
        if diagonal {
            c.line(lx, ly, lx + 26, ly, stroke: "#888", width: 1.2, dash: "5,4")
            c.text("y = x", x: lx + 34, y: ly + 4, size: 12)
        }
        return c.render()
    }
}
