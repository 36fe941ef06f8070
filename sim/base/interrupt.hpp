// Graceful stop on Ctrl-C (SIGINT) and SIGTERM: the first signal asks long commands to finish
// the runs in flight and write what they have; a second one exits at once.
#pragma once

namespace rf {

/// Installs the handlers (idempotent). Also ignores SIGXFSZ, so exceeding a file-size limit is
/// a write error the output code reports instead of a silent kill.
void install_interrupt_handlers();

/// True once SIGINT or SIGTERM has arrived.
bool interrupted();

/// The signal that arrived (0 if none), for the exit status 128 + signal.
int interrupt_signal();

}  // namespace rf
