//! Memory kept between reports.
//!
//! glibc's allocator hands freed memory back to the kernel as soon as more than 128 KB is
//! free at the top of a heap, and the next report faults it all back in. Laying out and
//! subsetting fonts for a report allocates and frees a few megabytes, so in a batch a
//! fifth of the time went to page faults. Keeping up to 256 MB of freed memory makes
//! rendering a third faster (see `benches/pdf.rs`); the memory is reused by the next
//! report, not lost.

/// Tells the allocator to keep freed memory for reuse. A no-op off glibc.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::ffi::c_int;
        unsafe extern "C" {
            fn mallopt(param: c_int, value: c_int) -> c_int;
        }
        const M_TRIM_THRESHOLD: c_int = -1;
        // SAFETY: mallopt only changes a tuning parameter of glibc's allocator; it is
        // called before any thread is started.
        unsafe {
            mallopt(M_TRIM_THRESHOLD, 256 << 20);
        }
    }
}
