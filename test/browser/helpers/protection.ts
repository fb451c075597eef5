/**
 * Steps of the protection journeys that several browser tests take the same way, through the
 * screens as a user would: consent from the case page's protection panel, and a service delivered
 * on a referral's page. Each leaves the checking of the outcome to the test.
 */
import type { Locator, Page } from 'playwright-core';
import { es } from '../../../src/web/i18n/es.js';

/**
 * Opens the consent dialog from the protection `panel`, ticks the service labelled `service` and
 * saves (the dialog's defaults for the rest). Returns the dialog, open while the answer is awaited
 * and still open if the consent was refused.
 */
export async function giveConsent(page: Page, panel: Locator, service: string): Promise<Locator> {
  await panel.getByRole('button', { name: es['protection.recordConsent'] }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('group', { name: es['protection.consent.services'] })
    .getByLabel(service, { exact: true })
    .check();
  await dialog.getByRole('button', { name: es['action.save'] }).click();
  return dialog;
}

/** On an accepted referral's page, records a service delivered, described as `what`. */
export async function recordDelivery(page: Page, what: string): Promise<void> {
  await page.getByTestId('referral-record-delivery').click();
  await page.getByLabel(es['referrals.deliveryWhat']).fill(what);
  await page
    .getByTestId('referral-dialog')
    .getByRole('button', { name: es['referrals.recordDelivery'] })
    .click();
}
