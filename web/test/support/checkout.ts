import type { Page } from 'playwright-core';

/**
 * On /checkout, the delivery: the viewer's first saved address (one typed into the checkout's own form when they have
 * none), then a shipping method quoted for its region (the first, unless `index` says which). Returns the chosen
 * option's cost as the API's Decimal string.
 */
export async function chooseDelivery(page: Page, options: { region?: string; index?: number } = {}): Promise<string> {
  await page.getByTestId('address-book').waitFor();
  if ((await page.getByTestId('saved-address').count()) === 0) {
    await page.getByRole('button', { name: 'Agregar una dirección' }).click();
    await page.getByLabel('Quién recibe').fill('Ana Prueba');
    await page.getByLabel('Dirección', { exact: true }).fill('Calle 10 # 43-12');
    await page.getByLabel('Ciudad o municipio').fill('Medellín');
    await page.getByLabel('Departamento').selectOption(options.region ?? 'Antioquia');
    await page.getByRole('button', { name: 'Agregar dirección' }).click();
    await page.getByTestId('saved-address').first().waitFor();
  }
  const option = page.getByTestId('shipping-option').nth(options.index ?? 0);
  await option.waitFor();
  await option.getByRole('radio').check();
  return (await option.locator('.price').getAttribute('data-amount'))!;
}
