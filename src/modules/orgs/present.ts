import type { z } from 'zod';
import type { orgView, userView } from './api.schemas.ts';
import type { OrgRow, UserListRow } from './store.ts';

export function presentOrg(o: OrgRow): z.infer<typeof orgView> {
  return {
    id: o.id,
    parentId: o.parent_id,
    name: o.name,
    kind: o.kind as z.infer<typeof orgView>['kind'],
    code: o.code,
    sortOrder: o.sort_order,
    servesOrgId: o.serves_org_id,
    shortName: o.short_name,
    creditCode: o.credit_code,
    acceptsRequests: o.accepts_requests,
    disabled: o.disabled,
    receivingOfficeId: o.receiving_office_id,
  };
}

export function presentUser(u: UserListRow): z.infer<typeof userView> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    orgId: u.org_id,
    orgName: u.org_name,
    disabled: u.disabled,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
    email: u.email,
    mustChangePassword: u.must_change_password,
  };
}
