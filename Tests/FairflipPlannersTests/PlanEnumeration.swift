/// Brute force over plans, for tests that check a MIP optimum against enumeration.
enum PlanEnumeration {
    /// Every subset of `0..<m` with at most `k` elements, as flip states.
    static func subsets(_ m: Int, _ k: Int) -> [[Bool]] {
        var out: [[Bool]] = []
        func go(_ i: Int, _ x: [Bool], _ used: Int) {
            if i == m { out.append(x); return }
            go(i + 1, x + [false], used)
            if used < k { go(i + 1, x + [true], used + 1) }
        }
        go(0, [], 0)
        return out
    }
}
