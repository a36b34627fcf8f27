//! The smallest Tauri 2 app that draws a canvas: what WebKitGTK and Tauri cost before any
//! Journeymap code runs (see docs/performance.md).

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}
