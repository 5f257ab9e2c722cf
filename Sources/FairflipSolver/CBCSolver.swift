import CCbc
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One CBC model: loaded from a `MIPProblem` in bulk, solved, and freed when released.
///
/// A model is used by one thread at a time; give each thread its own.
public final class CBCModel {
    private let model: UnsafeMutableRawPointer
    /// The problem this model was built from.
    public let problem: MIPProblem

    /// Loads a problem into a new CBC model.
    public init(_ problem: MIPProblem) {
        self.problem = problem
        model = Cbc_newModel()!
        let starts = problem.columnStarts.map { Int32($0) }
        let inf = Double.infinity
        let big = 1e30
        func finite(_ a: [Double]) -> [Double] { a.map { $0 == inf ? big : ($0 == -inf ? -big : $0) } }
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

    /// Gives CBC a feasible assignment to start from (one value per column).
    public func setStart(_ values: [Double]) {
        precondition(values.count == problem.columnCount, "a start needs one value per column")
        let indices = (0..<values.count).map { Int32($0) }
        Cbc_setMIPStartI(model, Int32(values.count), indices, values)
    }

    /// Writes the model as free-format MPS (see `MPSWriter`). The file is written whole or not at all.
    public func writeMPS(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(MPSWriter.text(problem).utf8).write(to: tmp)
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt can fail on
            // Linux and lose the original).
            guard rename(tmp.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Solves the model.
    public func solve(_ options: SolverOptions = SolverOptions()) -> MIPSolution {
        // The limit is wall-clock time (CBC counts CPU time unless told otherwise).
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(model, options.timeLimit)
        Cbc_setAllowableFractionGap(model, options.relativeGap)
        Cbc_setLogLevel(model, Int32(options.logLevel))
        Cbc_setParameter(model, "threads", String(options.threads))
        Cbc_setParameter(model, "randomCbcSeed", String(options.seed))
        let start = Date()
        // CBC's solve driver keeps global state: two solves at once in one process interfere
        // (seen as spurious infeasibility), so solves are serialised.
        Self.solveLock.lock()
        Self.withStandardOutputDiverted(toStandardError: options.logLevel > 0) { _ = Cbc_solve(model) }
        Self.solveLock.unlock()
        let seconds = Date().timeIntervalSince(start)

        let n = problem.columnCount
        var values: [Double] = []
        if Cbc_numberSavedSolutions(model) > 0 || Cbc_isProvenOptimal(model) != 0, let x = Cbc_getColSolution(model) {
            values = Array(UnsafeBufferPointer(start: x, count: n))
            // Snap integers: CBC's solution may carry tiny round-off.
            for j in 0..<n where problem.isInteger[j] { values[j] = values[j].rounded() }
        }
        let status: MIPSolution.Status
        if Cbc_isProvenOptimal(model) != 0 {
            status = .optimal
        } else if Cbc_isProvenInfeasible(model) != 0 {
            status = .infeasible
            values = []
        } else if Cbc_isContinuousUnbounded(model) != 0 {
            status = .unbounded
            values = []
        } else if Cbc_isAbandoned(model) != 0 {
            status = values.isEmpty ? .abandoned : .stoppedWithIncumbent
        } else {
            status = values.isEmpty ? .noSolution : .stoppedWithIncumbent
        }
        let objective = values.isEmpty ? Double.nan : problem.objectiveValue(values)
        return MIPSolution(status: status, values: values, objective: objective,
                           bound: Cbc_getBestPossibleObjValue(model), seconds: seconds)
    }

    private static let solveLock = NSLock()

    /// Runs `body` with the process's standard output and error (file descriptors 1 and 2) sent to
    /// standard error, or discarded: CBC prints log lines and internal complaints (e.g.
    /// "ClpModel::getColumnName, Illegal index" while mapping a MIP start) on stdout and stderr even
    /// at log level 0, which would corrupt fairflip's own output (`--json`) and `--quiet`.
    static func withStandardOutputDiverted(toStandardError: Bool, _ body: () -> Void) {
        fflush(nil)
        let savedOut = dup(1), savedErr = dup(2)
        let target = toStandardError ? dup(2) : open("/dev/null", O_WRONLY)
        guard savedOut >= 0, savedErr >= 0, target >= 0 else {
            for fd in [savedOut, savedErr, target] where fd >= 0 { close(fd) }
            body()
            return
        }
        dup2(target, 1)
        if !toStandardError { dup2(target, 2) }
        close(target)
        body()
        fflush(nil)
        dup2(savedOut, 1)
        dup2(savedErr, 2)
        close(savedOut)
        close(savedErr)
    }

    /// CBC's version string.
    public static var version: String { String(cString: Cbc_getVersion()) }
}
