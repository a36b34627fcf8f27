// Set how reliable the selected touchpoints are: broken (1), reliable (2), differentiating (3), or
// back to not rated (0), which is what a new card is until someone judges it.

import type { Reliability } from "../bindings/Reliability";
import { RELIABILITIES, RELIABILITY_LABEL } from "../bindings/reliabilityValues";
import { recordOf } from "../model/doc";
import type { Action } from "./types";

export { RELIABILITIES, RELIABILITY_LABEL };

function setTo(reliability: Reliability, key: string): Action {
  return {
    name: `setReliability.${reliability}`,
    label: `Mark ${RELIABILITY_LABEL[reliability].toLowerCase()}`,
    keys: [key],
    enabled: (e) => e.selectedTouchpoints().length > 0,
    pressed: (e) => {
      const cards = e.selectedTouchpoints();
      return cards.length > 0 && cards.every((t) => t.reliability === reliability);
    },
    perform: (e) =>
      e.commit(
        {
          put: e.selectedTouchpoints().map((t) => recordOf("touchpoint", { ...t, reliability })),
          delete: [],
        },
        `Mark ${RELIABILITY_LABEL[reliability].toLowerCase()}`,
      ),
  };
}

export const markUnrated = setTo("unrated", "0");
export const markBroken = setTo("broken", "1");
export const markReliable = setTo("reliable", "2");
export const markDifferentiating = setTo("differentiating", "3");
