import CCbcIncumbents

extension CBCModel {
    /// Calls `found` with each incumbent CBC accepts during the next `solve()`, on CBC's search
    /// thread: its values (integers snapped) and objective in the problem's sense, and the bound
    /// proven so far if any. Values that do not fit the problem (a model CBC's preprocessing has
    /// transformed, with other columns) are skipped: only feasible assignments are reported.
    ///
    /// The returned token must stay alive until the solve returns.
    func watchIncumbents(_ found: @escaping (_ values: [Double], _ objective: Double, _ bound: Double?) -> Void) -> AnyObject {
        let watcher = IncumbentWatcher(problem: problem, found: found)
        fairflip_cbc_watch_incumbents(model, { context, count, values, _, rawBound in
            guard let context, let values else { return }
            let watcher = Unmanaged<IncumbentWatcher>.fromOpaque(context).takeUnretainedValue()
            watcher.receive(Array(UnsafeBufferPointer(start: values, count: Int(count))), rawBound: rawBound)
        }, Unmanaged.passUnretained(watcher).toOpaque())
        return watcher
    }
}

/// The Swift side of CBC's incumbent callback: checks and converts what CBC reports.
private final class IncumbentWatcher {
    let problem: MIPProblem
    let found: ([Double], Double, Double?) -> Void

    init(problem: MIPProblem, found: @escaping ([Double], Double, Double?) -> Void) {
        self.problem = problem
        self.found = found
    }

    func receive(_ raw: [Double], rawBound: Double) {
        guard raw.count == problem.columnCount else { return }
        var values = raw
        for j in values.indices where problem.isInteger[j] { values[j] = values[j].rounded() }
        guard problem.isFeasible(values) else { return }
        // CBC's bound is in its minimisation sense.
        let sign: Double = problem.sense == .minimize ? 1 : -1
        let bound = rawBound.isFinite && abs(rawBound) < 1e29 ? sign * rawBound : nil
        found(values, problem.objectiveValue(values), bound)
    }
}
