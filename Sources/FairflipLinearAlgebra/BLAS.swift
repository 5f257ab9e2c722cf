import CLapack

/// Matrix products through the machine's BLAS (OpenBLAS on Debian).
///
/// Every product the engine needs goes through here, so that no hot loop is a
/// hand-written triple loop.
public enum BLAS {
    /// Sets the threads OpenBLAS may use for one product, process-wide. A command that runs
    /// plans side by side on their own threads (`plan --method all`) sets 1, so that BLAS's own
    /// threads do not compete with them for the cores.
    public static func setThreads(_ threads: Int) {
        openblas_set_num_threads(Int32(max(1, threads)))
    }

    /// `y = alpha * A x + beta * y`, or with `A` transposed.
    public static func gemv(
        _ a: Matrix, _ x: [Double], transpose: Bool = false,
        alpha: Double = 1, beta: Double = 0, into y: inout [Double]
    ) {
        precondition(x.count == (transpose ? a.rows : a.columns), "gemv: x has the wrong length")
        precondition(y.count == (transpose ? a.columns : a.rows), "gemv: y has the wrong length")
        guard a.rows > 0, a.columns > 0 else {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_dgemv(
                        CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                        Int32(a.rows), Int32(a.columns), alpha, ap.baseAddress, Int32(a.columns),
                        xp.baseAddress, 1, beta, yp.baseAddress, 1)
                }
            }
        }
    }

    /// `A x` (or `A' x`) as a new vector.
    public static func product(_ a: Matrix, _ x: [Double], transpose: Bool = false) -> [Double] {
        var y = [Double](repeating: 0, count: transpose ? a.columns : a.rows)
        gemv(a, x, transpose: transpose, into: &y)
        return y
    }

    /// `C = alpha * op(A) op(B) + beta * C`.
    public static func gemm(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "gemm: inner dimensions differ")
        precondition(c.rows == m && c.columns == n, "gemm: result has the wrong shape")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for i in c.storage.indices { c.storage[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), alpha, ap.baseAddress, Int32(a.columns),
                        bp.baseAddress, Int32(b.columns), beta, cp.baseAddress, Int32(c.columns))
                }
            }
        }
    }

    /// `op(A) op(B)` as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false
    ) -> Matrix {
        var c = Matrix(
            rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        gemm(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// The Gram matrix `alpha * A' A` (symmetric, both triangles filled), by `syrk`.
    public static func gram(_ a: Matrix, alpha: Double = 1) -> Matrix {
        let d = a.columns
        var c = Matrix(rows: d, columns: d)
        guard d > 0 else { return c }
        if a.rows > 0 {
            a.storage.withUnsafeBufferPointer { ap in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dsyrk(
                        CblasRowMajor, CblasUpper, CblasTrans, Int32(d), Int32(a.rows), alpha,
                        ap.baseAddress, Int32(d), 0, cp.baseAddress, Int32(d))
                }
            }
        }
        for i in 0..<d {
            for j in 0..<i { c[i, j] = c[j, i] }
        }
        return c
    }

    /// Dot product of two equally long vectors.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: lengths differ")
        guard !x.isEmpty else { return 0 }
        return cblas_ddot(Int32(x.count), x, 1, y, 1)
    }
}
