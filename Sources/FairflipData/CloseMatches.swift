/// Names among `candidates` that look like a misspelling of `name`, closest first (at most three).
///
/// Close means: equal ignoring case, `-`, `_` and spaces; or one contains the other; or an edit
/// distance of at most a third of the name's length (at least 1, at most 3).
func closeMatches(of name: String, among candidates: [String]) -> [String] {
    func normal(_ s: String) -> [Character] {
        Array(s.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
    let a = normal(name)
    guard !a.isEmpty else { return [] }
    let limit = min(3, max(1, a.count / 3))
    var scored: [(distance: Int, index: Int, name: String)] = []
    for (index, candidate) in candidates.enumerated() where candidate != name {
        let b = normal(candidate)
        guard !b.isEmpty else { continue }
        let d = editDistance(a, b)
        let contains = min(a.count, b.count) >= 3
            && (String(a).contains(String(b)) || String(b).contains(String(a)))
        if d <= limit || contains { scored.append((contains && d > limit ? limit + 1 : d, index, candidate)) }
    }
    return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(3).map { $0.name }
}

/// Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one
/// (optimal string alignment), so that `lable` is one edit from `label`.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
