/// glibc's `mallopt` (malloc.h is not in Swift's Glibc module).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// Keeps freed audio and feature buffers in the heap for the next clip: glibc otherwise maps every block over
/// 128 KiB afresh and unmaps it on free, so each web prediction paid ~0.5 ms of page faults (15 % of its CPU time,
/// measured with `perf` and `Scripts/web_load.py`). Blocks up to 64 MiB come from the heap, and up to 256 MiB of
/// free heap stays mapped. moodify-web, moodify-repl and moodify-bench call it once at start.
public func keepLargeBuffersInHeap() {
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = mallopt(mmapThreshold, 64 << 20)
    _ = mallopt(trimThreshold, 256 << 20)
}
