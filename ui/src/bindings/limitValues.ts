// Generated from journeymap::model::LIMITS by tests/core/bindings.rs. Do not edit.
import type { Limits } from "./Limits";

export const LIMITS: Limits = {
  "nameChars": 1000,
  "textChars": 100000,
  "coordinate": 10000000.0,
  "phaseDays": 250,
  "measurements": 10000,
  "customers": 1000000000,
  "holidays": 10000,
  "topTouchpoints": 15,
  "emotionMin": -3,
  "emotionMax": 3,
  "scoreMin": 1,
  "scoreMax": 5,
  "pillarMin": 1,
  "pillarMax": 5
};
