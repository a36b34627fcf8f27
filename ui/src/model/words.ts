// Counts in words people read: "1 row", "2 rows". No DOM.

/** `n` and the noun, singular for one: count(1, "row") is "1 row", count(3, "entry", "entries"). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural}`;
}
