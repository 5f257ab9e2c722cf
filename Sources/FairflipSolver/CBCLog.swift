/// Reads CBC's log lines for what the C API does not expose: the root bound, whether the MIP
/// start was used, and incumbents and bounds as the search goes.
///
/// Values in CBC's log are in its minimisation sense; `sign` (−1 for a maximisation) turns them
/// back into the problem's sense.
struct CBCLog: Sendable {
    var sign: Double = 1

    /// The events one log line carries (usually none).
    func events(in line: String) -> [MIPEvent] {
        if line.contains("MIPStart provided solution with cost") {
            return [.start(accepted: true, objective: lastNumber(in: line))]
        }
        if line.contains("mipstart values could not be used") || line.contains("MIPStart solution provided values infeasible") {
            return [.start(accepted: false, objective: nil)]
        }
        // Cbc0013I At root node, 30 cuts changed objective from 0.008 to 0.019 in 10 passes
        if line.hasPrefix("Cbc0013I"), let range = line.range(of: " to ") {
            return firstNumber(in: line[range.upperBound...]).map { [.rootBound($0)] } ?? []
        }
        // Cbc0012I Integer solution of 0.1414 found by ... / Cbc0004I Integer solution of 0.14 found after ...
        if line.hasPrefix("Cbc0012I") || line.hasPrefix("Cbc0004I"), let range = line.range(of: "solution of ") {
            return firstNumber(in: line[range.upperBound...]).map { [.incumbent(objective: $0)] } ?? []
        }
        // Cbc0010I After 100 nodes, 12 on tree, 0.14 best solution, best possible 0.02 (3.1 seconds)
        if line.hasPrefix("Cbc0010I") || line.hasPrefix("Cbc0005I") || line.hasPrefix("Cbc0011I"),
           let range = line.range(of: "best possible ") {
            return firstNumber(in: line[range.upperBound...]).map { [.bound($0)] } ?? []
        }
        return []
    }

    private func firstNumber(in text: Substring) -> Double? {
        let token = text.prefix { !$0.isWhitespace && $0 != "," && $0 != ")" }
        return Double(token).map { $0 * sign }
    }

    private func lastNumber(in line: String) -> Double? {
        line.split(separator: " ").last.flatMap { Double($0) }.map { $0 * sign }
    }
}
