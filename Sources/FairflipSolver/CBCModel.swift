import CCbc

/// One CBC model, loaded from a `MIPProblem` in bulk and freed when released. Used by
/// `CBCBackend` only, one thread at a time.
final class CBCModel {
    let model: UnsafeMutableRawPointer
    let problem: MIPProblem

    init(_ problem: MIPProblem) {
        self.problem = problem
        model = Cbc_newModel()!
        let starts = problem.columnStarts.map { Int32($0) }
        let big = 1e30
        func finite(_ a: [Double]) -> [Double] { a.map { $0 == .infinity ? big : ($0 == -.infinity ? -big : $0) } }
        let colLower = finite(problem.columnLower), colUpper = finite(problem.columnUpper)
        let rowLower = finite(problem.rowLower), rowUpper = finite(problem.rowUpper)
        starts.withUnsafeBufferPointer { s in
            problem.rowIndices.withUnsafeBufferPointer { r in
                problem.values.withUnsafeBufferPointer { v in
                    Cbc_loadProblem(model, Int32(problem.columnCount), Int32(problem.rowCount),
                                    s.baseAddress, r.baseAddress, v.baseAddress,
                                    colLower, colUpper, problem.objective, rowLower, rowUpper)
                }
            }
        }
        Cbc_setProblemName(model, problem.name)
        for (j, name) in problem.columnNames.enumerated() { Cbc_setColName(model, Int32(j), name) }
        for (i, name) in problem.rowNames.enumerated() { Cbc_setRowName(model, Int32(i), name) }
        for (j, integer) in problem.isInteger.enumerated() where integer { Cbc_setInteger(model, Int32(j)) }
        Cbc_setObjSense(model, problem.sense == .minimize ? 1 : -1)
    }

    deinit { Cbc_deleteModel(model) }

    /// Applies the search settings. The log is always on (level 1): it is how the backend learns
    /// the root bound and whether the start was used.
    func configure(_ options: SolverOptions, hasStart: Bool) {
        // The limit is wall-clock time (CBC counts CPU time unless told otherwise).
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(model, max(0.01, options.timeLimit))
        Cbc_setAllowableFractionGap(model, options.relativeGap)
        Cbc_setLogLevel(model, 1)
        // Serial CBC is `threads 0`: any value above 0 takes the threaded code path.
        Cbc_setParameter(model, "threads", options.threads <= 1 ? "0" : String(options.threads))
        Cbc_setParameter(model, "randomCbcSeed", String(options.seed))
        if hasStart && !options.preprocessWithStart { Cbc_setParameter(model, "preprocess", "off") }
        if let nodes = options.nodeLimit { Cbc_setParameter(model, "maxNodes", String(nodes)) }
        if let cutoff = options.cutoff {
            Cbc_setCutoff(model, problem.sense == .minimize ? cutoff : -cutoff)
        }
    }

    /// Gives CBC a start (one value per column).
    func setStart(_ values: [Double]) {
        let indices = (0..<values.count).map { Int32($0) }
        Cbc_setMIPStartI(model, Int32(values.count), indices, values)
    }

    func solve() { _ = Cbc_solve(model) }

    /// The outcome from CBC's own flags (seconds and root bound are filled in by the caller).
    func result(startGiven start: [Double]?) -> MIPResult {
        let n = problem.columnCount
        var values: [Double] = []
        if Cbc_numberSavedSolutions(model) > 0 || Cbc_isProvenOptimal(model) != 0, let x = Cbc_getColSolution(model) {
            values = Array(UnsafeBufferPointer(start: x, count: n))
            // Snap integers: CBC's solution may carry tiny round-off.
            for j in 0..<n where problem.isInteger[j] { values[j] = values[j].rounded() }
        }
        var limit: MIPLimit?
        if Cbc_isSecondsLimitReached(model) != 0 { limit = .time }
        else if Cbc_isNodeLimitReached(model) != 0 { limit = .nodes }
        else if Cbc_isSolutionLimitReached(model) != 0 { limit = .solutions }
        let status: MIPStatus
        if Cbc_isProvenOptimal(model) != 0 && !values.isEmpty {
            status = .optimal
        } else if Cbc_isProvenInfeasible(model) != 0 {
            // With a cutoff, "infeasible" means nothing beats the cutoff.
            status = .infeasible
        } else if Cbc_isContinuousUnbounded(model) != 0 {
            status = .unbounded
        } else if Cbc_isAbandoned(model) != 0 && limit == nil {
            status = values.isEmpty ? .abandoned : .feasible
        } else {
            status = values.isEmpty ? .noSolution : .feasible
        }
        if !status.hasSolution { values = [] }
        let objective = values.isEmpty ? nil : problem.objectiveValue(values)
        let rawBound = Cbc_getBestPossibleObjValue(model)
        let bound = rawBound.isFinite && abs(rawBound) < 1e29 ? rawBound : nil
        let improved = objective.map { problem.improves(on: start, with: $0) } ?? false
        return MIPResult(status: status, values: values, objective: objective, bound: bound, rootBound: nil,
                         startAccepted: nil, improvedOnStart: improved, stoppedBy: status == .optimal ? nil : limit,
                         seconds: 0)
    }
}
