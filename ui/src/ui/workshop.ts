// Workshop mode: the map full-screen for a projector, a large activity timer, and dot-voting
// (a click on a sticky note adds a vote).

import { h } from "./dom";

const PRESETS = [5, 10, 15, 25];

export class Workshop {
  readonly timer = h("div", { class: "workshop-bar", role: "timer", "aria-live": "off" });
  private remaining = 10 * 60;
  private preset = 10 * 60;
  private running = false;
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly display = h("span", { class: "clock" }, "10:00");
  private readonly startButton = h("button", { type: "button", class: "primary" }, "Start");
  readonly voteToggle = h("input", { type: "checkbox", name: "voting" });
  /** How to join the live room, on the projector while one is open. */
  private readonly join = h("span", { class: "workshop-join", hidden: true });

  /** Told when the timer starts, pauses or is set (the live room shows it to participants). */
  onTimer: (remaining: number, running: boolean) => void = () => undefined;

  constructor(
    private readonly onExit: () => void,
    onVoting: (on: boolean) => void,
  ) {
    this.startButton.addEventListener("click", () => (this.running ? this.pause() : this.start()));
    this.voteToggle.addEventListener("change", () => onVoting(this.voteToggle.checked));
    this.timer.append(
      this.display,
      this.startButton,
      h("button", { type: "button", onclick: () => this.reset(this.preset) }, "Reset"),
      ...PRESETS.map((m) => h("button", { type: "button", onclick: () => this.reset(m * 60) }, `${m} min`)),
      h("label", { class: "check vote" }, this.voteToggle, "Dot-voting: click notes to vote"),
      this.join,
      h("button", { type: "button", onclick: () => this.onExit() }, "Exit workshop (Esc)"),
    );
  }

  /** The open room's address and code, or nothing when no room is open. */
  showRoom(room: { url: string; code: string } | null): void {
    this.join.hidden = !room;
    if (room) this.join.replaceChildren("Join: ", h("span", { class: "url" }, room.url), " · code ", h("strong", {}, room.code));
  }

  private show(): void {
    const m = Math.floor(this.remaining / 60),
      s = this.remaining % 60;
    this.display.textContent = `${m}:${String(s).padStart(2, "0")}`;
    this.timer.classList.toggle("done", this.remaining === 0);
    this.startButton.textContent = this.running ? "Pause" : "Start";
  }

  start(): void {
    if (this.remaining === 0) return;
    this.running = true;
    this.interval = setInterval(() => {
      this.remaining = Math.max(0, this.remaining - 1);
      if (this.remaining === 0) this.pause();
      this.show();
    }, 1000);
    this.show();
    this.onTimer(this.remaining, true);
  }

  pause(): void {
    this.running = false;
    if (this.interval) clearInterval(this.interval);
    this.show();
    this.onTimer(this.remaining, false);
  }

  /** The timer as it stands, for a room that opens while it runs. */
  get state(): { remaining: number; running: boolean } {
    return { remaining: this.remaining, running: this.running };
  }

  reset(seconds: number): void {
    this.pause();
    this.preset = seconds;
    this.remaining = seconds;
    this.show();
  }
}
