//! Build steps for the app: Tauri's own, and the release binary's start-up code gathered in one
//! place at link time.

use std::env;
use std::path::Path;

fn main() {
    gather_startup_code();
    tauri_build::build()
}

/// Asks the linker to lay out first, side by side, the functions listed in `startup.order`: the
/// ones that run from launch to a project's first drawn map and through an edit, as traced by
/// `scripts/startup-order.sh`. The kernel reads code in 64 KB windows around each page first
/// used, so with that code spread over the whole 17 MB of the binary's text, 11 MB ended up
/// resident to run 3 MB of it (docs/performance.md, twelfth round). A function missing from the
/// binary (renamed since the trace) is skipped; the others still land together.
///
/// Only for release builds on x86_64 Linux with glibc, where Rust links with its own LLD by
/// default (the option is LLD's); `JOURNEYMAP_LINK_ORDER=0` leaves the layout to the linker, for a
/// toolchain that links with another.
fn gather_startup_code() {
    println!("cargo:rerun-if-changed=startup.order");
    println!("cargo:rerun-if-env-changed=JOURNEYMAP_LINK_ORDER");
    let var = |name: &str| env::var(name).unwrap_or_default();
    let lld_by_default = var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu";
    if var("PROFILE") != "release" || !lld_by_default || var("JOURNEYMAP_LINK_ORDER") == "0" {
        return;
    }
    let order = Path::new(&var("CARGO_MANIFEST_DIR")).join("startup.order");
    for arg in [
        format!("--symbol-ordering-file={}", order.display()),
        "--no-warn-symbol-ordering".to_string(),
    ] {
        println!("cargo:rustc-link-arg-bin=journeymap-desktop=-Wl,{arg}");
    }
}
