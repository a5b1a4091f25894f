/**
 * The steps a registry test takes on the console's 领事认证 page, whichever register it
 * works on (legalization or apostille): send a CSV, read the refusal or the new batch,
 * revoke a record with a reason (after signing in).
 */
import type { Page } from 'playwright-core';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Signs in on the console's login page and waits for the first page (使领馆). */
export async function signInToConsole(page: Page, baseUrl: string, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.fill(`${byTestId('login-username')} input`, who.username);
  await page.fill(`${byTestId('login-password')} input`, who.password);
  await page.click(byTestId('login-submit'));
  await page.locator(byTestId('missions-table')).waitFor();
}

export function csvFile(header: string, name: string, rows: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n') + '\r\n', 'utf8') };
}

/** A refused file: the error panel's text and the line numbers its table lists. */
export async function importRefused(page: Page, file: ReturnType<typeof csvFile>): Promise<{ text: string; lines: string[] }> {
  await page.setInputFiles(byTestId('csv-input'), file);
  const errors = page.locator(byTestId('import-errors'));
  await errors.waitFor();
  const lines = await page.locator(`${byTestId('import-error-lines')} tbody tr td:first-child`).allInnerTexts();
  return { text: await errors.innerText(), lines: lines.map((n) => n.trim()) };
}

/** An accepted file: the success message, once the batch shows in the history. */
export async function importAccepted(page: Page, file: ReturnType<typeof csvFile>): Promise<string> {
  await page.setInputFiles(byTestId('csv-input'), file);
  const success = page.locator(byTestId('import-success'));
  await success.waitFor();
  await page.locator(byTestId('import-history')).getByText(file.name).waitFor();
  return success.innerText();
}

/** Revokes the listed record with this number, and waits for its row to say so. */
export async function revokeRecord(page: Page, number: string, reason: string): Promise<void> {
  const row = page.locator(byTestId('records-table')).locator('tr', { hasText: number });
  await row.locator(byTestId('record-revoke')).click();
  await page.fill(`${byTestId('revoke-reason')} textarea`, reason);
  await page.getByRole('button', { name: '确认撤销' }).click();
  await row.getByText('已撤销').first().waitFor();
}
