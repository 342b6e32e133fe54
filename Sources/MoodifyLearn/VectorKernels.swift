/// Element-wise loops over float buffers written with SIMD8 so they vectorize whatever the compiler decides.
enum VectorKernels {
    typealias V = SIMD8<Float>

    @inline(__always) private static func load(_ p: UnsafePointer<Float>, _ i: Int) -> V {
        UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
    }

    @inline(__always) private static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: V.self)
    }

    /// dst[i] += src[i].
    static func add(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(dst, i) + load(src, i), dst, i)
            i += 8
        }
        while i < count {
            dst[i] += src[i]
            i += 1
        }
    }

    /// out[i] = a[i] · b[i].
    static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(a, i) * load(b, i), out, i)
            i += 8
        }
        while i < count {
            out[i] = a[i] * b[i]
            i += 1
        }
    }

    /// Adds `bias` to every row of `y` (rows × width), then applies relu when asked.
    static func addBias(_ bias: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, rows: Int, width: Int, relu: Bool) {
        let zero = V(repeating: 0)
        for r in 0..<rows {
            let row = y + r * width
            var i = 0
            while i + 8 <= width {
                let z = load(row, i) + load(bias, i)
                store(relu ? z.replacing(with: zero, where: z .<= zero) : z, row, i)
                i += 8
            }
            while i < width {
                let z = row[i] + bias[i]
                row[i] = relu ? (z > 0 ? z : 0) : z
                i += 1
            }
        }
    }

    /// dz = (y > 0 ? g : 0) (the gradient through relu), and its column sums added to `columnSums`.
    static func reluGradient(_ g: UnsafePointer<Float>, output y: UnsafePointer<Float>, into dz: UnsafeMutablePointer<Float>,
                             columnSums: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        let zero = V(repeating: 0)
        for r in 0..<rows {
            let gr = g + r * width, yr = y + r * width, dr = dz + r * width
            var i = 0
            while i + 8 <= width {
                let d = load(gr, i).replacing(with: zero, where: load(yr, i) .<= zero)
                store(d, dr, i)
                store(load(columnSums, i) + d, columnSums, i)
                i += 8
            }
            while i < width {
                let d = yr[i] > 0 ? gr[i] : 0
                dr[i] = d
                columnSums[i] += d
                i += 1
            }
        }
    }

    /// Adds every row of `x` (rows × width) to `sums`.
    static func columnSums(_ x: UnsafePointer<Float>, rows: Int, width: Int, into sums: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { add(x + r * width, into: sums, count: width) }
    }

    /// y = max(a, b), element by element.
    static func maximum(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            let va = load(a, i), vb = load(b, i)
            store(va.replacing(with: vb, where: vb .> va), y, i)
            i += 8
        }
        while i < count {
            y[i] = b[i] > a[i] ? b[i] : a[i]
            i += 1
        }
    }

    /// The gradient of max(a, b): g goes to `da` where a ≥ b (the first wins ties), else to `db`.
    static func maximumGradient(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, gradient g: UnsafePointer<Float>,
                                da: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>, count: Int) {
        let zero = V(repeating: 0)
        var i = 0
        while i + 8 <= count {
            let firstWins = load(a, i) .>= load(b, i), vg = load(g, i)
            store(zero.replacing(with: vg, where: firstWins), da, i)
            store(vg.replacing(with: zero, where: firstWins), db, i)
            i += 8
        }
        while i < count {
            let firstWins = a[i] >= b[i]
            da[i] = firstWins ? g[i] : 0
            db[i] = firstWins ? 0 : g[i]
            i += 1
        }
    }
}

extension VectorKernels {
    /// y += a · x over `count` values.
    static func axpy(_ a: Float, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        let va = V(repeating: a)
        var i = 0
        while i + 8 <= count {
            let p = UnsafeMutableRawPointer(y + i)
            p.storeBytes(of: p.loadUnaligned(as: V.self) + va * UnsafeRawPointer(x + i).loadUnaligned(as: V.self), as: V.self)
            i += 8
        }
        while i < count {
            y[i] += a * x[i]
            i += 1
        }
    }

    /// Σ a[i] · b[i].
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = V(repeating: 0)
        var i = 0
        while i + 8 <= count {
            lanes += UnsafeRawPointer(a + i).loadUnaligned(as: V.self) * UnsafeRawPointer(b + i).loadUnaligned(as: V.self)
            i += 8
        }
        var sum = lanes.sum()
        while i < count {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }
}

extension VectorKernels {
    /// x = max(x, 0) in place.
    static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let zero = V(repeating: 0)
        var i = 0
        while i + 8 <= count {
            let p = UnsafeMutableRawPointer(x + i), v = p.loadUnaligned(as: V.self)
            p.storeBytes(of: v.replacing(with: zero, where: v .<= zero), as: V.self)
            i += 8
        }
        while i < count {
            x[i] = x[i] > 0 ? x[i] : 0
            i += 1
        }
    }
}

extension VectorKernels {
    /// Inverted dropout: mask[i] = scale where the i-th 16-bit uniform of `random` is at least `threshold`,
    /// else 0; out[i] = x[i] · mask[i]. `random` holds at least ⌈count / 4⌉ words.
    static func dropout(_ x: UnsafePointer<Float>, random: UnsafePointer<UInt64>, threshold: Int32, scale: Float,
                        mask: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int) {
        let uniforms = UnsafeRawPointer(random)
        let limit = SIMD8<Int32>(repeating: threshold), kept = V(repeating: scale), zero = V(repeating: 0)
        var i = 0
        while i + 8 <= count {
            let u = SIMD8<Int32>(truncatingIfNeeded: uniforms.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<UInt16>.self))
            let m = zero.replacing(with: kept, where: u .>= limit)
            store(m, mask, i)
            store(m * load(x, i), out, i)
            i += 8
        }
        while i < count {
            let u = Int32(uniforms.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
            mask[i] = u >= threshold ? scale : 0
            out[i] = x[i] * mask[i]
            i += 1
        }
    }
}
