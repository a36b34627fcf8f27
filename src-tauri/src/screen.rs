//! The window on the screen it opens on: never larger than the screen's work area (the part not
//! taken by panels and docks), so the side panel and status bar are never cut off on a 1280 px
//! laptop or a projector.

/// The size (physical pixels) the window should take: as asked, or shrunk to fit `area` with a
/// small margin. `None` when it already fits.
pub fn fitted(size: (u32, u32), area: (u32, u32)) -> Option<(u32, u32)> {
    // A window filling the whole work area looks maximised; leave the desktop visible around it.
    let max = (
        area.0.saturating_sub(area.0 / 25),
        area.1.saturating_sub(area.1 / 25),
    );
    if size.0 <= area.0 && size.1 <= area.1 {
        return None;
    }
    Some((size.0.min(max.0).max(1), size.1.min(max.1).max(1)))
}

/// Shrinks and centres the window when it is larger than its screen's work area.
pub fn fit_to_screen<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    let Some(monitor) = window.current_monitor()?.or(window.primary_monitor()?) else {
        return Ok(());
    };
    let area = monitor.work_area();
    // Before the window is shown (at setup) GTK reports an outer size of 0 × 0; the inner size
    // is the configured one then.
    let outer = window.outer_size()?;
    let size = if outer.width == 0 || outer.height == 0 {
        window.inner_size()?
    } else {
        outer
    };
    if let Some((w, h)) = fitted(
        (size.width, size.height),
        (area.size.width, area.size.height),
    ) {
        window.set_size(tauri::PhysicalSize::new(w, h))?;
        window.set_position(tauri::PhysicalPosition::new(
            area.position.x + (area.size.width.saturating_sub(w) / 2) as i32,
            area.position.y + (area.size.height.saturating_sub(h) / 2) as i32,
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_wider_than_a_laptop_screen_is_shrunk() {
        assert_eq!(fitted((1440, 900), (1280, 752)), Some((1229, 722)));
        assert_eq!(
            fitted((1440, 900), (1920, 1050)),
            None,
            "a big screen keeps the size"
        );
        assert_eq!(fitted((1000, 1200), (1920, 1050)), Some((1000, 1008)));
    }
}
