// The specs' `test`: Playwright's, plus
// `asUser(username, fn, options?)`: runs `fn` with a page in a browser context of its own, signed in
// as `username` (a session reused within the worker, see support/auth.ts; `freshSignIn: true` signs
// in through the API again, where the sign-in itself is what a test proves), and closes the context.
// Screens several specs drive have page objects in support/pages.ts (`new DisclosureForm(page)`).
//
// Every test runs under the journeys' watch (support/journey.ts, issue 14): each page it visits, in
// its own page or in any context it opens (asUser included), must pass axe with no serious or
// critical violation and log no console error; `journey.allowConsole(/…/)` declares one provoked on purpose.
import type { BrowserContextOptions, Page } from '@playwright/test';
import { test as watched } from './journey';
import { DEMO_PASSWORD, signIn, signInApi } from './auth';

export interface AsUserOptions extends BrowserContextOptions {
  password?: string;
  freshSignIn?: boolean;
}

export type AsUser = <T>(username: string, fn: (page: Page) => Promise<T>, options?: AsUserOptions) => Promise<T>;

interface Fixtures {
  asUser: AsUser;
}

export const test = watched.extend<Fixtures>({
  // Playwright's fixture callback is named `provide`, not `use`: the React hooks lint rule reads
  // a call to `use` as React's hook.
  asUser: async ({ browser }, provide) => {
    await provide(async (username, fn, { password = DEMO_PASSWORD, freshSignIn = false, ...options } = {}) => {
      const context = await browser.newContext(options);
      try {
        const page = await context.newPage();
        if (freshSignIn) await signInApi(page.request, username, password);
        else await signIn(page, username, password);
        return await fn(page);
      } finally {
        await context.close();
      }
    });
  },
});

// Everything else as Playwright has it (`expect`, `request`, the types), so specs import from here only.
export * from '@playwright/test';
