import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

/** What the browser refused under the page's Content-Security-Policy, and scripts that failed. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/**
 * The pages the service serves, in a real browser under the policies the service sends: each one
 * works, and nothing it needs is refused (the queue board's web fonts from Google excepted, on purpose).
 */
describe('HTML pages under their Content-Security-Policy', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the API docs render every operation, with nothing refused', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${app.baseUrl}/api/docs`, { waitUntil: 'networkidle' });
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the queue board renders its queues, with only its third-party fonts refused', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${app.baseUrl}/queues?key=${app.adminKey}`, { waitUntil: 'networkidle' });
    await page.getByText('reservation-expiry').first().waitFor();
    expect(problems.filter((problem) => !problem.includes('fonts.googleapis.com'))).toEqual([]);
    await page.close();
  });
});
