import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML and remembers whether it was well-formed.
public func isWellFormedXML(_ text: String) -> Bool {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() && parser.parserError == nil
}

/// The `<svg>...</svg>` documents embedded in an HTML page.
public func svgDocuments(in html: String) -> [String] {
    var out: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        out.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return out
}
