import Foundation
import Testing
@testable import MoodifyLearn

/// OpenBLAS's kernels are chosen from the CPU's flags when its own detection fell back to Prescott.
@Suite("OpenBLAS kernels")
struct OpenBLASKernelsTests {
    @Test func coreTypeFromFlags() {
        #expect(OpenBLASKernels.coreType(flags: ["sse3", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) == "SkylakeX")
        #expect(OpenBLASKernels.coreType(flags: ["sse3", "avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(OpenBLASKernels.coreType(flags: ["sse3", "avx"]) == nil)
    }

    /// Checked only where /proc/cpuinfo lists AVX2 or AVX-512 and the user has not chosen a core type.
    @Test func fastKernelsWhereTheCPUHasThem() {
        let flags = OpenBLASKernels.cpuFlags()
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              OpenBLASKernels.coreType(flags: flags) != nil else { return }
        #expect(OpenBLASKernels.coreName != "Prescott")
    }
}
