import COpenBLAS
import Dispatch

/// Single-precision matrix products through OpenBLAS (`cblas_sgemm`), row-major.
///
/// OpenBLAS runs single-threaded and large products are split over the cores here, so that GEMMs and the
/// element-wise loops between them share the same threads instead of OpenBLAS's workers spinning while the
/// other loops run. Each part reads all of one operand: C is split by rows when op(B) is the smaller operand
/// (n ≤ m), else by columns. Every element of C is still computed by one call over the whole of k, so the
/// split does not change results.
enum GEMM {
    /// Makes OpenBLAS single-threaded (after choosing its kernels), once.
    private static let singleThreaded: Void = {
        _ = OpenBLASKernels.ready
        openblas_set_num_threads(1)
    }()

    /// Products smaller than this many multiply-adds run in one call.
    private static let splitThreshold = 1 << 21

    /// C = alpha·op(A)·op(B) + beta·C, where op(A) is m×k and op(B) is k×n, all row-major.
    static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool = false,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        alpha: Float = 1, beta: Float = 0
    ) {
        _ = singleThreaded
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if beta == 0 { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        if m == 1 {
            // One row (a single sample): a matrix-vector product reads op(B) once, without packing it.
            cblas_sgemv(CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans, blasint(transposeB ? n : k), blasint(transposeB ? k : n),
                        alpha, b, blasint(ldb), a, blasint(transposeA ? lda : 1), beta, c, 1)
            return
        }
        let parts = m * n * k >= splitThreshold ? Parallel.width : 1
        if parts > 1 && m >= 2 * 8 && n <= m {
            // Split the rows of C: rows of op(A).
            Parallel.forChunks(m, minimum: 8) { _, rows in
                let aPart = transposeA ? a + rows.lowerBound : a + rows.lowerBound * lda
                call(m: rows.count, n: n, k: k, a: aPart, lda: lda, transposeA: transposeA, b: b, ldb: ldb,
                     transposeB: transposeB, c: c + rows.lowerBound * ldc, ldc: ldc, alpha: alpha, beta: beta)
            }
        } else if parts > 1 && n >= 2 * 8 {
            // Split the columns of C: columns of op(B).
            Parallel.forChunks(n, minimum: 8) { _, columns in
                let bPart = transposeB ? b + columns.lowerBound * ldb : b + columns.lowerBound
                call(m: m, n: columns.count, k: k, a: a, lda: lda, transposeA: transposeA, b: bPart, ldb: ldb,
                     transposeB: transposeB, c: c + columns.lowerBound, ldc: ldc, alpha: alpha, beta: beta)
            }
        } else {
            call(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb, transposeB: transposeB,
                 c: c, ldc: ldc, alpha: alpha, beta: beta)
        }
    }

    @inline(__always)
    private static func call(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
                             b: UnsafePointer<Float>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
                             alpha: Float, beta: Float) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
