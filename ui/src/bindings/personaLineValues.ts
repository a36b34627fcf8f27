// Generated from journeymap::model::OWN_LINE_COLOUR and PERSONA_LINE_COLOURS by tests/core/bindings.rs. Do not edit.

export const OWN_LINE_COLOUR = "#7c3aed";

export const PERSONA_LINE_COLOURS: string[] = ["#0891b2","#db2777","#ca8a04","#059669"];

export const MAX_PERSONA_LINES = 5;
