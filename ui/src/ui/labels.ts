// Words for the core's enum values, shared by the views.

import type { FeedbackSource } from "../bindings/FeedbackSource";
import type { KpiStatus } from "../bindings/KpiStatus";
import type { Pillar } from "../bindings/Pillar";

export const PILLAR_LABEL: Record<Pillar, string> = {
  visionAndGoals: "Vision and goals",
  employeeEngagement: "Employee engagement",
  voiceOfTheCustomer: "Voice of the customer",
  customerService: "Customer service",
  customerNarrative: "Customer narrative",
  processesAndTechnology: "Processes and technology",
  customerAdvocacy: "Customer advocacy",
  innovation: "Innovation",
  investments: "Investments",
  leadership: "Leadership",
};

export const STATUS_LABEL: Record<KpiStatus, string> = { met: "Met", near: "Near target", missed: "Missed", noData: "No data" };

export const SOURCE_LABEL: Record<FeedbackSource, string> = {
  survey: "Survey",
  review: "Review",
  social: "Social",
  call: "Call",
  employee: "Employee",
};

/** `text` as a file name on any system: characters Windows or a path would refuse become a dash
 * set off by spaces ("Redesign: Identity check" → "Redesign - Identity check"). */
export function fileNameOf(text: string): string {
  return text
    .replace(/\s*[\\/:*?"<>|]+\s*/g, " - ")
    .replace(/^[\s-]+|[\s-]+$/g, "")
    .trim();
}

/** A file's size for a person: "130 KB" (never "0 KB"), kept on one line with its unit. */
export function fileSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))}\u00a0KB`;
}
