import Glibc
import Synchronization

/// Set by Ctrl-C (SIGINT) while the prompt is open; read and cleared by the session.
let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C handling for the interactive prompt: a SIGINT sets a flag instead of ending the process,
/// and interrupts a blocking read (no SA_RESTART) so the line editor returns.
enum Interrupt {
    /// Installs the SIGINT handler.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask is inherited): unblock it.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// Whether Ctrl-C was pressed since the last `clear`.
    static var requested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C.
    static func clear() { interruptRequested.store(false, ordering: .relaxed) }
}
