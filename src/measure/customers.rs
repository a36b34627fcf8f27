//! Customers in and customers out: per period, how many customers came and went and why, with the
//! net change and the churn rate that the seeds ask leaders to watch.

use crate::model::{CustomerPeriod, Flow, FlowReason, Id};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A period's figures, worked out in the context of the periods before it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerFlow {
    pub period_id: Id,
    pub start: NaiveDate,
    pub label: String,
    /// Customers at the start: given, or carried from the previous period's end.
    pub at_start: Option<u32>,
    pub gained: u32,
    pub lost: u32,
    /// Gained minus lost.
    pub net: i64,
    /// Customers at the end (never below zero).
    pub at_end: Option<u32>,
    /// Lost ÷ customers at start, 0..; `None` when the start count is unknown or zero.
    pub churn_rate: Option<f64>,
    /// Net ÷ customers at start.
    pub growth_rate: Option<f64>,
    /// Reasons for customers gained and lost, largest first.
    pub reasons_in: Vec<FlowReason>,
    pub reasons_out: Vec<FlowReason>,
}

impl CustomerPeriod {
    /// The figures of every period, in date order. A period with no start count continues from
    /// the end of the one before; the first period with none has unknown rates.
    pub fn flows(periods: &[CustomerPeriod]) -> Vec<CustomerFlow> {
        let mut ordered: Vec<&CustomerPeriod> = periods.iter().collect();
        ordered.sort_by_key(|p| (p.start, p.id));
        let mut carried: Option<u32> = None;
        ordered
            .into_iter()
            .map(|p| {
                let at_start = p.customers_at_start.or(carried);
                let net = i64::from(p.gained) - i64::from(p.lost);
                let at_end = at_start
                    .map(|s| u32::try_from((i64::from(s) + net).max(0)).unwrap_or(u32::MAX));
                carried = at_end;
                let rate = |n: f64| match at_start {
                    Some(s) if s > 0 => Some(n / f64::from(s)),
                    _ => None,
                };
                let reasons = |flow: Flow| {
                    let mut r: Vec<FlowReason> = p
                        .reasons
                        .iter()
                        .filter(|r| r.flow == flow)
                        .cloned()
                        .collect();
                    r.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reason.cmp(&b.reason)));
                    r
                };
                CustomerFlow {
                    period_id: p.id,
                    start: p.start,
                    label: p.label.clone(),
                    at_start,
                    gained: p.gained,
                    lost: p.lost,
                    net,
                    at_end,
                    churn_rate: rate(f64::from(p.lost)),
                    growth_rate: rate(net as f64),
                    reasons_in: reasons(Flow::In),
                    reasons_out: reasons(Flow::Out),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(month: u32, at_start: Option<u32>, gained: u32, lost: u32) -> CustomerPeriod {
        CustomerPeriod {
            id: Id::from_u128(u128::from(month)),
            start: NaiveDate::from_ymd_opt(2026, month, 1).unwrap(),
            label: format!("M{month}"),
            customers_at_start: at_start,
            gained,
            lost,
            reasons: Vec::new(),
        }
    }

    #[test]
    fn churn_is_lost_over_customers_at_start_and_ends_carry_forward() {
        // Given out of order: flows sort by start date.
        let flows = CustomerPeriod::flows(&[
            period(2, None, 50, 30),
            period(1, Some(1000), 80, 20),
            period(3, Some(2000), 0, 100),
        ]);
        let jan = &flows[0];
        assert_eq!(jan.label, "M1");
        assert_eq!(jan.net, 60);
        assert_eq!(jan.at_end, Some(1060));
        assert_eq!(jan.churn_rate, Some(0.02));
        assert_eq!(jan.growth_rate, Some(0.06));
        let feb = &flows[1];
        assert_eq!(feb.at_start, Some(1060), "carried from January's end");
        assert_eq!(feb.at_end, Some(1080));
        assert!((feb.churn_rate.unwrap() - 30.0 / 1060.0).abs() < 1e-12);
        let mar = &flows[2];
        assert_eq!(
            mar.at_start,
            Some(2000),
            "a counted start overrides the carried one"
        );
        assert_eq!(mar.churn_rate, Some(0.05));
        assert_eq!(mar.net, -100);
    }

    #[test]
    fn unknown_or_zero_start_gives_no_rate_and_ends_never_go_negative() {
        let flows = CustomerPeriod::flows(&[
            period(1, None, 10, 5),
            period(2, Some(0), 3, 0),
            period(3, None, 0, 10),
        ]);
        assert_eq!(flows[0].at_start, None);
        assert_eq!(flows[0].churn_rate, None);
        assert_eq!(flows[0].at_end, None);
        assert_eq!(flows[1].churn_rate, None, "no customers at start: no rate");
        assert_eq!(flows[1].at_end, Some(3));
        assert_eq!(flows[2].at_start, Some(3));
        assert_eq!(flows[2].at_end, Some(0), "clamped at zero");
        assert!((flows[2].churn_rate.unwrap() - 10.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn reasons_are_split_by_flow_and_ranked() {
        let mut p = period(1, Some(100), 10, 10);
        let reason = |flow, reason: &str, count| FlowReason {
            flow,
            reason: reason.into(),
            count,
        };
        p.reasons = vec![
            reason(Flow::Out, "Lost bags", 3),
            reason(Flow::In, "Referral", 4),
            reason(Flow::Out, "Price", 7),
        ];
        let f = &CustomerPeriod::flows(&[p])[0];
        assert_eq!(f.reasons_in.len(), 1);
        let out: Vec<&str> = f.reasons_out.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(out, ["Price", "Lost bags"]);
    }
}
