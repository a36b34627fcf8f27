//! The figures a manager reads on the dashboard and in the report's measures section, worked out
//! from a project for one map on one day. One computation serves both, so they never disagree.

use super::{CustomerFlow, CustomerPeriod, Direction, KpiStatus, Measurement, PillarScore, Trend};
use crate::model::{Id, Project, Reliability};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The latest feedback months shown in the trend (older months are summarised, not drawn).
pub const TREND_MONTHS: usize = 24;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub today: NaiveDate,
    /// The map the stage figures are for; `None` means every map.
    pub map_id: Option<Id>,
    /// The touchpoints chosen as the ones that matter, in their ranking order.
    pub top_touchpoints: Vec<TopTouchpoint>,
    /// Every KPI on the map's touchpoints: the top touchpoints' first.
    pub kpis: Vec<KpiRow>,
    /// Status counts of every KPI in `kpis`, the figures beside the KPI table.
    pub kpi_counts: KpiCounts,
    /// The same counts for the top touchpoints' KPIs only.
    pub top_kpi_counts: KpiCounts,
    pub reliability: ReliabilityBoard,
    pub feedback: FeedbackSummary,
    pub customers: Vec<CustomerFlow>,
    /// All ten pillars in order.
    pub pillars: Vec<PillarScore>,
    pub pillar_average: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TopTouchpoint {
    pub touchpoint_id: Id,
    pub rank: u32,
    pub title: String,
    pub stage: String,
    pub reliability: Reliability,
    pub expectation: i32,
    pub performance: i32,
    /// Expectation minus performance: positive means customers are let down.
    pub gap: i32,
    pub moment_of_truth: bool,
    pub kpis: u32,
    /// The worst status among its KPIs (`None` without KPIs).
    pub worst_status: Option<KpiStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiRow {
    pub kpi_id: Id,
    pub touchpoint_id: Id,
    pub touchpoint_title: String,
    pub stage: String,
    pub top: bool,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub target: f64,
    pub tolerance: f64,
    pub latest: Option<f64>,
    pub latest_date: Option<NaiveDate>,
    pub status: KpiStatus,
    pub trend: Trend,
    /// Measurements up to today, oldest first.
    pub series: Vec<Measurement>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiCounts {
    pub met: u32,
    pub near: u32,
    pub missed: u32,
    pub no_data: u32,
}

impl KpiCounts {
    fn of<'a>(rows: impl Iterator<Item = &'a KpiRow>) -> Self {
        let mut c = Self::default();
        for k in rows {
            match k.status {
                KpiStatus::Met => c.met += 1,
                KpiStatus::Near => c.near += 1,
                KpiStatus::Missed => c.missed += 1,
                KpiStatus::NoData => c.no_data += 1,
            }
        }
        c
    }

    /// "3 met, 1 near, 0 missed, 2 no data".
    pub fn summary(&self) -> String {
        format!(
            "{} met, {} near, {} missed, {} no data",
            self.met, self.near, self.missed, self.no_data
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReliabilityBoard {
    pub stages: Vec<StageReliability>,
    /// Touchpoints nobody has rated yet, counted apart so the rated ones are not diluted.
    pub unrated: u32,
    pub broken: u32,
    pub reliable: u32,
    pub differentiating: u32,
    /// Mean expectation − performance over all touchpoints.
    pub average_gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageReliability {
    pub stage_id: Id,
    pub name: String,
    pub unrated: u32,
    pub broken: u32,
    pub reliable: u32,
    pub differentiating: u32,
    pub moments_of_truth: u32,
    pub average_expectation: Option<f64>,
    pub average_performance: Option<f64>,
    pub average_gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackSummary {
    pub total: u32,
    pub customer_count: u32,
    pub employee_count: u32,
    pub average_sentiment: Option<f64>,
    pub stages: Vec<StageFeedback>,
    /// The months of the trend ("2026-03"), oldest first.
    pub months: Vec<String>,
    pub trend: Vec<StageTrend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageFeedback {
    pub stage_id: Id,
    pub name: String,
    pub count: u32,
    pub average_sentiment: Option<f64>,
    pub customer_count: u32,
    pub customer_sentiment: Option<f64>,
    pub employee_count: u32,
    pub employee_sentiment: Option<f64>,
    pub average_rating: Option<f64>,
}

/// A stage's mean sentiment per month of [`FeedbackSummary::months`] (`None`: no feedback).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageTrend {
    pub stage_id: Id,
    pub name: String,
    pub sentiment: Vec<Option<f64>>,
    pub counts: Vec<u32>,
}

/// A running mean.
#[derive(Default, Clone, Copy)]
struct Mean {
    sum: f64,
    n: u32,
}

impl Mean {
    fn add(&mut self, v: f64) {
        self.sum += v;
        self.n += 1;
    }

    fn get(self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / f64::from(self.n))
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn month_key(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

impl Dashboard {
    /// The figures of `map_id` (every map when `None`) on `today`.
    pub fn compute(project: &Project, map_id: Option<Id>, today: NaiveDate) -> Dashboard {
        let on_map = |m: Id| map_id.is_none_or(|want| want == m);
        let stages: Vec<_> = project
            .maps
            .iter()
            .filter(|m| on_map(m.id))
            .flat_map(|m| project.stages_of(m.id))
            .collect();
        let stage_name: HashMap<Id, &str> = project
            .stages
            .iter()
            .map(|s| (s.id, s.name.as_str()))
            .collect();
        let touchpoints: HashMap<Id, _> = project
            .touchpoints
            .iter()
            .filter(|t| on_map(t.map_id))
            .map(|t| (t.id, t))
            .collect();
        let rank: HashMap<Id, u32> = project
            .top_touchpoints
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, count(i) + 1))
            .collect();

        // KPIs: top touchpoints first (by rank), then the rest by touchpoint and name.
        let mut kpis: Vec<KpiRow> = project
            .kpis
            .iter()
            .filter_map(|k| {
                let t = touchpoints.get(&k.touchpoint_id)?;
                let latest = k.latest(today);
                Some(KpiRow {
                    kpi_id: k.id,
                    touchpoint_id: t.id,
                    touchpoint_title: t.title.clone(),
                    stage: stage_name
                        .get(&t.stage_id)
                        .copied()
                        .unwrap_or("")
                        .to_owned(),
                    top: rank.contains_key(&t.id),
                    name: k.name.clone(),
                    unit: k.unit.clone(),
                    direction: k.direction,
                    target: k.target,
                    tolerance: k.tolerance,
                    latest: latest.map(|m| m.value),
                    latest_date: latest.map(|m| m.date),
                    status: k.status(today),
                    trend: k.trend(today),
                    series: {
                        let mut s: Vec<Measurement> = k.measured_by(today).cloned().collect();
                        s.sort_by_key(|m| m.date);
                        s
                    },
                })
            })
            .collect();
        kpis.sort_by(|a, b| {
            let ra = rank.get(&a.touchpoint_id).copied().unwrap_or(u32::MAX);
            let rb = rank.get(&b.touchpoint_id).copied().unwrap_or(u32::MAX);
            ra.cmp(&rb)
                .then_with(|| a.touchpoint_title.cmp(&b.touchpoint_title))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.kpi_id.cmp(&b.kpi_id))
        });
        let kpi_counts = KpiCounts::of(kpis.iter());
        let top_kpi_counts = KpiCounts::of(kpis.iter().filter(|k| k.top));

        let top_touchpoints = project
            .top_touchpoints
            .iter()
            .filter_map(|id| touchpoints.get(id))
            .map(|t| {
                let own: Vec<&KpiRow> = kpis.iter().filter(|k| k.touchpoint_id == t.id).collect();
                TopTouchpoint {
                    touchpoint_id: t.id,
                    rank: rank[&t.id],
                    title: t.title.clone(),
                    stage: stage_name
                        .get(&t.stage_id)
                        .copied()
                        .unwrap_or("")
                        .to_owned(),
                    reliability: t.reliability,
                    expectation: t.expectation,
                    performance: t.performance,
                    gap: t.gap(),
                    moment_of_truth: t.moment_of_truth,
                    kpis: count(own.len()),
                    // No data sorts after every real status, so it is the worst only when alone.
                    worst_status: own.iter().map(|k| k.status).min(),
                }
            })
            .collect();

        Dashboard {
            today,
            map_id,
            top_touchpoints,
            kpis,
            kpi_counts,
            top_kpi_counts,
            reliability: reliability_board(project, &stages, &on_map),
            feedback: feedback_summary(project, &stages, &on_map, today),
            customers: CustomerPeriod::flows(&project.customer_periods),
            pillars: PillarScore::complete(&project.pillars),
            pillar_average: PillarScore::average(&project.pillars),
        }
    }
}

fn reliability_board(
    project: &Project,
    stages: &[&crate::model::Stage],
    on_map: &dyn Fn(Id) -> bool,
) -> ReliabilityBoard {
    #[derive(Default)]
    struct Acc {
        counts: [u32; 4],
        mot: u32,
        expectation: Mean,
        performance: Mean,
        gap: Mean,
    }
    let mut by_stage: HashMap<Id, Acc> = HashMap::new();
    let mut total = Acc::default();
    for t in project.touchpoints.iter().filter(|t| on_map(t.map_id)) {
        let slot = match t.reliability {
            Reliability::Broken => 0,
            Reliability::Reliable => 1,
            Reliability::Differentiating => 2,
            Reliability::Unrated => 3,
        };
        for acc in [by_stage.entry(t.stage_id).or_default(), &mut total] {
            acc.counts[slot] += 1;
            acc.mot += u32::from(t.moment_of_truth);
            acc.expectation.add(f64::from(t.expectation));
            acc.performance.add(f64::from(t.performance));
            acc.gap.add(f64::from(t.gap()));
        }
    }
    ReliabilityBoard {
        stages: stages
            .iter()
            .map(|s| {
                let a = by_stage.remove(&s.id).unwrap_or_default();
                StageReliability {
                    stage_id: s.id,
                    name: s.name.clone(),
                    unrated: a.counts[3],
                    broken: a.counts[0],
                    reliable: a.counts[1],
                    differentiating: a.counts[2],
                    moments_of_truth: a.mot,
                    average_expectation: a.expectation.get(),
                    average_performance: a.performance.get(),
                    average_gap: a.gap.get(),
                }
            })
            .collect(),
        unrated: total.counts[3],
        broken: total.counts[0],
        reliable: total.counts[1],
        differentiating: total.counts[2],
        average_gap: total.gap.get(),
    }
}

fn feedback_summary(
    project: &Project,
    stages: &[&crate::model::Stage],
    on_map: &dyn Fn(Id) -> bool,
    today: NaiveDate,
) -> FeedbackSummary {
    #[derive(Default)]
    struct Acc {
        all: Mean,
        customer: Mean,
        employee: Mean,
        rating: Mean,
    }
    let items: Vec<_> = project
        .feedback
        .iter()
        .filter(|f| on_map(f.map_id) && f.date <= today)
        .collect();
    // The trend's months: the newest TREND_MONTHS months that have feedback, and every month
    // between them.
    let months: Vec<(i32, u32)> = match (
        items.iter().map(|f| month_key(f.date)).min(),
        items.iter().map(|f| month_key(f.date)).max(),
    ) {
        (Some(first), Some(last)) => {
            let mut all = Vec::new();
            let mut m = first;
            while m <= last {
                all.push(m);
                m = if m.1 == 12 {
                    (m.0 + 1, 1)
                } else {
                    (m.0, m.1 + 1)
                };
            }
            let skip = all.len().saturating_sub(TREND_MONTHS);
            all.split_off(skip)
        }
        _ => Vec::new(),
    };
    let month_index: HashMap<(i32, u32), usize> =
        months.iter().enumerate().map(|(i, m)| (*m, i)).collect();

    let mut total = Acc::default();
    let mut by_stage: HashMap<Id, Acc> = HashMap::new();
    let mut trend: HashMap<Id, Vec<Mean>> = HashMap::new();
    for f in &items {
        let sentiment = f64::from(f.sentiment);
        for acc in [by_stage.entry(f.stage_id).or_default(), &mut total] {
            acc.all.add(sentiment);
            if f.source.is_customer() {
                acc.customer.add(sentiment);
            } else {
                acc.employee.add(sentiment);
            }
            if let Some(r) = f.rating {
                acc.rating.add(f64::from(r));
            }
        }
        if let Some(&i) = month_index.get(&month_key(f.date)) {
            trend
                .entry(f.stage_id)
                .or_insert_with(|| vec![Mean::default(); months.len()])[i]
                .add(sentiment);
        }
    }
    FeedbackSummary {
        total: total.all.n,
        customer_count: total.customer.n,
        employee_count: total.employee.n,
        average_sentiment: total.all.get(),
        stages: stages
            .iter()
            .map(|s| {
                let a = by_stage.remove(&s.id).unwrap_or_default();
                StageFeedback {
                    stage_id: s.id,
                    name: s.name.clone(),
                    count: a.all.n,
                    average_sentiment: a.all.get(),
                    customer_count: a.customer.n,
                    customer_sentiment: a.customer.get(),
                    employee_count: a.employee.n,
                    employee_sentiment: a.employee.get(),
                    average_rating: a.rating.get(),
                }
            })
            .collect(),
        months: months
            .iter()
            .map(|(y, m)| format!("{y:04}-{m:02}"))
            .collect(),
        trend: stages
            .iter()
            .filter_map(|s| {
                let means = trend.remove(&s.id)?;
                Some(StageTrend {
                    stage_id: s.id,
                    name: s.name.clone(),
                    sentiment: means.iter().map(|m| m.get()).collect(),
                    counts: means.iter().map(|m| m.n).collect(),
                })
            })
            .collect(),
    }
}
