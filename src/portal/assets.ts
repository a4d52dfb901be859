import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Public path of the portal stylesheet. */
export const PORTAL_CSS_PATH = '/assets/portal.css';

const cssBody = readFileSync(new URL('./assets/portal.css', import.meta.url));
const cssHash = createHash('sha256').update(cssBody).digest('hex').slice(0, 12);

/** The stylesheet, read once at startup; `href` carries a content hash for long-term caching. */
export const portalCss: { readonly body: Buffer; readonly hash: string; readonly href: string } = {
  body: cssBody,
  hash: cssHash,
  href: `${PORTAL_CSS_PATH}?v=${cssHash}`,
};
