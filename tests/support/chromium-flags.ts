/**
 * How the browser tests and the benches start Debian's Chromium: headless, no sandbox (CI runs as
 * root), and none of the background traffic a fresh profile starts, so a report that asks the
 * network for anything is the report's fault.
 */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
