import { describe, expect, it } from "vitest";
import type { KpiRow } from "../bindings/KpiRow";
import { kpiChart } from "./charts";

function kpi(values: number[], target = 85): KpiRow {
  return {
    kpiId: "k",
    touchpointId: "t",
    touchpointTitle: "Identity check",
    stage: "Apply",
    top: false,
    name: "ID check completion rate",
    unit: "%",
    direction: "higherIsBetter",
    target,
    tolerance: 5,
    latest: values.at(-1) ?? null,
    latestDate: null,
    status: "missed",
    trend: "unknown",
    series: values.map((value, i) => ({ date: `2026-12-0${i + 1}`, value })),
  } as KpiRow;
}

describe("the KPI chart", () => {
  it("shows the target with a single measurement, where a line cannot be drawn", () => {
    const target = kpiChart(kpi([62])).data.datasets[1]!;
    expect(target.data).toEqual([85]);
    expect(target).toMatchObject({ pointStyle: "line" });
    expect((target as { pointRadius: number }).pointRadius).toBeGreaterThan(10);
  });

  it("draws the target as a line once there are two, with room above it", () => {
    const config = kpiChart(kpi([62, 70]));
    expect((config.data.datasets[1] as { pointRadius: number }).pointRadius).toBe(0);
    expect(config.options?.scales?.y).toMatchObject({ grace: "10%" });
  });
});
