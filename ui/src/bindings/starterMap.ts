// Generated from journeymap::model::STARTER_STAGES and STARTER_LANES by tests/core/bindings.rs. Do not edit.
import type { LaneKind } from "./LaneKind";

export const STARTER_STAGES: string[] = ["Discover","Decide","Experience","Follow up"];

export const STARTER_LANES: Array<{ name: string; kind: LaneKind }> = [{"kind":"customerActions","name":"Customer actions"},{"kind":"touchpoints","name":"Touchpoints"},{"kind":"frontstage","name":"Frontstage"},{"kind":"backstage","name":"Backstage"},{"kind":"supportSystems","name":"Support systems"},{"kind":"thoughtsAndFeelings","name":"Thoughts & feelings"},{"kind":"painPoints","name":"Pain points"},{"kind":"opportunities","name":"Opportunities"}];
