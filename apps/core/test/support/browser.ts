import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs when it is missing; playwright-core downloads no browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Where to write screenshots of the pages (docs/screenshots when refreshing them), or nowhere. */
const SCREENSHOTS = process.env['DASHBOARD_SCREENSHOTS'];

export async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
