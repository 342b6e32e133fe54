import CFFTW
import Synchronization

/// Which FFTW transform a cached plan performs.
private enum PlanKind: Hashable, Sendable {
    case realForward, realInverse, complexForward, complexInverse, doubleRealForward, doubleRealInverse
}

/// An FFTW plan made once and shared; executing it with the new-array functions is thread-safe.
private final class FFTWPlan: @unchecked Sendable {
    /// The plan handle (an `fftwf_plan`, or an `fftw_plan` for double kinds); never destroyed: plans live for the
    /// whole process, one per size and kind.
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
}

/// Plans by kind and size. FFTW's planner is not thread-safe, so plans are only made under this lock.
private let planCache = Mutex<[PlanKey: FFTWPlan]>([:])

/// Cache key of a plan.
private struct PlanKey: Hashable, Sendable {
    var kind: PlanKind
    var size: Int
}

/// The cached plan for `kind` at `size`, planned (FFTW_ESTIMATE, on SIMD-aligned arrays) on first use.
private func plan(_ kind: PlanKind, size: Int) -> FFTWPlan {
    planCache.withLock { cache in
        let key = PlanKey(kind: kind, size: size)
        if let plan = cache[key] { return plan }
        // Plan on fftwf_malloc'd arrays so that any AlignedFloats scratch has the same alignment.
        let a = AlignedFloats(count: 2 * size + 2)
        let b = AlignedFloats(count: 2 * size + 2)
        let n = Int32(size)
        let flags = UInt32(FFTW_ESTIMATE)
        let made: OpaquePointer?
        switch kind {
        case .doubleRealForward:
            let input = AlignedDoubles(count: size + 2), output = AlignedDoubles(count: size + 2)
            made = fftw_plan_dft_r2c_1d(n, input.pointer, output.complexPointer, flags)
        case .doubleRealInverse:
            let input = AlignedDoubles(count: size + 2), output = AlignedDoubles(count: size + 2)
            made = fftw_plan_dft_c2r_1d(n, input.complexPointer, output.pointer, flags)
        case .realForward:
            made = fftwf_plan_dft_r2c_1d(n, a.pointer, b.complexPointer, flags)
        case .realInverse:
            made = fftwf_plan_dft_c2r_1d(n, a.complexPointer, b.pointer, flags)
        case .complexForward:
            made = fftwf_plan_dft_1d(n, a.complexPointer, b.complexPointer, FFTW_FORWARD, flags)
        case .complexInverse:
            made = fftwf_plan_dft_1d(n, a.complexPointer, b.complexPointer, FFTW_BACKWARD, flags)
        }
        guard let made else { fatalError("FFTW could not plan a transform of size \(size)") }
        let plan = FFTWPlan(made)
        cache[key] = plan
        return plan
    }
}

/// SIMD-aligned float scratch memory (fftwf_malloc), as FFTW's new-array execution requires; freed on deinit.
final class AlignedFloats {
    /// Number of floats.
    let count: Int
    /// Start of the memory, zero-filled at creation.
    let pointer: UnsafeMutablePointer<Float>

    /// Allocates `count` zeroed floats.
    init(count: Int) {
        self.count = count
        let raw = fftwf_malloc(max(1, count) * MemoryLayout<Float>.stride)!
        pointer = raw.bindMemory(to: Float.self, capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    deinit { fftwf_free(pointer) }

    /// The same memory seen as interleaved complex numbers.
    var complexPointer: UnsafeMutablePointer<fftwf_complex> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: fftwf_complex.self)
    }
}

/// Real-input FFT of one size: forward gives `size / 2 + 1` bins, inverse is unnormalised (as FFTW).
struct RealFFT: Sendable {
    /// Transform length.
    let size: Int
    private let forwardPlan: FFTWPlan
    private let inversePlan: FFTWPlan

    /// Fetches (or makes) the plans for `size`.
    init(size: Int) {
        precondition(size > 0, "FFT size must be positive")
        self.size = size
        forwardPlan = plan(.realForward, size: size)
        inversePlan = plan(.realInverse, size: size)
    }

    /// `output` (interleaved complex, `size / 2 + 1` pairs) = DFT of `input` (`size` reals); both aligned scratch.
    func forward(_ input: AlignedFloats, _ output: AlignedFloats) {
        precondition(input.count >= size && output.count >= size + 2)
        fftwf_execute_dft_r2c(forwardPlan.handle, input.pointer, output.complexPointer)
    }

    /// `output` (`size` reals) = unnormalised inverse DFT of the half spectrum in `input`, which is destroyed.
    func inverse(_ input: AlignedFloats, _ output: AlignedFloats) {
        precondition(input.count >= size + 2 && output.count >= size)
        fftwf_execute_dft_c2r(inversePlan.handle, input.complexPointer, output.pointer)
    }
}

/// Real-input FFT in double precision (numpy's `rfft` of float64 frames, as librosa's STFT computes it):
/// `size / 2 + 1` bins; the inverse is unnormalised (as FFTW).
struct DoubleRealFFT: Sendable {
    /// Transform length.
    let size: Int
    private let forwardPlan: FFTWPlan
    private let inversePlan: FFTWPlan

    /// Fetches (or makes) the plans for `size`.
    init(size: Int) {
        precondition(size > 0, "FFT size must be positive")
        self.size = size
        forwardPlan = plan(.doubleRealForward, size: size)
        inversePlan = plan(.doubleRealInverse, size: size)
    }

    /// `output` (interleaved complex, `size / 2 + 1` pairs) = DFT of `input` (`size` reals); both aligned scratch.
    func forward(_ input: AlignedDoubles, _ output: AlignedDoubles) {
        precondition(input.count >= size && output.count >= size + 2)
        fftw_execute_dft_r2c(forwardPlan.handle, input.pointer, output.complexPointer)
    }

    /// `output` (`size` reals) = unnormalised inverse DFT of the half spectrum in `input`, which is destroyed.
    func inverse(_ input: AlignedDoubles, _ output: AlignedDoubles) {
        precondition(input.count >= size + 2 && output.count >= size)
        fftw_execute_dft_c2r(inversePlan.handle, input.complexPointer, output.pointer)
    }
}

/// SIMD-aligned double scratch memory (fftw_malloc) for the double-precision transforms; freed on deinit.
final class AlignedDoubles {
    /// Number of doubles.
    let count: Int
    /// Start of the memory, zero-filled at creation.
    let pointer: UnsafeMutablePointer<Double>

    /// Allocates `count` zeroed doubles.
    init(count: Int) {
        self.count = count
        let raw = fftw_malloc(max(1, count) * MemoryLayout<Double>.stride)!
        pointer = raw.bindMemory(to: Double.self, capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    deinit { fftw_free(pointer) }

    /// The same memory seen as interleaved complex numbers.
    var complexPointer: UnsafeMutablePointer<fftw_complex> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: fftw_complex.self)
    }
}

/// Complex FFT of one size on interleaved complex scratch; the inverse is unnormalised (as FFTW).
struct ComplexFFT: Sendable {
    /// Transform length.
    let size: Int
    private let forwardPlan: FFTWPlan
    private let inversePlan: FFTWPlan

    /// Fetches (or makes) the plans for `size`.
    init(size: Int) {
        precondition(size > 0, "FFT size must be positive")
        self.size = size
        forwardPlan = plan(.complexForward, size: size)
        inversePlan = plan(.complexInverse, size: size)
    }

    /// `output` = DFT (sign −1) of `input`, both `size` interleaved complex numbers in aligned scratch.
    func forward(_ input: AlignedFloats, _ output: AlignedFloats) {
        precondition(input.count >= 2 * size && output.count >= 2 * size)
        fftwf_execute_dft(forwardPlan.handle, input.complexPointer, output.complexPointer)
    }

    /// `output` = unnormalised inverse DFT (sign +1) of `input`.
    func inverse(_ input: AlignedFloats, _ output: AlignedFloats) {
        precondition(input.count >= 2 * size && output.count >= 2 * size)
        fftwf_execute_dft(inversePlan.handle, input.complexPointer, output.complexPointer)
    }
}
