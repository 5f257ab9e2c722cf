import FairflipLinearAlgebra
import Testing

@Suite("BLAS and Cholesky")
struct BLASTests {
    let a = Matrix([[1, 2], [3, 4], [5, 6]])

    @Test func matrixVectorProducts() {
        #expect(BLAS.product(a, [1, 1]) == [3, 7, 11])
        #expect(BLAS.product(a, [1, 0, 1], transpose: true) == [6, 8])
    }

    @Test func gramMatrixIsATransposeA() {
        let g = BLAS.gram(a)
        #expect(g == Matrix([[35, 44], [44, 56]]))
        #expect(BLAS.product(a, a, transposeA: true) == g)
    }

    @Test func choleskySolvesSymmetricSystems() throws {
        let m = Matrix([[4, 2, 0], [2, 5, 1], [0, 1, 3]])
        let chol = try Cholesky(m)
        let x = chol.solve([2, 1, 4])
        let back = BLAS.product(m, x)
        for (u, v) in zip(back, [2.0, 1, 4]) { #expect(abs(u - v) < 1e-12) }
        let many = chol.solve(Matrix([[2, 1], [1, 0], [4, 0]]))
        #expect(abs(many[0, 0] - x[0]) < 1e-12)
    }

    @Test func choleskyRejectsIndefiniteMatrices() {
        #expect(throws: Cholesky.Failure.self) { try Cholesky(Matrix([[1, 2], [2, 1]])) }
    }
}
