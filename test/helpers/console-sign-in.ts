/**
 * Signing in to the console in the browser journeys: one way for every journey, through the login form
 * as a person does (no cookie planted), so a change to the form changes one place.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from './factories.ts';

/** antd puts a space between the two characters of a two-character Chinese button label (登 录). */
export const twoChars = (label: string) => new RegExp(`^\\s*${[...label].join('\\s*')}\\s*$`);

/** Opens the console's login page in a new page of `context` and sends the form; waits for nothing after. */
export async function submitLogin(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: twoChars('登录') }).click();
  return page;
}

/** Signs in with the test password (factories' accounts) and waits for the console's 工作台. */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<Page> {
  const page = await submitLogin(context, baseUrl, username, password);
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  return page;
}
