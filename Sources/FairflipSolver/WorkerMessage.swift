import Foundation

/// The solve worker's wire protocol. The parent writes one JSON `MIPRequest` on the worker's
/// standard input and closes it; the worker answers with JSON lines on its standard output:
/// events while it searches, then one `result` (or one `failure`).
enum WorkerMessage: Codable, Equatable {
    case event(MIPEvent)
    case result(MIPResult)
    case failure(String)

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// One line of the protocol (JSON with no newline inside, then a newline).
    func line() throws -> Data {
        var data = try Self.encoder().encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
