// The dashboard's charts, drawn by Chart.js from the core's figures. Each function turns one part
// of a `Dashboard` into a chart configuration; nothing here computes a figure itself.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import type { Dashboard } from "../bindings/Dashboard";
import type { KpiRow } from "../bindings/KpiRow";
import { PILLAR_LABEL } from "./labels";
import { RELIABILITY_COLOR } from "../bindings/reliabilityValues";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
);

export const COLORS = { ...RELIABILITY_COLOR, muted: "#64748b", amber: "#d97706" };
const SERIES = ["#2563eb", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#65a30d"];

const base = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: "bottom" as const } },
};

export function reliabilityChart(d: Dashboard): ChartConfiguration {
  const stages = d.reliability.stages;
  return {
    type: "bar",
    data: {
      labels: stages.map((s) => s.name),
      datasets: [
        ...(d.reliability.unrated > 0
          ? [{ type: "bar" as const, label: "Not rated", data: stages.map((s) => s.unrated), backgroundColor: COLORS.unrated, stack: "r" }]
          : []),
        { type: "bar", label: "Broken", data: stages.map((s) => s.broken), backgroundColor: COLORS.broken, stack: "r" },
        { type: "bar", label: "Reliable", data: stages.map((s) => s.reliable), backgroundColor: COLORS.reliable, stack: "r" },
        {
          type: "bar",
          label: "Differentiating",
          data: stages.map((s) => s.differentiating),
          backgroundColor: COLORS.differentiating,
          stack: "r",
        },
        {
          type: "line",
          label: "Expectation − performance (mean gap)",
          data: stages.map((s) => s.averageGap),
          borderColor: COLORS.amber,
          backgroundColor: COLORS.amber,
          yAxisID: "gap",
        },
      ],
    },
    options: {
      ...base,
      scales: {
        x: { stacked: true },
        y: { stacked: true, title: { display: true, text: "Touchpoints" }, ticks: { precision: 0 } },
        gap: { position: "right", title: { display: true, text: "Gap" }, grid: { drawOnChartArea: false } },
      },
    },
  };
}

export function feedbackTrendChart(d: Dashboard): ChartConfiguration {
  return {
    type: "line",
    data: {
      labels: d.feedback.months,
      datasets: d.feedback.trend.map((t, i) => ({
        label: t.name,
        data: t.sentiment,
        borderColor: SERIES[i % SERIES.length],
        backgroundColor: SERIES[i % SERIES.length],
        spanGaps: true,
      })),
    },
    options: { ...base, scales: { y: { min: -2, max: 2, title: { display: true, text: "Mean sentiment (−2…+2)" } } } },
  };
}

export function voicesChart(d: Dashboard): ChartConfiguration {
  const stages = d.feedback.stages;
  return {
    type: "bar",
    data: {
      labels: stages.map((s) => s.name),
      datasets: [
        { label: "Customers", data: stages.map((s) => s.customerSentiment), backgroundColor: COLORS.reliable },
        { label: "Employees", data: stages.map((s) => s.employeeSentiment), backgroundColor: COLORS.amber },
      ],
    },
    options: { ...base, scales: { y: { min: -2, max: 2, title: { display: true, text: "Mean sentiment" } } } },
  };
}

export function customersChart(d: Dashboard): ChartConfiguration {
  const flows = d.customers;
  return {
    type: "bar",
    data: {
      labels: flows.map((f) => f.label),
      datasets: [
        { type: "bar", label: "Customers in", data: flows.map((f) => f.gained), backgroundColor: COLORS.differentiating },
        { type: "bar", label: "Customers out", data: flows.map((f) => -f.lost), backgroundColor: COLORS.broken },
        {
          type: "line",
          label: "Churn rate (%)",
          data: flows.map((f) => (f.churnRate === null ? null : +(f.churnRate * 100).toFixed(2))),
          borderColor: COLORS.muted,
          backgroundColor: COLORS.muted,
          yAxisID: "churn",
        },
      ],
    },
    options: {
      ...base,
      scales: {
        y: { title: { display: true, text: "Customers" } },
        churn: { position: "right", min: 0, title: { display: true, text: "Churn %" }, grid: { drawOnChartArea: false } },
      },
    },
  };
}

export function pillarsChart(d: Dashboard): ChartConfiguration {
  return {
    type: "radar",
    data: {
      labels: d.pillars.map((p) => PILLAR_LABEL[p.pillar]),
      datasets: [
        {
          label: "Self-assessment (1–5)",
          data: d.pillars.map((p) => p.score ?? 0),
          borderColor: COLORS.reliable,
          backgroundColor: "rgba(37, 99, 235, 0.2)",
          fill: true,
        },
      ],
    },
    options: { ...base, scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } } },
  };
}

export function kpiChart(k: KpiRow): ChartConfiguration {
  return {
    type: "line",
    data: {
      labels: k.series.map((m) => m.date),
      datasets: [
        {
          label: `${k.name}${k.unit ? ` (${k.unit})` : ""}`,
          data: k.series.map((m) => m.value),
          borderColor: COLORS.reliable,
          backgroundColor: COLORS.reliable,
        },
        {
          label: "Target",
          data: k.series.map(() => k.target),
          borderColor: COLORS.differentiating,
          borderDash: [6, 4],
          // One measurement makes no line: the target is then a wide dash across the point.
          ...(k.series.length === 1 ? { pointStyle: "line" as const, pointRadius: 40, borderWidth: 2 } : { pointRadius: 0 }),
        },
      ],
    },
    // Room above and below, so a target at the highest or lowest value is not lost in the edge;
    // a single date sits in the middle.
    options: { ...base, scales: { y: { grace: "10%" }, x: { offset: k.series.length === 1 } } },
  };
}

/** A chart in a sized box; the caller destroys it before redrawing. */
export function chartBox(title: string, name: string, config: ChartConfiguration, charts: Chart[]): HTMLElement {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", title);
  canvas.dataset.chart = name;
  const box = document.createElement("figure");
  box.className = "chart";
  const caption = document.createElement("figcaption");
  caption.textContent = title;
  const holder = document.createElement("div");
  holder.className = "chart-canvas";
  holder.append(canvas);
  box.append(caption, holder);
  // Chart.js measures its parent: create it once the box is in the document.
  queueMicrotask(() => charts.push(new Chart(canvas, config)));
  return box;
}
