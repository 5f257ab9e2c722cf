/// Free-format MPS text of a `MIPProblem`, with its own row and column names.
///
/// Written here rather than by CBC because CBC compresses its output when built with zlib and
/// rounds coefficients; this writer keeps 17 significant digits, so a file solves to the same
/// optimum as the in-memory model.
public enum MPSWriter {
    public static func text(_ p: MIPProblem) -> String {
        func num(_ x: Double) -> String {
            if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
            return "\(x)"  // Swift prints the shortest representation that round-trips
        }
        var out = "NAME \(p.name)\n"
        if p.sense == .maximize { out += "OBJSENSE\n    MAX\n" }
        out += "ROWS\n N obj\n"
        var kinds: [String] = []
        for r in 0..<p.rowCount {
            let lo = p.rowLower[r], hi = p.rowUpper[r]
            let kind: String
            if lo == hi { kind = "E" } else if lo.isFinite && hi.isFinite { kind = "L" } else if hi.isFinite { kind = "L" }
            else if lo.isFinite { kind = "G" } else { kind = "N" }
            kinds.append(kind)
            out += " \(kind) \(p.rowNames[r])\n"
        }
        out += "COLUMNS\n"
        var inInteger = false
        var marker = 0
        for j in 0..<p.columnCount {
            if p.isInteger[j] != inInteger {
                out += "    MARKER\(marker) 'MARKER' '\(inInteger ? "INTEND" : "INTORG")'\n"
                marker += 1
                inInteger.toggle()
            }
            let name = p.columnNames[j]
            var wrote = false
            if p.objective[j] != 0 { out += "    \(name) obj \(num(p.objective[j]))\n"; wrote = true }
            for k in p.columnStarts[j]..<p.columnStarts[j + 1] {
                out += "    \(name) \(p.rowNames[Int(p.rowIndices[k])]) \(num(p.values[k]))\n"
                wrote = true
            }
            if !wrote { out += "    \(name) obj 0\n" }
        }
        if inInteger { out += "    MARKER\(marker) 'MARKER' 'INTEND'\n" }
        out += "RHS\n"
        for r in 0..<p.rowCount {
            let rhs: Double
            switch kinds[r] {
            case "E", "L": rhs = p.rowUpper[r]
            case "G": rhs = p.rowLower[r]
            default: continue
            }
            if rhs != 0 { out += "    rhs \(p.rowNames[r]) \(num(rhs))\n" }
        }
        var ranges = ""
        for r in 0..<p.rowCount where kinds[r] == "L" && p.rowLower[r].isFinite {
            ranges += "    rng \(p.rowNames[r]) \(num(p.rowUpper[r] - p.rowLower[r]))\n"
        }
        if !ranges.isEmpty { out += "RANGES\n" + ranges }
        out += "BOUNDS\n"
        for j in 0..<p.columnCount {
            let lo = p.columnLower[j], hi = p.columnUpper[j], name = p.columnNames[j]
            if p.isInteger[j] && lo == 0 && hi == 1 { out += " BV bnd \(name)\n"; continue }
            if lo == -.infinity && hi == .infinity { out += " FR bnd \(name)\n"; continue }
            if lo == -.infinity { out += " MI bnd \(name)\n" } else if lo != 0 { out += " LO bnd \(name) \(num(lo))\n" }
            if hi != .infinity { out += " UP bnd \(name) \(num(hi))\n" }
        }
        out += "ENDATA\n"
        return out
    }
}
