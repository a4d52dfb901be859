import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import {
  can,
  defaultPlanOwner,
  inScope,
  WORKPLAN_ACTIONS,
  type WorkplanAction,
  type WorkplanActor,
} from './policies.ts';

// The city government 1 (its office is org 2, serving 1), the city's department 3, county 10 (its office
// 11, serving 10) with its department 12; another city 50.
const CITY = 1;
const DEPT = 3;
const COUNTY = 10;
const COUNTY_DEPT = 12;
const OTHER = 50;
const citySubtree = [CITY, 2, DEPT, COUNTY, 11, COUNTY_DEPT];
const countySubtree = [COUNTY, 11, COUNTY_DEPT];

function actor(role: Role, orgId: number, visible: number[], agencyIds: number[] = [orgId]): WorkplanActor {
  return { role, orgId, visible: new Set(visible), agencyIds };
}

const admin = actor('admin', CITY, citySubtree);
const cityOffice = actor('office', 2, citySubtree, [2, CITY]);
const countyOffice = actor('office', 11, countySubtree, [11, COUNTY]);
const cityHead = actor('approver', 2, citySubtree, [2, CITY]);
const deptHead = actor('approver', DEPT, [DEPT]);
const deptHandler = actor('handler', DEPT, [DEPT]);
const deptReviewer = actor('reviewer', DEPT, [DEPT]);
const countyDeptHandler = actor('handler', COUNTY_DEPT, [COUNTY_DEPT]);

const who = {
  admin,
  cityOffice,
  countyOffice,
  cityHead,
  deptHead,
  deptHandler,
  deptReviewer,
  countyDeptHandler,
};
type Who = keyof typeof who;

/** Which actors may do `action` to a city plan (org 1) and to a county plan (org 10). */
type Row = { action: WorkplanAction; rule: string; city: Who[]; county: Who[] };

const MANAGERS_CITY: Who[] = ['admin', 'cityOffice'];
const MANAGERS_COUNTY: Who[] = ['admin', 'cityOffice', 'countyOffice'];

const PLAN_ROWS: Row[] = [
  {
    action: 'plan.import',
    rule: 'Art. 3–4, jining-2022（十八）: the office (or admin) whose scope holds the owner',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
  {
    action: 'plan.manage',
    rule: 'managers publish and rename',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
  {
    action: 'plan.lookback',
    rule: 'jining-2022（十八）回头看',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
  {
    action: 'plan.cascade',
    rule: 'jining-2022 四: the county office or the city',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
  {
    action: 'assessment.manage',
    rule: 'Art. 46: managers keep the assessment',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
  {
    action: 'plan.view',
    rule: 'jining-2022 三: managers and the 负责人 of the subtree read the whole ledger',
    city: ['admin', 'cityOffice', 'cityHead'],
    county: ['admin', 'cityOffice', 'countyOffice', 'cityHead'],
  },
  {
    action: 'assessment.view',
    rule: 'managers, or the 负责人 of the organisation (or of the agency its office serves)',
    city: ['admin', 'cityOffice', 'cityHead'],
    county: MANAGERS_COUNTY,
  },
  {
    action: 'assessment.approve',
    rule: 'jining-2022（十七）: only the 负责人 of the assessing organisation approves',
    city: ['cityHead'],
    county: [],
  },
  {
    action: 'assignment.list',
    rule: 'anyone, for the organisations in their scope',
    city: ['admin', 'cityOffice', 'cityHead'],
    county: ['admin', 'cityOffice', 'countyOffice', 'cityHead'],
  },
  {
    action: 'reminder.digest',
    rule: 'the office of the plan organisation or of the agency it serves',
    city: ['cityOffice'],
    county: ['countyOffice'],
  },
];

test('plan and assessment rules, city plan (org 1) and county plan (org 10)', () => {
  for (const row of PLAN_ROWS) {
    for (const [name, a] of Object.entries(who) as [Who, WorkplanActor][]) {
      assert.equal(
        can(a, row.action, { orgId: CITY }),
        row.city.includes(name),
        `${row.action} city ${name}: ${row.rule}`,
      );
      assert.equal(
        can(a, row.action, { orgId: COUNTY }),
        row.county.includes(name),
        `${row.action} county ${name}: ${row.rule}`,
      );
      assert.equal(can(a, row.action, { orgId: OTHER }), false, `${row.action} other city ${name}`);
    }
  }
});

// An assignment of the city's department 3 in the city's plan, and of the county's department 12 in the
// county's plan.
const cityTask = { orgId: DEPT, planOrgId: CITY };
const countyTask = { orgId: COUNTY_DEPT, planOrgId: COUNTY };

const ASSIGNMENT_ROWS: Row[] = [
  {
    action: 'assignment.view',
    rule: 'the unit (and whoever sees it) or a viewer of the plan',
    city: ['admin', 'cityOffice', 'cityHead', 'deptHead', 'deptHandler', 'deptReviewer'],
    county: ['admin', 'cityOffice', 'countyOffice', 'cityHead', 'countyDeptHandler'],
  },
  {
    action: 'progress.submit',
    rule: 'only people of the assigned organisation itself report',
    city: ['deptHead', 'deptHandler', 'deptReviewer'],
    county: ['countyDeptHandler'],
  },
  {
    action: 'progress.review',
    rule: 'the managers of the plan review the reports',
    city: MANAGERS_CITY,
    county: MANAGERS_COUNTY,
  },
];

test('assignment rules: view, report, review', () => {
  for (const row of ASSIGNMENT_ROWS) {
    for (const [name, a] of Object.entries(who) as [Who, WorkplanActor][]) {
      assert.equal(
        can(a, row.action, cityTask),
        row.city.includes(name),
        `${row.action} city ${name}: ${row.rule}`,
      );
      assert.equal(can(a, row.action, countyTask), row.county.includes(name), `${row.action} county ${name}`);
      assert.equal(
        can(a, row.action, { orgId: OTHER, planOrgId: OTHER }),
        false,
        `${row.action} other ${name}`,
      );
    }
  }
});

test('role-level answers (no subject): what a role may ever do, the FORBIDDEN of the services', () => {
  const table: [WorkplanAction, Role[]][] = [
    ['plan.import', ['admin', 'office']],
    ['plan.manage', ['admin', 'office']],
    ['plan.lookback', ['admin', 'office']],
    ['plan.cascade', ['admin', 'office']],
    ['assessment.manage', ['admin', 'office']],
    ['progress.review', ['admin', 'office']],
    ['plan.view', ['admin', 'office', 'approver']],
    ['assessment.view', ['admin', 'office', 'approver']],
    ['assessment.approve', ['approver']],
    ['assignment.list', ['admin', 'office', 'handler', 'reviewer', 'approver']],
    ['assignment.view', ['admin', 'office', 'handler', 'reviewer', 'approver']],
    ['progress.submit', ['admin', 'office', 'handler', 'reviewer', 'approver']],
    ['reminder.unit', ['office', 'handler', 'reviewer', 'approver']],
    ['reminder.digest', ['office']],
  ];
  assert.deepEqual(
    table.map(([a]) => a).sort(),
    WORKPLAN_ACTIONS.filter((a) => !a.startsWith('portal.')).sort(),
  );
  for (const [action, roles] of table) {
    for (const role of ['admin', 'office', 'handler', 'reviewer', 'approver'] as const) {
      assert.equal(can(actor(role, CITY, []), action), roles.includes(role), `${action} ${role}`);
    }
  }
});

test('reminders: every non-admin member of the unit; the digest to the office of the plan organisation', () => {
  const rows: [WorkplanActor, number, boolean, boolean][] = [
    // actor, organisation, reminded of its tasks, gets its digest
    [deptHandler, DEPT, true, false],
    [deptHead, DEPT, true, false],
    [deptReviewer, DEPT, true, false],
    [deptHandler, COUNTY_DEPT, false, false],
    [admin, CITY, false, false],
    [cityOffice, 2, true, true],
    [cityOffice, CITY, false, true],
    [cityOffice, COUNTY, false, false],
    [countyOffice, COUNTY, false, true],
    [cityHead, CITY, false, false],
  ];
  for (const [a, orgId, unit, digest] of rows) {
    assert.equal(can(a, 'reminder.unit', { orgId }), unit, `unit ${a.role}@${a.orgId} → ${orgId}`);
    assert.equal(can(a, 'reminder.digest', { orgId }), digest, `digest ${a.role}@${a.orgId} → ${orgId}`);
  }
});

test('the portal shows published plans and published rankings only, to anyone', () => {
  for (const a of [null, admin, deptHandler]) {
    assert.equal(can(a, 'portal.plan', { published: true }), true);
    assert.equal(can(a, 'portal.plan', { published: false }), false);
    assert.equal(can(a, 'portal.ranking', { state: 'published' }), true);
    for (const state of ['draft', 'submitted', 'approved']) {
      assert.equal(can(a, 'portal.ranking', { state }), false, state);
    }
  }
});

test('the public (no actor) may do nothing else', () => {
  for (const action of WORKPLAN_ACTIONS) {
    if (action.startsWith('portal.')) continue;
    assert.equal(can(null, action), false, action);
    assert.equal(can(null, action, { orgId: CITY, planOrgId: CITY }), false, action);
  }
});

test('scope and the default owner of an imported plan (an office imports for the agency it serves)', () => {
  assert.equal(inScope(cityOffice, COUNTY_DEPT), true);
  assert.equal(inScope(countyOffice, CITY), false);
  assert.equal(inScope(deptHandler, DEPT), true);
  assert.equal(defaultPlanOwner({ role: 'office', orgId: 2 }, CITY), CITY);
  assert.equal(defaultPlanOwner({ role: 'office', orgId: DEPT }, null), DEPT);
  assert.equal(defaultPlanOwner({ role: 'admin', orgId: 2 }, CITY), 2);
  assert.equal(defaultPlanOwner({ role: 'approver', orgId: 2 }, CITY), CITY);
});
