// Headless Chromium for the browser tests and the start-up report: Debian's /usr/bin/chromium
// (or $CHROMIUM) driven by playwright-core, with the flags that keep it offline and quiet. No
// browser is ever downloaded.
import { existsSync } from 'node:fs';

/** The Chromium binary: $CHROMIUM or Debian's. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Command-line flags: headless, no sandbox (CI runs as root), no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why a browser test is skipped (for node:test's `skip`), or false when Chromium is there. */
export const skipWithoutChromium = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

/** Launches Chromium through playwright-core; returns the playwright Browser. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
