//! Keeps a long batch's memory flat.
//!
//! glibc's malloc raises its mmap threshold whenever a large block is freed
//! (up to 32 MiB on 64-bit), after which large blocks come from the heap and
//! their pages are kept when freed. With several worker threads, each with
//! its own arena, a batch's resident memory then creeps up document after
//! document (measured: 300 copies of one flow dump, `--jobs 2`, 28.6 MiB for
//! 10 documents, 39.9 MiB for 300). Fixing both thresholds turns the
//! adjustment off: large blocks are mapped and unmapped, and freed heap tops
//! go back to the system (24.0 MiB for 300). The cost is a few more
//! system calls per document, which a conversion does not notice.

/// Tunes the allocator for a process that converts many documents. Called
/// once by the command line tool; a library user keeps their own settings.
pub fn tune_allocator_for_batches() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const THRESHOLD: libc::c_int = 256 * 1024;
        // SAFETY: mallopt only sets allocator parameters; it is called
        // before any worker thread starts.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, THRESHOLD);
        }
    }
}
