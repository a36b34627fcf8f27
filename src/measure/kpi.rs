//! Key performance indicators on touchpoints: a target, a direction, and dated measurements, with
//! the status and trend a manager reads at a glance.

use crate::model::{Direction, Kpi, Measurement};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a KPI's latest value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KpiStatus {
    /// Worse than the target by more than the tolerance.
    Missed,
    /// Short of the target, but within the tolerance.
    Near,
    /// At or beyond the target.
    Met,
    /// Nothing measured yet (on or before the day asked about).
    NoData,
}

impl KpiStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Missed => "Missed",
            Self::Near => "Near target",
            Self::Met => "Met",
            Self::NoData => "No data",
        }
    }
}

/// How the latest value compares with the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    Improving,
    Steady,
    Worsening,
    /// Fewer than two measurements.
    Unknown,
}

impl Direction {
    /// True when `a` is better than `b`.
    fn better(self, a: f64, b: f64) -> bool {
        match self {
            Self::HigherIsBetter => a > b,
            Self::LowerIsBetter => a < b,
        }
    }
}

impl Kpi {
    /// Puts measurements in date order, keeping the last value given for a date.
    pub fn sort_measurements(&mut self) {
        self.measurements.sort_by_key(|m| m.date);
        let mut kept: Vec<Measurement> = Vec::with_capacity(self.measurements.len());
        for m in self.measurements.drain(..) {
            match kept.last_mut() {
                Some(last) if last.date == m.date => *last = m,
                _ => kept.push(m),
            }
        }
        self.measurements = kept;
    }

    /// Measurements taken on or before `today`, oldest first.
    pub fn measured_by(&self, today: NaiveDate) -> impl Iterator<Item = &Measurement> {
        self.measurements.iter().filter(move |m| m.date <= today)
    }

    /// The newest measurement on or before `today`.
    pub fn latest(&self, today: NaiveDate) -> Option<&Measurement> {
        self.measured_by(today).max_by_key(|m| m.date)
    }

    /// The status of `value` against the target.
    pub fn status_of(&self, value: f64) -> KpiStatus {
        let shortfall = match self.direction {
            Direction::HigherIsBetter => self.target - value,
            Direction::LowerIsBetter => value - self.target,
        };
        if shortfall <= 0.0 {
            KpiStatus::Met
        } else if shortfall <= self.tolerance.max(0.0) {
            KpiStatus::Near
        } else {
            KpiStatus::Missed
        }
    }

    /// The status of the newest value measured on or before `today`.
    pub fn status(&self, today: NaiveDate) -> KpiStatus {
        self.latest(today)
            .map_or(KpiStatus::NoData, |m| self.status_of(m.value))
    }

    /// Whether the newest value (by `today`) is better, worse or the same as the one before.
    pub fn trend(&self, today: NaiveDate) -> Trend {
        let mut seen: Vec<&Measurement> = self.measured_by(today).collect();
        seen.sort_by_key(|m| m.date);
        match seen.as_slice() {
            [.., before, last] => {
                if self.direction.better(last.value, before.value) {
                    Trend::Improving
                } else if self.direction.better(before.value, last.value) {
                    Trend::Worsening
                } else {
                    Trend::Steady
                }
            }
            _ => Trend::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn kpi(direction: Direction, target: f64, tolerance: f64, values: &[(u32, f64)]) -> Kpi {
        Kpi {
            id: Id::nil(),
            touchpoint_id: Id::nil(),
            name: "k".into(),
            unit: String::new(),
            direction,
            target,
            tolerance,
            measurements: values
                .iter()
                .map(|&(day, value)| Measurement {
                    date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
                    value,
                })
                .collect(),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn higher_is_better_status_uses_the_latest_value_and_the_tolerance() {
        let k = kpi(
            Direction::HigherIsBetter,
            80.0,
            5.0,
            &[(1, 70.0), (8, 76.0), (15, 80.0)],
        );
        assert_eq!(
            k.status(day(1)),
            KpiStatus::Missed,
            "70 is 10 short, tolerance 5"
        );
        assert_eq!(k.status(day(8)), KpiStatus::Near, "76 is 4 short");
        assert_eq!(k.status(day(20)), KpiStatus::Met, "80 meets 80");
        assert_eq!(
            k.status_of(75.0),
            KpiStatus::Near,
            "exactly the tolerance is near"
        );
        assert_eq!(k.status_of(74.999), KpiStatus::Missed);
        assert_eq!(k.status_of(95.0), KpiStatus::Met);
    }

    #[test]
    fn lower_is_better_status_mirrors() {
        let k = kpi(
            Direction::LowerIsBetter,
            10.0,
            2.0,
            &[(1, 15.0), (2, 11.5), (3, 9.0)],
        );
        assert_eq!(k.status(day(1)), KpiStatus::Missed);
        assert_eq!(k.status(day(2)), KpiStatus::Near);
        assert_eq!(k.status(day(3)), KpiStatus::Met);
        assert_eq!(k.status_of(10.0), KpiStatus::Met);
        assert_eq!(k.status_of(12.0), KpiStatus::Near);
        assert_eq!(k.status_of(12.01), KpiStatus::Missed);
    }

    #[test]
    fn no_measurement_yet_is_no_data_and_future_values_are_ignored() {
        let k = kpi(Direction::HigherIsBetter, 1.0, 0.0, &[(10, 5.0)]);
        assert_eq!(k.status(day(9)), KpiStatus::NoData);
        assert_eq!(k.status(day(10)), KpiStatus::Met);
        let empty = kpi(Direction::HigherIsBetter, 1.0, 0.0, &[]);
        assert_eq!(empty.status(day(31)), KpiStatus::NoData);
        assert_eq!(empty.trend(day(31)), Trend::Unknown);
    }

    #[test]
    fn zero_tolerance_has_no_near_band_and_negative_tolerance_counts_as_zero() {
        let k = kpi(Direction::HigherIsBetter, 50.0, -3.0, &[]);
        assert_eq!(k.status_of(49.9), KpiStatus::Missed);
        assert_eq!(k.status_of(50.0), KpiStatus::Met);
    }

    #[test]
    fn trend_follows_the_direction() {
        let up = kpi(Direction::HigherIsBetter, 0.0, 0.0, &[(1, 3.0), (2, 4.0)]);
        assert_eq!(up.trend(day(2)), Trend::Improving);
        assert_eq!(up.trend(day(1)), Trend::Unknown);
        let down = kpi(Direction::LowerIsBetter, 0.0, 0.0, &[(1, 3.0), (2, 4.0)]);
        assert_eq!(down.trend(day(2)), Trend::Worsening);
        let flat = kpi(Direction::LowerIsBetter, 0.0, 0.0, &[(1, 3.0), (2, 3.0)]);
        assert_eq!(flat.trend(day(2)), Trend::Steady);
    }

    #[test]
    fn measurements_sort_by_date_and_the_last_value_for_a_date_wins() {
        let mut k = kpi(
            Direction::HigherIsBetter,
            0.0,
            0.0,
            &[(5, 1.0), (2, 2.0), (5, 3.0)],
        );
        k.sort_measurements();
        let got: Vec<(NaiveDate, f64)> = k.measurements.iter().map(|m| (m.date, m.value)).collect();
        assert_eq!(got, vec![(day(2), 2.0), (day(5), 3.0)]);
    }
}
