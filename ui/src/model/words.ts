// Counts in words people read: "1 row", "2 rows". No DOM.

/** `n` and the noun, singular for one: count(1, "row") is "1 row", count(3, "entry", "entries"). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${grouped(n)} ${n === 1 ? noun : plural}`;
}

/** A whole number with commas between thousands ("10,000"). By hand: the first
 * `toLocaleString` loads the locale data, 30 ms of the app's start. */
export function grouped(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split(".");
  const digits = (whole ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
}
