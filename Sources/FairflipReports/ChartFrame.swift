/// Pieces every chart shares: the frame around the plot area (grid, ticks, axes, axis titles)
/// and the legend beside it. `SVGPlot`, `SVGBarChart` and `ToyPicture` are drawn with them.
extension SVGCanvas {
    /// The plot area's frame: for each scale, grid lines across the area, ticks and tick labels;
    /// then the two axis lines and the axis titles (the x title only when there is one).
    ///
    /// - Parameters:
    ///   - x: the x scale, or nil when the x axis has no numeric ticks (bar charts).
    ///   - grid: the grid lines' colour.
    mutating func axes(left: Double, right: Double, top: Double, bottom: Double, x sx: AxisScale?, y sy: AxisScale,
                       xLabel: String?, yLabel: String, labelSize: Double = 12, grid: String = "#e4e4e4") {
        if let sx {
            for t in sx.ticks {
                let x = sx.map(t)
                line(x, top, x, bottom, stroke: grid)
                line(x, bottom, x, bottom + 5, stroke: "#444")
                text(sx.label(t), x: x, y: bottom + 18, size: 11, anchor: "middle")
            }
        }
        for t in sy.ticks {
            let y = sy.map(t)
            line(left, y, right, y, stroke: grid)
            line(left - 5, y, left, y, stroke: "#444")
            text(sy.label(t), x: left - 8, y: y + 4, size: 11, anchor: "end")
        }
        line(left, bottom, right, bottom, stroke: "#444")
        line(left, top, left, bottom, stroke: "#444")
        if let xLabel { text(xLabel, x: (left + right) / 2, y: height - 14, size: labelSize, anchor: "middle") }
        text(yLabel, x: 18, y: (top + bottom) / 2, size: labelSize, anchor: "middle", rotate: -90)
    }
}

/// A legend: entries stacked downwards, each a symbol the caller draws at the entry's position
/// and its text `textOffset` to the right of that position.
struct SVGLegend {
    /// Where the next entry's symbol goes.
    var x: Double
    var y: Double
    /// From the symbol's position to the start of its text.
    let textOffset: Double
    /// From one entry to the next.
    let spacing: Double

    /// How wide a legend of these entries is (at least 150 px), and how wide a picture of
    /// `width` becomes to hold it: it widens when the legend needs more than 190 px.
    static func fit(_ names: [String], width: Double) -> (legend: Double, picture: Double) {
        let legend = max(150, 52 + (names.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0))
        return (legend, width + max(0, legend - 190))
    }

    /// Draws one entry and moves down to the next.
    mutating func entry(_ text: String, on canvas: inout SVGCanvas,
                        symbol: (_ canvas: inout SVGCanvas, _ x: Double, _ y: Double) -> Void) {
        symbol(&canvas, x, y)
        canvas.text(text, x: x + textOffset, y: y + 4, size: 12)
        y += spacing
    }
}
