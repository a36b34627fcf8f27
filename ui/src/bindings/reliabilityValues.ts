// Generated from journeymap::model::Reliability by tests/core/bindings.rs. Do not edit.
import type { Reliability } from "./Reliability";

export const RELIABILITY_COLOR: Record<Reliability, string> = {
  "broken": "#dc2626",
  "differentiating": "#16a34a",
  "reliable": "#2563eb",
  "unrated": "#94a3b8"
};

export const RELIABILITY_LABEL: Record<Reliability, string> = {
  "broken": "Broken",
  "differentiating": "Differentiating",
  "reliable": "Reliable",
  "unrated": "Not rated"
};

/** Every value in the order a person picks from: not rated, then worst to best. */
export const RELIABILITIES: readonly Reliability[] = ["unrated","broken","reliable","differentiating"];
