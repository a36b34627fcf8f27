import { expect, it } from "vitest";
import { actionByName } from "../actions/index";
import { SHELL_COMMANDS } from "./app";
import { MENU_IDS } from "./menuIds.generated";

it("every id of the native menu runs a command", () => {
  const unknown = MENU_IDS.filter((id) => !SHELL_COMMANDS[id] && !actionByName(id));
  expect(unknown).toEqual([]);
});
