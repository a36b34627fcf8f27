import { describe, expect, it } from "vitest";
import { REMEMBERED_PROJECTS, ViewMemory } from "./viewMemory";

function storage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe("view memory", () => {
  it("recalls each project's view by its path", () => {
    const s = storage();
    const memory = new ViewMemory(s);
    memory.remember("/a.journey", { mapId: "m1", cameras: { m1: { x: 1, y: 2, zoom: 1.5 } } });
    memory.remember("/b.journey", { mapId: "m2", cameras: {} });
    const later = new ViewMemory(s);
    expect(later.recall("/a.journey")).toEqual({ mapId: "m1", cameras: { m1: { x: 1, y: 2, zoom: 1.5 } } });
    expect(later.recall("/b.journey")?.mapId).toBe("m2");
    expect(later.recall("/c.journey")).toBeUndefined();
  });

  it("forgets the projects looked at longest ago", () => {
    const s = storage();
    let t = 0;
    const memory = new ViewMemory(s, () => ++t);
    for (let i = 0; i <= REMEMBERED_PROJECTS; i++) memory.remember(`/p${i}.journey`, { mapId: "m", cameras: {} });
    expect(memory.recall("/p0.journey")).toBeUndefined();
    expect(memory.recall("/p1.journey")).toBeDefined();
    expect(memory.recall(`/p${REMEMBERED_PROJECTS}.journey`)).toBeDefined();
  });

  it("takes damaged or refused storage in its stride", () => {
    const s = storage();
    s.items.set("journeymap.views", "{not json");
    expect(new ViewMemory(s).recall("/a.journey")).toBeUndefined();
    s.items.set("journeymap.views", "[1,2]");
    expect(new ViewMemory(s).recall("0")).toBeUndefined();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => new ViewMemory(full).remember("/a.journey", { mapId: "m", cameras: {} })).not.toThrow();
  });
});
