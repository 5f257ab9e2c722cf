/// The 2-D picture of a plan on a two-feature instance: majority circles, minority crosses,
/// coloured by true label, flipped points ringed, and decision boundaries before and after.
///
/// Coordinates are the data's own (not standardised), so the picture matches the CSV.
public struct ToyPicture: Sendable {
    /// One training point.
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        public var minority: Bool
        /// True label favourable.
        public var positive: Bool
        public var flipped: Bool
        public init(x: Double, y: Double, minority: Bool, positive: Bool, flipped: Bool) {
            self.x = x
            self.y = y
            self.minority = minority
            self.positive = positive
            self.flipped = flipped
        }
    }

    /// A decision boundary `a x + b y + c = 0` (score 0), drawn as a labelled line.
    public struct Boundary: Sendable {
        public var label: String
        public var a: Double
        public var b: Double
        public var c: Double
        public var color: String
        public var dash: String?
        public init(label: String, a: Double, b: Double, c: Double, color: String, dash: String? = nil) {
            self.label = label
            self.a = a
            self.b = b
            self.c = c
            self.color = color
            self.dash = dash
        }
    }

    public var title: String
    public var subtitle: String?
    public var xLabel: String
    public var yLabel: String
    public var points: [Point]
    public var boundaries: [Boundary]
    public var width: Double = 900
    public var height: Double = 680

    public init(title: String, xLabel: String, yLabel: String, points: [Point], boundaries: [Boundary]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
        self.boundaries = boundaries
    }

    static let positiveColor = "#0072B2"
    static let negativeColor = "#D55E00"
    static let flipColor = "#009E73"

    /// The picture as an SVG document.
    public func render() -> String {
        let legendWidth = 250.0
        let left = 64.0, right = width - legendWidth, top = subtitle == nil ? 44.0 : 60.0, bottom = height - 54
        let sx = AxisScale(values: points.map(\.x), start: left, end: right, tickCount: 8)
        let sy = AxisScale(values: points.map(\.y), start: bottom, end: top, tickCount: 7)
        var c = SVGCanvas(width: width, height: height)
        c.text(title, x: left, y: 24, size: 16, weight: "bold")
        if let subtitle { c.text(subtitle, x: left, y: 42, size: 12, fill: "#555") }
        c.axes(left: left, right: right, top: top, bottom: bottom, x: sx, y: sy, xLabel: xLabel, yLabel: yLabel,
               labelSize: 13, grid: "#eeeeee")

        for p in points {
            let (x, y) = (sx.map(p.x), sy.map(p.y))
            let color = p.positive ? Self.positiveColor : Self.negativeColor
            if p.flipped { c.circle(x, y, r: 9, fill: "none", stroke: Self.flipColor, strokeWidth: 2.5) }
            if p.minority {
                c.marker(.cross, x: x, y: y, size: 7, color: color)
            } else {
                c.circle(x, y, r: 3.6, fill: "none", stroke: color, strokeWidth: 1.4)
            }
        }

        // Boundaries, clipped to the plot area.
        c.raw("<clipPath id=\"plot-area\"><rect x=\"\(SVGCanvas.n(left))\" y=\"\(SVGCanvas.n(top))\" "
              + "width=\"\(SVGCanvas.n(right - left))\" height=\"\(SVGCanvas.n(bottom - top))\"/></clipPath>")
        c.raw("<g clip-path=\"url(#plot-area)\">")
        for b in boundaries {
            guard let (p, q) = segment(b, sx: sx, sy: sy) else { continue }
            c.line(sx.map(p.0), sy.map(p.1), sx.map(q.0), sy.map(q.1), stroke: b.color, width: 2.5, dash: b.dash)
        }
        c.raw("</g>")

        // Legend: symbols centred 12 px into it.
        var legend = SVGLegend(x: right + 20 + 12, y: top + 8, textOffset: 20, spacing: 22)
        legend.entry("majority, label 1", on: &c) { $0.circle($1, $2, r: 3.6, fill: "none", stroke: Self.positiveColor, strokeWidth: 1.4) }
        legend.entry("majority, label 0", on: &c) { $0.circle($1, $2, r: 3.6, fill: "none", stroke: Self.negativeColor, strokeWidth: 1.4) }
        legend.entry("minority, label 1", on: &c) { $0.marker(.cross, x: $1, y: $2, size: 7, color: Self.positiveColor) }
        legend.entry("minority, label 0", on: &c) { $0.marker(.cross, x: $1, y: $2, size: 7, color: Self.negativeColor) }
        legend.entry("flipped (0 → 1)", on: &c) { $0.circle($1, $2, r: 9, fill: "none", stroke: Self.flipColor, strokeWidth: 2.5) }
        legend.y += 8
        for b in boundaries {
            legend.entry(b.label, on: &c) { $0.line($1 - 12, $2, $1 + 12, $2, stroke: b.color, width: 2.5, dash: b.dash) }
        }
        return c.render()
    }

    /// Two points of the boundary line well outside the plot (the clip path trims it).
    private func segment(_ b: Boundary, sx: AxisScale, sy: AxisScale) -> ((Double, Double), (Double, Double))? {
        let spanX = sx.upper - sx.lower, spanY = sy.upper - sy.lower
        if abs(b.b) * spanY >= abs(b.a) * spanX * 1e-9, abs(b.b) > 0, abs(b.b) / spanY >= abs(b.a) / spanX {
            let x0 = sx.lower - spanX, x1 = sx.upper + spanX
            return ((x0, -(b.a * x0 + b.c) / b.b), (x1, -(b.a * x1 + b.c) / b.b))
        }
        guard abs(b.a) > 0 else { return nil }
        let y0 = sy.lower - spanY, y1 = sy.upper + spanY
        return ((-(b.b * y0 + b.c) / b.a, y0), (-(b.b * y1 + b.c) / b.a, y1))
    }
}
