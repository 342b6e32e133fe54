import COpenBLAS
import Foundation

/// The choice of OpenBLAS's compute kernels, made once before the module's first BLAS call.
///
/// A DYNAMIC_ARCH OpenBLAS picks kernels for the CPU it recognises; one that predates the CPU (0.3.21, as
/// Debian 12 ships, on Sapphire or Emerald Rapids) falls back to its generic SSE3 "Prescott" kernels, which
/// run sgemm about 4× slower than the AVX-512 ones the CPU can use. In that case the kernels are chosen
/// again from the CPU's flags, as `OPENBLAS_CORETYPE` would choose them; a user's `OPENBLAS_CORETYPE` wins.
enum OpenBLASKernels {
    /// Done once; every BLAS caller in the module reads it first.
    static let ready: Void = selectFromCPUFlags()

    /// The OpenBLAS core name in use, e.g. "SkylakeX".
    static var coreName: String {
        _ = ready
        return openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    }

    /// The core type for a CPU with these /proc/cpuinfo flags, or nil when Prescott is all it can run.
    static func coreType(flags: Set<String>) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// Re-runs OpenBLAS's core selection with the core type the flags allow, when it fell back to Prescott.
    private static func selectFromCPUFlags() {
        guard getenv("OPENBLAS_CORETYPE") == nil,
              let current = openblas_get_corename(), String(cString: current) == "Prescott",
              let core = coreType(flags: cpuFlags()),
              let program = dlopen(nil, RTLD_NOW),
              let quit = dlsym(program, "gotoblas_dynamic_quit"),
              let initialize = dlsym(program, "gotoblas_dynamic_init") else { return }
        typealias Hook = @convention(c) () -> Void
        // gotoblas_dynamic_init reads OPENBLAS_CORETYPE, as it does when the library loads.
        setenv("OPENBLAS_CORETYPE", core, 1)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(initialize, to: Hook.self)()
        unsetenv("OPENBLAS_CORETYPE")
    }

    /// The CPU feature flags the kernel reports (empty where there is no /proc/cpuinfo).
    static func cpuFlags() -> Set<String> {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
