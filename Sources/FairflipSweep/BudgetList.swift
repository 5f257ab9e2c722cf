/// Parses budget lists: `0:200:20` (start:stop:step, stop included), `0:10` (step 1),
/// `0,5,10`, or a mix (`0,1,2,5:50:5`). The result is sorted and without repeats.
public enum BudgetList {
    /// The budgets `text` names, ascending and without repeats.
    public static func parse(_ text: String) throws(SweepError) -> [Int] {
        var out = Set<Int>()
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard !text.trimmingWhitespace().isEmpty else { throw SweepError("empty list") }
        for item in items {
            guard !item.isEmpty else { throw SweepError("empty item in '\(text)'") }
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            let numbers = parts.map { Int($0) }
            guard numbers.allSatisfy({ $0 != nil }), let values = Optional(numbers.map { $0! }),
                  (1...3).contains(values.count)
            else { throw SweepError("'\(item)' is not an integer or start:stop[:step]") }
            guard values.allSatisfy({ $0 >= 0 }) else { throw SweepError("'\(item)' has a negative budget") }
            if values.count == 1 { out.insert(values[0]); continue }
            let (start, stop) = (values[0], values[1])
            let step = values.count == 3 ? values[2] : 1
            guard step > 0 else { throw SweepError("'\(item)' needs a positive step") }
            guard start <= stop else { throw SweepError("'\(item)' has start > stop") }
            guard (stop - start) / step < 1_000_000 else { throw SweepError("'\(item)' is too long a range") }
            for k in stride(from: start, through: stop, by: step) { out.insert(k) }
        }
        return out.sorted()
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension String {
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}
