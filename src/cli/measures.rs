//! What `journeymap dashboard` and `import-feedback` print: the customer-experience figures and
//! what a feedback sheet gave. The work is the session's.

use chrono::NaiveDate;
use journeymap::app::{Session, SheetImported};
use journeymap::measure::KpiStatus;
use journeymap::Result;
use std::path::Path;

fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0))
}

fn num(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:+.2}"))
}

pub fn dashboard(file: &Path, map: Option<&str>, today: NaiveDate, json: bool) -> Result<()> {
    let mut session = Session::viewing(file)?;
    let map = session.map_named(map)?;
    let d = session.dashboard(Some(map), today)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
        return Ok(());
    }
    println!("Dashboard on {today}");
    println!(
        "\nKPIs: {} · on the top touchpoints ({}): {}",
        d.kpi_counts.summary(),
        d.top_touchpoints.len(),
        d.top_kpi_counts.summary()
    );
    for t in &d.top_touchpoints {
        println!(
            "  {:>2}. {:<36} {:<16} gap {:+}  {}",
            t.rank,
            t.title,
            t.reliability.word(),
            t.gap,
            t.worst_status.map_or("no KPI", KpiStatus::label)
        );
    }
    println!("\nKPIs");
    for k in &d.kpis {
        println!(
            "  {:<28} {:<28} latest {:>8} {:<4} target {:>8}  {}",
            k.touchpoint_title,
            k.name,
            k.latest.map_or("—".into(), |v| format!("{v}")),
            k.unit,
            k.target,
            k.status.label()
        );
    }
    println!("\nReliability by stage (not rated / broken / reliable / differentiating, mean gap)");
    for s in &d.reliability.stages {
        println!(
            "  {:<28} {:>3} {:>3} {:>3} {:>3}   {}",
            s.name,
            s.unrated,
            s.broken,
            s.reliable,
            s.differentiating,
            num(s.average_gap)
        );
    }
    println!(
        "\nFeedback: {} items ({} customer, {} employee), mean sentiment {}",
        d.feedback.total,
        d.feedback.customer_count,
        d.feedback.employee_count,
        num(d.feedback.average_sentiment)
    );
    for s in &d.feedback.stages {
        println!(
            "  {:<28} {:>6} items  customers {:>6}  employees {:>6}",
            s.name,
            s.count,
            num(s.customer_sentiment),
            num(s.employee_sentiment)
        );
    }
    println!("\nCustomers in / out");
    for f in &d.customers {
        println!(
            "  {:<16} +{:<6} -{:<6} net {:<8} churn {}",
            f.label,
            f.gained,
            f.lost,
            format!("{:+}", f.net),
            pct(f.churn_rate)
        );
    }
    println!(
        "\nPillars (mean {})",
        d.pillar_average
            .map_or("—".into(), |v| format!("{v:.1} of 5"))
    );
    for p in &d.pillars {
        println!(
            "  {:<26} {}",
            p.pillar.label(),
            p.score.map_or("not scored".into(), |s| format!("{s}/5"))
        );
    }
    Ok(())
}

/// What `import-feedback` says: the columns it read (on standard error, for the person to check)
/// and how many rows it imported.
pub fn print_feedback_import(file: &Path, done: &SheetImported, dry_run: bool) {
    let header = |field: &str| {
        done.columns
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, h)| h.as_ref())
            .map_or("—".to_string(), |h| format!("\"{h}\""))
    };
    eprintln!(
        "columns: date {}, text {}, stage {}, touchpoint {}, source {}, sentiment {}, rating {}",
        header("date"),
        header("text"),
        header("stage"),
        header("touchpoint"),
        header("source"),
        header("sentiment"),
        header("rating")
    );
    if dry_run {
        println!(
            "{} rows would be imported (dry run: nothing written)",
            done.count
        );
    } else {
        println!(
            "imported {} feedback items into {}",
            done.count,
            file.display()
        );
    }
}
