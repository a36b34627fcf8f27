//! `journeymap tracker …`: plan redesigns on a work calendar and report where every redesign
//! of a project stands. Today comes from the command line or, failing that, the system clock,
//! read here and passed into the pure workflow functions.

use chrono::NaiveDate;
use clap::Subcommand;
use journeymap::app::{phase_index, Session};
use journeymap::workflow::{
    plan, AfterRejection, CorporateResponse, Decision, PhaseStatus, Weekmask, WorkCalendar,
};
use journeymap::{Error, Result};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum Tracker {
    /// Print the default 20-work-day plan from a start date.
    Plan {
        /// The first day (YYYY-MM-DD); a weekend or holiday rolls to the next work day.
        #[arg(long)]
        start: NaiveDate,
        /// Work days, seven 0/1 characters from Monday (numpy's convention).
        #[arg(long, default_value = "1111100")]
        weekmask: String,
        /// Holidays, comma-separated YYYY-MM-DD dates.
        #[arg(long, value_delimiter = ',')]
        holidays: Vec<NaiveDate>,
        /// Use this project's calendar and redesign template instead.
        #[arg(long)]
        project: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// List every redesign in a project: phase, status, work days remaining, forecast end.
    Status {
        file: PathBuf,
        /// The day to judge against (default: today).
        #[arg(long)]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Start planning a redesign of a touchpoint (by title or id).
    Start {
        file: PathBuf,
        #[arg(long)]
        touchpoint: String,
        #[arg(long)]
        start: NaiveDate,
        /// What the redesign changes (default: "Redesign: <touchpoint>").
        #[arg(long)]
        title: Option<String>,
    },
    /// Move a phase of a redesign (by title or id) to a new status.
    Advance {
        file: PathBuf,
        #[arg(long)]
        redesign: String,
        /// Phase number, counting from 1.
        #[arg(long)]
        phase: usize,
        /// not-started, in-progress, waiting or done.
        #[arg(long)]
        to: String,
        /// The day it happened (default: today).
        #[arg(long)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
        /// When this completes the redesign, move the touchpoint's reliability up one step.
        #[arg(long)]
        improve_reliability: bool,
    },
    /// Record corporate's answer to a redesign's proposal (completes the "Corporate response"
    /// phase on its date).
    Respond {
        file: PathBuf,
        #[arg(long)]
        redesign: String,
        /// approved, changes (approved with changes) or rejected.
        #[arg(long)]
        decision: String,
        /// The day corporate answered.
        #[arg(long)]
        date: NaiveDate,
        /// Who answered for corporate.
        #[arg(long, default_value = "")]
        by: String,
        #[arg(long, default_value = "")]
        comment: String,
        /// After a rejection: end the redesign (kept in history) or revise (back to "Propose
        /// change").
        #[arg(long, default_value = "end")]
        then: String,
    },
    /// Write a redesign's proposal to corporate: only the fields given change.
    Propose {
        file: PathBuf,
        #[arg(long)]
        redesign: String,
        #[arg(long)]
        problem: Option<String>,
        #[arg(long)]
        change: Option<String>,
        /// How it will be executed, one step per line.
        #[arg(long)]
        steps: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        /// Cost or effort.
        #[arg(long)]
        cost: Option<String>,
        /// What changes for employees.
        #[arg(long)]
        employees: Option<String>,
        /// The effect expected.
        #[arg(long)]
        effect: Option<String>,
        /// The KPI (by name) the effect should show in; one of the touchpoint's KPIs.
        #[arg(long)]
        kpi: Option<String>,
        /// The decision asked of corporate.
        #[arg(long)]
        decision: Option<String>,
    },
    /// Replace a project's holidays with those of an .ics or .csv file.
    Holidays {
        file: PathBuf,
        #[arg(long)]
        import: PathBuf,
    },
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A status as typed on the command line: `in-progress`, `in progress`, `In_Progress` and the
/// file format's `inProgress` are the same status; anything else is refused with the list.
fn status_of(s: &str) -> Result<PhaseStatus> {
    let typed = s.trim().to_lowercase().replace([' ', '_'], "-");
    PhaseStatus::ALL
        .into_iter()
        .find(|x| typed == x.label().replace(' ', "-") || typed == x.as_str().to_lowercase())
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "unknown status {s:?} (not-started, in-progress, waiting, done)"
            ))
        })
}

pub fn run(command: Tracker) -> Result<()> {
    match command {
        Tracker::Plan {
            start,
            weekmask,
            holidays,
            project,
            json,
        } => {
            let (calendar, template) = match project {
                Some(path) => {
                    let mut session = Session::viewing(&path)?;
                    let p = session.open_project()?;
                    (p.calendar.clone(), p.redesign_template.clone())
                }
                None => {
                    let mask = Weekmask::parse(&weekmask).ok_or_else(|| {
                        Error::InvalidInput(format!(
                            "weekmask {weekmask:?} must be seven 0/1 characters from Monday, with a work day"
                        ))
                    })?;
                    let cal = WorkCalendar::new(
                        mask,
                        holidays.into_iter().map(|d| (d, "Holiday".to_owned())),
                    );
                    (cal, journeymap::workflow::PhaseTemplate::default_template())
                }
            };
            let p = plan(&template, start, &calendar);
            if json {
                // The plan's own serialisation keeps the documented key order.
                #[derive(serde::Serialize)]
                struct Out<'a> {
                    end: NaiveDate,
                    phases: &'a [journeymap::workflow::PlannedPhase],
                }
                let out = Out {
                    end: p.end,
                    phases: &p.phases,
                };
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            } else {
                println!(
                    "{:<38} {:<12} {:<12} {:>4}",
                    "Phase", "First day", "Last day", "Days"
                );
                for x in &p.phases {
                    println!(
                        "{:<38} {:<12} {:<12} {:>4}",
                        x.name,
                        x.start.to_string(),
                        x.end.to_string(),
                        x.days
                    );
                }
                println!(
                    "Ends {} ({} work days from {})",
                    p.end,
                    calendar.count_work_days(p.start, p.end),
                    p.start
                );
            }
        }
        Tracker::Status {
            file,
            today: day,
            json,
        } => {
            let day = day.unwrap_or_else(today);
            let rows = Session::viewing(&file)?.redesign_status(day)?;
            if json {
                let list: Vec<_> = rows
                    .iter()
                    .map(|row| {
                        let (r, p) = (&row.redesign, &row.progress);
                        let phase = row.phase.map(|i| &r.phases[i]);
                        serde_json::json!({
                            "id": r.id, "title": r.title, "touchpoint": row.touchpoint, "stage": row.stage,
                            "phase": phase.map(|x| x.name.clone()),
                            "phaseStatus": phase.map(|x| x.status.as_str()),
                            "endedOn": r.ended_on.map(|d| d.to_string()),
                            "corporate": r.responses.last().map(|a| a.decision.as_str()),
                            "status": p.state,
                            "workDaysRemaining": p.work_days_remaining,
                            "forecastEnd": p.forecast_end.to_string(),
                            "plannedEnd": p.baseline.end.to_string(),
                        })
                    })
                    .collect();
                println!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({ "today": day.to_string(), "redesigns": list })
                    )
                    .unwrap_or_default()
                );
            } else if rows.is_empty() {
                println!("No redesigns in {}.", file.display());
            } else {
                println!("Redesigns on {day}");
                println!(
                    "{:<40} {:<26} {:<40} {:<9} {:>4}  {:<10}  {:<10}",
                    "Redesign", "Touchpoint", "Phase", "Status", "Left", "Forecast", "Planned"
                );
                for row in &rows {
                    let (r, p, t) = (&row.redesign, &row.progress, &row.touchpoint);
                    let phase = row
                        .phase
                        .map(|i| &r.phases[i])
                        .map(|x| format!("{} ({})", x.name, x.status.label()))
                        .or_else(|| r.ended_on.map(|d| format!("ended {d}")))
                        .unwrap_or_else(|| "—".into());
                    println!(
                        "{:<40} {:<26} {:<40} {:<9} {:>4}  {:<10}  {:<10}",
                        clip(&r.title, 40),
                        clip(t, 26),
                        clip(&phase, 40),
                        p.state.label(),
                        p.work_days_remaining,
                        p.forecast_end.to_string(),
                        p.baseline.end.to_string()
                    );
                }
            }
        }
        Tracker::Start {
            file,
            touchpoint,
            start,
            title,
        } => {
            let mut session = Session::editing(&file)?;
            let r = session.start_redesign(&touchpoint, start, title)?;
            let calendar = &session.open_project()?.calendar;
            println!(
                "planned \"{}\" from {} to {}",
                r.title,
                r.baseline(calendar).start,
                r.baseline(calendar).end
            );
        }
        Tracker::Advance {
            file,
            redesign,
            phase,
            to,
            date,
            note,
            improve_reliability,
        } => {
            let done = Session::editing(&file)?.advance_redesign(
                &redesign,
                phase_index(phase)?,
                status_of(&to)?,
                date.unwrap_or_else(today),
                note,
                improve_reliability,
            )?;
            let (next, index) = (&done.redesign, done.phase);
            println!(
                "{}: \"{}\" is {}",
                next.title,
                next.phases[index].name,
                next.phases[index].status.label()
            );
            if let Some(t) = &done.improved {
                println!("{} is now {}", t.title, t.reliability.word());
            } else if next.is_done() {
                println!("The redesign is done (add --improve-reliability to move the touchpoint up a step).");
            }
        }
        Tracker::Respond {
            file,
            redesign,
            decision,
            date,
            by,
            comment,
            then,
        } => {
            let decision = Decision::parse(decision.trim()).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "unknown decision {decision:?} (approved, changes or rejected)"
                ))
            })?;
            let after = match then.trim() {
                "end" => AfterRejection::End,
                "revise" => AfterRejection::Revise,
                other => {
                    return Err(Error::InvalidInput(format!(
                        "--then {other:?}: end or revise"
                    )))
                }
            };
            let response = CorporateResponse {
                decision,
                date,
                by,
                comment,
            };
            let mut session = Session::editing(&file)?;
            let next = session.respond_to_redesign(&redesign, response, after)?;
            let state = next.progress(&session.open_project()?.calendar, date).state;
            println!(
                "{}: corporate {} on {date}; the redesign is {}",
                next.title,
                decision.label(),
                state.label()
            );
        }
        Tracker::Propose {
            file,
            redesign,
            problem,
            change,
            steps,
            owner,
            cost,
            employees,
            effect,
            kpi,
            decision,
        } => {
            let mut session = Session::editing(&file)?;
            let current = session.redesign_named(&redesign)?.clone();
            let mut p = current.proposal.clone();
            for (field, value) in [
                (&mut p.problem, problem),
                (&mut p.change, change),
                (&mut p.steps, steps),
                (&mut p.owner, owner),
                (&mut p.cost, cost),
                (&mut p.employees, employees),
                (&mut p.effect, effect),
                (&mut p.decision, decision),
            ] {
                if let Some(v) = value {
                    *field = v.replace("\\n", "\n");
                }
            }
            if let Some(name) = kpi {
                let project = session.open_project()?;
                let found = project
                    .kpis
                    .iter()
                    .filter(|k| k.touchpoint_id == current.touchpoint_id)
                    .find(|k| k.name.eq_ignore_ascii_case(name.trim()) || k.id.to_string() == name);
                p.effect_kpi_id = Some(found.map(|k| k.id).ok_or_else(|| {
                    Error::InvalidInput(format!("no KPI {name:?} on the redesign's touchpoint"))
                })?);
            }
            let next = session.write_proposal(&redesign, p)?;
            println!("{}: proposal saved", next.title);
        }
        Tracker::Holidays { file, import } => {
            let read = Session::editing(&file)?.replace_holidays(&import, today())?;
            for problem in &read.not_imported {
                eprintln!("not imported: {problem}");
            }
            let count = read.holidays.len();
            println!(
                "{count} holiday{} imported into {}",
                if count == 1 { "" } else { "s" },
                file.display()
            );
        }
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_in_any_spelling_and_nothing_else() {
        for (typed, status) in [
            ("done", PhaseStatus::Done),
            ("in-progress", PhaseStatus::InProgress),
            ("in progress", PhaseStatus::InProgress),
            ("inProgress", PhaseStatus::InProgress),
            ("Not-Started", PhaseStatus::NotStarted),
            ("In_Progress", PhaseStatus::InProgress),
            ("waiting", PhaseStatus::Waiting),
        ] {
            assert_eq!(status_of(typed).unwrap(), status, "{typed}");
        }
        for bad in [
            "",
            "-",
            " ",
            "done-",
            "in--progress",
            "in-é",
            "é",
            "donee",
            "ın-progress",
        ] {
            assert_eq!(
                status_of(bad).unwrap_err().code(),
                journeymap::ErrorCode::InvalidInput,
                "{bad:?} is no status"
            );
        }
    }
}
