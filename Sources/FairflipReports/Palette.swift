/// Colours and markers for series, stable by position so a method keeps its look across plots.
public enum Palette {
    /// Colour-blind-friendly colours (Okabe-Ito, then Tableau), enough for a dozen methods.
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                                "#000000", "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#9467BD"]

    /// The colour of the i-th series.
    public static func color(_ i: Int) -> String { colors[i % colors.count] }

    /// The marker of the i-th series.
    public static func marker(_ i: Int) -> MarkerShape {
        let shapes: [MarkerShape] = [.circle, .square, .diamond, .triangle]
        return shapes[(i / colors.count + i) % shapes.count]
    }
}
