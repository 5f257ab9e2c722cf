import CLapack

/// The Cholesky factorisation `A = L L'` of a symmetric positive-definite matrix (LAPACK `dpotrf`).
///
/// Planners factor the logistic Hessian once and reuse the factor for many solves,
/// so the factor is a value that can be kept and shared.
public struct Cholesky: Sendable {
    /// Order of the factored matrix.
    public let order: Int
    /// The lower-triangular factor, row-major (the upper triangle is unspecified).
    public let factor: Matrix

    /// Why a factorisation failed.
    public enum Failure: Error, CustomStringConvertible {
        /// The matrix is not positive definite (LAPACK's `info`, the failing leading minor).
        case notPositiveDefinite(minor: Int)
        /// LAPACK rejected an argument.
        case invalidArgument(Int)

        public var description: String {
            switch self {
            case .notPositiveDefinite(let minor):
                return "matrix is not positive definite (leading minor \(minor))"
            case .invalidArgument(let i):
                return "LAPACK rejected argument \(i)"
            }
        }
    }

    /// Factors a symmetric positive-definite matrix.
    public init(_ a: Matrix) throws(Failure) {
        precondition(a.rows == a.columns, "Cholesky needs a square matrix")
        var l = a
        let n = a.rows
        let info = l.storage.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), p.baseAddress, Int32(n))
        }
        if info > 0 { throw .notPositiveDefinite(minor: Int(info)) }
        if info < 0 { throw .invalidArgument(Int(-info)) }
        order = n
        factor = l
    }

    /// Solves `A x = b` for one right-hand side.
    public func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "solve: right-hand side has the wrong length")
        var x = b
        guard order > 0 else { return x }
        factor.storage.withUnsafeBufferPointer { lp in
            x.withUnsafeMutableBufferPointer { xp in
                _ = LAPACKE_dpotrs(
                    LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(order), 1, lp.baseAddress,
                    Int32(order), xp.baseAddress, 1)
            }
        }
        return x
    }

    /// Solves `A X = B` for every column of `B` at once.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "solve: right-hand side has the wrong number of rows")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        factor.storage.withUnsafeBufferPointer { lp in
            x.storage.withUnsafeMutableBufferPointer { xp in
                _ = LAPACKE_dpotrs(
                    LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(order), Int32(b.columns),
                    lp.baseAddress, Int32(order), xp.baseAddress, Int32(b.columns))
            }
        }
        return x
    }
}
