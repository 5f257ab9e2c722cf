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
        let (legendWidth, width) = SVGLegend.fit(names, width: self.width)
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

        c.axes(left: left, right: right, top: top, bottom: bottom, x: sx, y: sy, xLabel: xLabel, yLabel: yLabel)

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

        var legend = SVGLegend(x: right + 18, y: top + 6, textOffset: 34, spacing: 20)
        for s in series {
            legend.entry(s.name, on: &c) { c, x, y in
                if s.connect { c.line(x, y, x + 26, y, stroke: s.color, width: 2, dash: s.dash) }
                if !s.band.isEmpty { c.rect(x, y - 6, 26, 12, fill: s.color, opacity: 0.13) }
                c.marker(s.marker, x: x + 13, y: y, size: 7, color: s.color)
            }
        }
        if !callouts.isEmpty {
            legend.entry("base model", on: &c) { c, x, y in c.marker(.star, x: x + 13, y: y, size: 12, color: "#FFD700") }
        }
        if diagonal {
            legend.entry("y = x", on: &c) { c, x, y in c.line(x, y, x + 26, y, stroke: "#888", width: 1.2, dash: "5,4") }
        }
        return c.render()
    }
}
