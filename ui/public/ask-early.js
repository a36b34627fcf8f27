// Asks the shell for the startup project while the page is still loading, before the main script
// is fetched and run: the project crosses into the page meanwhile (src/ipc/tauri.ts takes the
// answer; bench/app.mjs prints when it was asked). A plain script, so that it runs first.
if (window.__TAURI_INTERNALS__) {
  performance.mark("journeymap:asked");
  window.journeymapStartup = window.__TAURI_INTERNALS__.invoke("open_startup_project");
  // A failure is shown by the app when it takes the answer, not reported here.
  window.journeymapStartup.catch(() => undefined);
}
