import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { listOrgs, type Org } from '../api/orgs.ts';
import { buildOrgTree, type OrgNode } from './orgTree.ts';

export interface OrgsState {
  orgs: Org[];
  tree: OrgNode[];
  loading: boolean;
  error?: string;
  reload: () => void;
}

export function useOrgs(): OrgsState {
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void version;
    setLoading(true);
    listOrgs().then(
      (r) => {
        if (cancelled) return;
        setOrgs(r.items);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { orgs, tree, loading, error, reload };
}
