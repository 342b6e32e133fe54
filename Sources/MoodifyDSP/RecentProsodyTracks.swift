import Synchronization

/// The prosody tracks of the last few clips measured, so that feature sets of one clip that both need them
/// ("speech_stats" and "logmel_env_prosody_frames" in the default ensemble) run YIN once: about 2 ms of a 3-s clip.
/// A clip is recognised by equal samples (the same array is recognised without comparing its elements).
final class RecentProsodyTracks: Sendable {
    /// One remembered clip.
    private struct Entry {
        var samples: [Float]
        var sampleRate: Double
        var tracks: Prosody.Tracks
    }

    /// How many clips are remembered (one per core measuring at a time, and some to spare).
    let capacity: Int
    private let entries = Mutex<[Entry]>([])

    /// A memory of `capacity` clips.
    init(capacity: Int) {
        precondition(capacity > 0, "RecentProsodyTracks needs room for at least one clip")
        self.capacity = capacity
    }

    /// The tracks of `samples` at `sampleRate`: remembered ones, else `measure()`'s, which are then remembered in
    /// place of the least recently used clip.
    func tracks(of samples: [Float], sampleRate: Double, measure: () -> Prosody.Tracks) -> Prosody.Tracks {
        let known = entries.withLock { list -> Prosody.Tracks? in
            guard let index = list.firstIndex(where: { $0.sampleRate == sampleRate && $0.samples == samples }) else { return nil }
            let entry = list.remove(at: index)
            list.append(entry)
            return entry.tracks
        }
        if let known { return known }
        let measured = measure()
        entries.withLock { list in
            list.append(Entry(samples: samples, sampleRate: sampleRate, tracks: measured))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
        return measured
    }

    /// How many clips are remembered now.
    var count: Int { entries.withLock { $0.count } }
}
