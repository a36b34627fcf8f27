//! What the app holds on to: two settings, made before any thread starts, that keep some 18 MB
//! of a 10,000-card project's memory off the machine for a few milliseconds of drawing
//! (docs/performance.md, tenth round), and freed pages handed back after a project opens.
//!
//! - WebKit's JavaScript engine compiles hot code in tiers; its optimizing tiers (DFG, and FTL
//!   above it) kept 10–12 MB in the web process. Without them a full drawing of 10,000 cards
//!   takes 27 → 32 ms, a pan or zoom frame is unchanged (it moves a bitmap), and start is the same.
//! - glibc's allocator raises its threshold for giving large blocks their own pages each time
//!   one is freed, so the project's few-MB lists and the JSON sent to the window were carved from
//!   the heap and their pages kept once freed: about 7 MB of the app process.

use std::ffi::OsString;

/// JavaScriptCore's switch for its optimizing compiler (the FTL tier builds on it).
const OPTIMIZING_JIT: &str = "JSC_useDFGJIT";

/// Blocks this large or larger get pages of their own, returned when freed (glibc's starting
/// value, kept fixed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const OWN_PAGES_FROM: i32 = 128 * 1024;

/// Makes both settings, unless the person set the JavaScript switch themselves. Called first
/// thing in `main`, before any thread starts (WebKit's processes inherit the environment).
pub fn hold_less() {
    if let Some(value) = jit_setting(std::env::var_os(OPTIMIZING_JIT)) {
        std::env::set_var(OPTIMIZING_JIT, value);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` sets one of glibc's allocator parameters and touches no Rust memory; it
    // runs before any other thread exists, as glibc asks.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
    }
}

/// Hands the pages freed since the last call back to the system. Opening a project reads it
/// whole to check it, then sets its feedback aside (about 1 MB of small blocks at 10,000 items,
/// with what is kept above them), and opening another drops the last one; glibc keeps such pages
/// for reuse unless asked. Called after each open, beside the window drawing the project.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` returns whole free pages of glibc's heaps to the system; it touches
    // no memory in use and is safe to call from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What to set the switch to: off, unless the person already chose.
fn jit_setting(already: Option<OsString>) -> Option<&'static str> {
    already.is_none().then_some("0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_optimizing_compiler_is_off_unless_the_person_chose() {
        assert_eq!(jit_setting(None), Some("0"));
        assert_eq!(jit_setting(Some("1".into())), None, "a person's 1 is kept");
    }
}
