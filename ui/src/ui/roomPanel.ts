// The facilitator's room panel: the join address, a QR code and the code big enough to read from
// the back of the room, who is in, and the controls (phase, vote budget, lock, remove, close).
// The room keeps running while the panel is hidden; opening the room again shows the panel.

import type { ParticipantView } from "../bindings/ParticipantView";
import type { RoomPhase } from "../bindings/RoomPhase";
import type { RoomState } from "../bindings/RoomState";
import type { Backend } from "../ipc/backend";
import { count } from "../model/words";
import { ask, showError } from "./dialogs";
import { clear, h } from "./dom";

const PHASES: Array<[RoomPhase, string]> = [
  ["collect", "Collect notes"],
  ["vote", "Vote"],
  ["rate", "Rate stages"],
  ["closed", "Closed"],
];

export class RoomPanel {
  readonly root = h("aside", { class: "room-panel", role: "dialog", "aria-label": "Workshop room", hidden: true });
  private state: RoomState | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private readonly code = h("div", { class: "room-code", "aria-label": "Join code" });
  private readonly url = h("div", { class: "room-url" });
  private readonly qr = h("div", { class: "room-qr", role: "img", "aria-label": "QR code of the join address" });
  private readonly phases = h("div", { class: "room-phases", role: "group", "aria-label": "Room phase" });
  private readonly people = h("ul", { class: "room-people", "aria-label": "Participants" });
  private readonly budget = h("input", { type: "number", min: "1", max: "50", name: "voteBudget", "aria-label": "Dots per person" });
  private readonly lock = h("input", { type: "checkbox", name: "lockRoom" });

  constructor(
    private readonly backend: Backend,
    /** Told when the room opens or closes, for the status bar. */
    private readonly onChange: (state: RoomState | null) => void,
  ) {
    this.budget.addEventListener("change", () => void this.control(() => this.backend.setRoomBudget(Number(this.budget.value))));
    this.lock.addEventListener("change", () => void this.control(() => this.backend.setRoomLocked(this.lock.checked)));
    for (const [phase, label] of PHASES)
      this.phases.append(
        h(
          "button",
          { type: "button", "data-phase": phase, onclick: () => void this.control(() => this.backend.setRoomPhase(phase)) },
          label,
        ),
      );
    this.root.append(
      h("h2", {}, "Workshop room"),
      h("p", { class: "room-hint" }, "Join from a phone or laptop on this network:"),
      this.url,
      h("div", { class: "room-join" }, this.qr, h("div", {}, h("div", { class: "room-code-label" }, "Code"), this.code)),
      this.phases,
      h(
        "div",
        { class: "room-settings" },
        h("label", {}, "Dots per person ", this.budget),
        h("label", { class: "check" }, this.lock, " Let nobody new in"),
      ),
      h("h3", {}, "In the room"),
      this.people,
      h(
        "div",
        { class: "dialog-buttons" },
        h("button", { type: "button", name: "closeRoom", class: "danger", onclick: () => void this.close() }, "Close room"),
        h("button", { type: "button", name: "hideRoom", class: "primary", onclick: () => this.hide() }, "Hide (room stays open)"),
      ),
    );
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.hide();
    });
  }

  get open(): boolean {
    return this.state !== null;
  }

  /** Opens a room on `mapId` (or shows the one already open). */
  async openOn(mapId: string): Promise<void> {
    try {
      const state = this.state ?? (await this.backend.openRoom(mapId));
      this.qr.innerHTML = await this.backend.roomQr(state.url);
      this.show(state);
      this.onChange(state);
    } catch (e) {
      await showError(e, "The room did not open.");
    }
  }

  /** Closes the room; with people still connected, after asking (their pages go dark). */
  async close(): Promise<void> {
    const inside = this.state?.participants.filter((p) => p.connected).length ?? 0;
    if (
      inside > 0 &&
      !(await ask(
        "Close the room?",
        `${count(inside, "person is", "people are")} still in it; their pages will say the room has closed. Everything they added is saved.`,
        "Close room",
        "Keep it open",
        true,
      ))
    )
      return;
    await this.backend.closeRoom();
    this.state = null;
    this.hide();
    this.onChange(null);
  }

  /** The project changed (the shell closes the room then): forget it here too. */
  forget(): void {
    this.state = null;
    this.hide();
    this.onChange(null);
  }

  hide(): void {
    this.root.hidden = true;
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
  }

  private show(state: RoomState): void {
    this.render(state);
    this.root.hidden = false;
    // People join and leave without telling the window: refresh the list while it is visible.
    if (this.poll === undefined) this.poll = setInterval(() => void this.refresh(), 2000);
    (this.root.querySelector("button[name=hideRoom]") as HTMLButtonElement).focus();
  }

  private async refresh(): Promise<void> {
    const state = await this.backend.roomState().catch(() => null);
    if (state) this.render(state);
    else this.forget();
  }

  private async control(change: () => Promise<RoomState>): Promise<void> {
    try {
      this.render(await change());
    } catch (e) {
      await showError(e);
      await this.refresh();
    }
  }

  private render(state: RoomState): void {
    this.state = state;
    this.code.textContent = state.code;
    this.url.textContent = state.url;
    for (const b of this.phases.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.phase === state.phase));
    if (document.activeElement !== this.budget) this.budget.value = String(state.voteBudget);
    this.lock.checked = state.locked;
    clear(this.people);
    if (state.participants.length === 0) this.people.append(h("li", { class: "muted" }, "Nobody yet"));
    for (const p of state.participants) this.people.append(this.person(p));
  }

  private person(p: ParticipantView): HTMLElement {
    return h(
      "li",
      {},
      h(
        "span",
        {
          class: p.connected ? "online" : "offline",
          title: p.connected ? "Connected" : "Not connected",
          "aria-label": p.connected ? "Connected" : "Not connected",
        },
        "●",
      ),
      h("span", { class: "name" }, p.name),
      h("span", { class: "muted" }, ` ${count(p.notes, "note")} · ${count(p.votes, "vote")} · ${count(p.ratings, "rating")} `),
      h(
        "button",
        {
          type: "button",
          "aria-label": `Remove ${p.name}`,
          onclick: async () => {
            const sure = await ask(
              `Remove ${p.name}?`,
              "Their page stops working at once. Their notes and votes stay on the map; their stage ratings leave the room's curve.",
              "Remove",
              "Keep",
              true,
            );
            if (sure) await this.control(() => this.backend.removeParticipant(p.id));
          },
        },
        "Remove",
      ),
    );
  }
}
