import { useMemo } from 'react';
import { listOrgs, type Org } from '../api/orgs.ts';
import { buildOrgTree, type OrgNode } from './orgTree.ts';
import { useLoad } from './useLoad.ts';

export interface OrgsState {
  orgs: Org[];
  tree: OrgNode[];
  loading: boolean;
  error?: string;
  reload: () => void;
}

const NO_ORGS: Org[] = [];

export function useOrgs(): OrgsState {
  const { data, loading, error, reload } = useLoad(listOrgs, []);
  const orgs = data?.items ?? NO_ORGS;
  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  return { orgs, tree, loading, error, reload };
}
