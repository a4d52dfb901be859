import { useEffect, useState } from 'react';
import { fetchSetupStatus, fetchSite } from './api.ts';

/**
 * What the login page needs to know before anyone signs in: whether the first run is still to be done
 * (the page then opens the setup page instead) and the site's name and logo from the data.
 */
export function useFirstRun(): { setupNeeded: boolean | null; siteName?: string; logoUrl?: string | null } {
  const [state, setState] = useState<{
    setupNeeded: boolean | null;
    siteName?: string;
    logoUrl?: string | null;
  }>({ setupNeeded: null });
  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchSetupStatus(), fetchSite()]).then(
      ([status, site]) => {
        if (!cancelled)
          setState({ setupNeeded: status.needed, siteName: site.siteName, logoUrl: site.logoUrl });
      },
      // The login page still works without them (an old server, a network hiccup).
      () => !cancelled && setState({ setupNeeded: false }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
