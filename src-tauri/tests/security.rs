//! The shell's security settings, checked so that a later change cannot quietly widen them:
//! a strict Content-Security-Policy with no remote sources, and capabilities that grant only what
//! the app uses (no shell, no filesystem plugin, no HTTP).

use std::path::Path;

fn json(path: &str) -> serde_json::Value {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&full).expect("config file exists"))
        .expect("config file is JSON")
}

#[test]
fn content_security_policy_allows_no_remote_content() {
    let conf = json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "CSP has {directive}: {csp}");
    }
    for forbidden in ["http:", "https:", "*", "'unsafe-eval'", "data: ;script"] {
        let remote = csp.split(';').any(|d| {
            let d = d.trim();
            !d.starts_with("connect-src") && d.split_whitespace().skip(1).any(|s| s == forbidden)
        });
        assert!(!remote, "CSP allows {forbidden}: {csp}");
    }
    assert_eq!(
        conf["app"]["withGlobalTauri"], false,
        "no global Tauri object for injected scripts"
    );
}

#[test]
fn capabilities_grant_only_what_the_app_uses() {
    let caps = json("capabilities/default.json");
    let permissions: Vec<&str> = caps["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    for p in &permissions {
        assert!(
            !(p.starts_with("shell:")
                || p.starts_with("fs:")
                || p.starts_with("http:")
                || p.starts_with("process:")),
            "capability {p} is not needed by the app"
        );
    }
    assert!(
        permissions.contains(&"dialog:allow-open"),
        "the open dialog is allowed"
    );
    assert_eq!(
        caps["windows"],
        serde_json::json!(["main"]),
        "only the main window"
    );
    assert!(
        caps.get("remote").is_none(),
        "no remote URLs get IPC access"
    );
}
