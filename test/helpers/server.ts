import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp, type TestAppOptions } from './app.ts';

export type TestServer = {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The app and database behind the server (for setup and assertions). */
  testApp: TestApp;
  close(): Promise<void>;
};

/**
 * The real app listening on 127.0.0.1 on a random free port, over a fresh test database
 * (`createTestApp()`: demo organisations and the `t_*` users, password `password-123`; with
 * `{ empty: true }` neither — the first run's empty database, where `/admin` opens the setup page).
 */
export async function startTestServer(options: TestAppOptions = {}): Promise<TestServer> {
  // The page cache on, as `serve` has it: the journeys go through the services, which refresh it.
  const testApp = await createTestApp({ pageCache: true, ...options });
  try {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await testApp.close();
    throw err;
  }
  const { port } = testApp.app.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    testApp,
    close() {
      closing ??= testApp.close();
      return closing;
    },
  };
}
