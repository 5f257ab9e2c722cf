/// A minimal SVG writer: shapes and text appended as elements, escaped, numbers in a fixed
/// short form. Every plot and the toy picture are drawn with it, so no JavaScript or external
/// library is needed to view a report.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    /// An empty canvas of this size in pixels.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Escapes text for XML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Roughly how wide a text is in a sans-serif font (for sizing legends).
    public static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.56 }

    /// A coordinate with at most two decimals.
    public static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        return formatted(x, digits: 2)
    }

    /// Appends markup as it is (clip paths, groups); the caller escapes.
    public mutating func raw(_ element: String) { elements.append(element) }

    /// A straight line; `dash` is an SVG dash pattern such as "5,4".
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                              width: Double = 1, dash: String? = nil, opacity: Double = 1) {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let o = opacity < 1 ? " stroke-opacity=\"\(Self.n(opacity))\"" : ""
        elements.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
                        + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)\(o)/>")
    }

    /// A rectangle from its top-left corner (negative sizes draw nothing).
    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                              stroke: String? = nil, opacity: Double = 1) {
        let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let o = opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : ""
        elements.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" "
                        + "height=\"\(Self.n(max(0, h)))\" fill=\"\(fill)\"\(s)\(o)/>")
    }

    /// A circle; `fill: "none"` with a stroke draws a ring.
    public mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String? = nil,
                                strokeWidth: Double = 1, opacity: Double = 1) {
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"\(Self.n(strokeWidth))\"" } ?? ""
        let o = opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : ""
        elements.append("<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\"\(s)\(o)/>")
    }

    /// An open polyline through the points.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
                        + " stroke-linejoin=\"round\"\(d)/>")
    }

    /// A filled polygon (bands).
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        guard points.count > 2 else { return }
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        elements.append("<polygon points=\"\(p)\" fill=\"\(fill)\" fill-opacity=\"\(Self.n(opacity))\" stroke=\"none\"/>")
    }

    /// Text; `anchor` is start, middle or end; `rotate` turns it about its anchor point (degrees).
    public mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                              weight: String = "normal", fill: String = "#222", rotate: Double? = nil) {
        let r = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
        let w = weight == "normal" ? "" : " font-weight=\"\(weight)\""
        elements.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" "
                        + "text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)>\(Self.escape(s))</text>")
    }

    /// A marker of the given shape centred at (x, y).
    public mutating func marker(_ shape: MarkerShape, x: Double, y: Double, size: Double, color: String) {
        switch shape {
        case .circle: circle(x, y, r: size / 2, fill: color, stroke: "white", strokeWidth: 0.8)
        case .square: rect(x - size / 2, y - size / 2, size, size, fill: color)
        case .diamond:
            let h = size * 0.65
            raw("<polygon points=\"\(Self.n(x)),\(Self.n(y - h)) \(Self.n(x + h)),\(Self.n(y)) \(Self.n(x)),\(Self.n(y + h)) "
                + "\(Self.n(x - h)),\(Self.n(y))\" fill=\"\(color)\"/>")
        case .triangle:
            let h = size * 0.6
            raw("<polygon points=\"\(Self.n(x)),\(Self.n(y - h)) \(Self.n(x + h)),\(Self.n(y + h)) \(Self.n(x - h)),\(Self.n(y + h))\" "
                + "fill=\"\(color)\"/>")
        case .cross:
            let h = size / 2
            line(x - h, y - h, x + h, y + h, stroke: color, width: 2)
            line(x - h, y + h, x + h, y - h, stroke: color, width: 2)
        case .star:
            var pts: [(Double, Double)] = []
            for i in 0..<10 {
                let radius = i % 2 == 0 ? size * 0.75 : size * 0.32
                let angle = -Double.pi / 2 + Double(i) * Double.pi / 5
                pts.append((x + radius * cosine(angle), y + radius * sine(angle)))
            }
            raw("<polygon points=\"\(pts.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "))\" "
                + "fill=\"\(color)\" stroke=\"#222\" stroke-width=\"0.8\"/>")
        }
    }

    /// The document, with a white background and a sans-serif font.
    public func render() -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"white\"/>\n"
        for e in elements { out += e + "\n" }
        return out + "</svg>\n"
    }
}

/// Marker shapes for scatter points and legends.
public enum MarkerShape: Sendable, CaseIterable {
    case circle, square, diamond, triangle, cross, star
}

#if canImport(Glibc)
import Glibc
func cosine(_ x: Double) -> Double { Glibc.cos(x) }
func sine(_ x: Double) -> Double { Glibc.sin(x) }
#else
import Foundation
func cosine(_ x: Double) -> Double { Foundation.cos(x) }
func sine(_ x: Double) -> Double { Foundation.sin(x) }
#endif
