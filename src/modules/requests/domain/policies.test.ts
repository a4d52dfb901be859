import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import type { Applicant } from './applicant.ts';
import {
  type CaseActor,
  type CaseRef,
  can,
  caseListScope,
  maskAddress,
  maskApplicant,
  maskEmail,
  maskId,
  maskName,
  maskPhone,
  type PolicyAction,
  releaseQueueScope,
} from './policies.ts';
import { ACTIONS, type Action } from './stages.ts';

// Agency 10 (its disclosure office is org 11), handling unit 20, another unit 30, another agency 40.
const kase: CaseRef = { orgId: 10, unitId: 20, handlerId: 201 };
const unassigned: CaseRef = { orgId: 10, unitId: null, handlerId: null };

function actor(
  role: Role,
  orgId: number,
  agencyIds: number[] = [],
  administeredOrgIds: number[] = [],
): CaseActor {
  return { id: 1000 + orgId, role, orgId, agencyIds, administeredOrgIds };
}

const office = actor('office', 11, [10]);
const officeHead = actor('approver', 11, [10]);
const otherOffice = actor('office', 41, [40]);
const unitHandler = actor('handler', 20);
const unitReviewer = actor('reviewer', 20);
const unitApprover = actor('approver', 20);
const strangerHandler = actor('handler', 30);
// The administrator of the whole tree (organisation 1 and everything below it).
const admin = actor('admin', 1, [1], [1, 10, 11, 20, 30, 40, 41, 50, 51]);

const UNIT_ACTIONS: Action[] = [
  'request-correction',
  'receive-correction',
  'consult-send',
  'consult-deliver',
  'consult-reply',
  'reply',
  'note',
  'assist-request',
];

// 'assist-reply' is nobody's case action: the unit asked answers through its task ('answer-assistance').
// 'reopen' neither: a 纠正 result recorded in the review register reopens the case.
const CASE_WIDE = (action: Action) => action !== 'extend' && action !== 'assist-reply' && action !== 'reopen';

test('the office of the addressed agency may take every action except extend', () => {
  for (const action of ACTIONS) assert.equal(can(office, action, kase), CASE_WIDE(action), action);
  for (const action of ACTIONS) assert.equal(can(office, action, unassigned), CASE_WIDE(action), action);
  assert.equal(can(office, 'view', kase), true);
});

test('extend needs the head (approver) of the disclosure office of the addressed agency (Art. 33)', () => {
  assert.equal(can(officeHead, 'extend', kase), true);
  assert.equal(can(office, 'extend', kase), false);
  assert.equal(can(unitApprover, 'extend', kase), false);
  assert.equal(can(actor('approver', 41, [40]), 'extend', kase), false);
  // The head of the office extends; other office work stays with the office role.
  assert.equal(can(officeHead, 'reply', kase), false);
  assert.equal(can(officeHead, 'view', kase), true);
});

test('handlers and approvers of the assigned unit: correction, consultation, reply, note, view', () => {
  for (const who of [unitHandler, unitApprover]) {
    for (const action of ACTIONS) {
      assert.equal(can(who, action, kase), UNIT_ACTIONS.includes(action), `${who.role} ${action}`);
    }
    assert.equal(can(who, 'view', kase), true);
  }
});

test('reviewers of the unit only view; other units and agencies nothing', () => {
  for (const action of ACTIONS) assert.equal(can(unitReviewer, action, kase), false, action);
  assert.equal(can(unitReviewer, 'view', kase), true);
  for (const who of [strangerHandler, otherOffice, actor('approver', 30)]) {
    assert.equal(can(who, 'view', kase), false);
    for (const action of ACTIONS) assert.equal(can(who, action, kase), false, `${who.role} ${action}`);
  }
  // Before assignment the unit has no rights (orgId never equals a null unitId).
  assert.equal(can(unitHandler, 'view', unassigned), false);
  assert.equal(can(unitHandler, 'reply', unassigned), false);
});

test('an agency id in agencyIds is not enough without the office role', () => {
  const handlerWithAgencies = actor('handler', 11, [10]);
  assert.equal(can(handlerWithAgencies, 'assign', kase), false);
  assert.equal(can(handlerWithAgencies, 'view', kase), false);
});

test('admin views (masked) but takes no case action', () => {
  assert.equal(can(admin, 'view', kase), true);
  assert.equal(can(admin, 'view', kase), true);
  for (const action of ACTIONS) assert.equal(can(actor('admin', 11, [10]), action, kase), false, action);
  assert.equal(can(admin, 'view-personal', kase), false);
});

test('personal data: the office of the agency and the unit handler/approver; everyone else masked', () => {
  assert.equal(can(office, 'view-personal', kase), true);
  assert.equal(can(officeHead, 'view-personal', kase), true);
  assert.equal(can(unitHandler, 'view-personal', kase), true);
  assert.equal(can(unitApprover, 'view-personal', kase), true);
  assert.equal(can(unitReviewer, 'view-personal', kase), false);
  assert.equal(can(strangerHandler, 'view-personal', kase), false);
  assert.equal(can(otherOffice, 'view-personal', kase), false);
});

test('masking', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('张'), '*');
  assert.equal(maskName('欧阳𠀾文'), '欧***', 'characters outside the BMP count once');
  assert.equal(maskName(''), '');
  assert.equal(maskId('11010519491231002X'), '110***********002X');
  assert.equal(maskId('91350100M000100Y43'), '913***********0Y43');
  assert.equal(maskId('E12345678'), 'E*******8');
  assert.equal(maskId('AB1'), '***');
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('010-12345678'), '010-****5678');
  assert.equal(maskPhone('0755-1234567'), '0755-***4567');
  assert.equal(maskPhone('02012345678'), '020****5678');
  assert.equal(maskEmail('zhangsan@example.com'), 'z***@example.com');
  assert.equal(maskAddress('北京市西城区某某街1号'), '北京市西城区****');
  assert.equal(maskAddress('北京'), '****');
});

test('maskApplicant: personal fields masked; an organisation keeps its name', () => {
  const person: Applicant = {
    type: 'natural',
    name: '张三',
    idType: 'resident-id',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    email: 'zhangsan@example.com',
    address: '北京市西城区某某街1号',
    contactName: null,
  };
  assert.deepEqual(maskApplicant(person), {
    type: 'natural',
    name: '张*',
    idType: 'resident-id',
    idNumber: '110***********002X',
    phone: '138****5678',
    email: 'z***@example.com',
    address: '北京市西城区****',
    contactName: null,
  });
  const company: Applicant = {
    type: 'commercial',
    name: '某某科技有限公司',
    idType: 'uscc',
    idNumber: '91350100M000100Y43',
    phone: '0591-87654321',
    email: null,
    address: null,
    contactName: '李四',
  };
  const masked = maskApplicant(company);
  assert.equal(masked.name, '某某科技有限公司');
  assert.equal(masked.contactName, '李*');
  assert.equal(masked.phone, '0591-****4321');
});

test('assistance: answered by a handler, approver or office worker of the unit asked, seen by its staff', () => {
  assert.equal(can(actor('handler', 50), 'answer-assistance', { unitId: 50 }), true);
  assert.equal(can(actor('approver', 50), 'answer-assistance', { unitId: 50 }), true);
  assert.equal(can(actor('office', 50), 'answer-assistance', { unitId: 50 }), true);
  assert.equal(can(actor('reviewer', 50), 'answer-assistance', { unitId: 50 }), false);
  assert.equal(can(actor('handler', 51), 'answer-assistance', { unitId: 50 }), false);
  assert.equal(can(actor('admin', 50), 'answer-assistance', { unitId: 50 }), false);
  assert.equal(can(actor('reviewer', 50), 'see-assistance', { unitId: 50 }), true);
  assert.equal(can(actor('handler', 51), 'see-assistance', { unitId: 50 }), false);
});

test('an administrator views only the cases of the organisations it administers', () => {
  const countyAdmin = actor('admin', 30, [30], [30, 31]);
  assert.equal(can(countyAdmin, 'view', kase), false, 'agency 10 is outside its subtree');
  assert.equal(can(countyAdmin, 'view', { orgId: 31, unitId: null, handlerId: null }), true);
  assert.equal(can(actor('admin', 10, [10]), 'view', kase), false, 'nothing loaded, nothing seen');
});

// A government's office (org 11 serving 10) overseeing 40 without receiving for it; an administrator of 30.
const governmentOffice: CaseActor = { ...actor('office', 11, [11, 10]), supervisedOrgIds: [10, 11, 40] };
const countyAdmin = actor('admin', 30, [30], [30, 31]);

// Rows worked out from the rules in policies.ts's top comment: [question, who, subject, expected].
const rows: [
  string,
  PolicyAction,
  CaseActor,
  CaseRef | { orgId: number | null } | { unitId: number } | null,
  boolean,
][] = [
  // Art. 29: applications go to the agency's disclosure office, which registers them.
  ['office registers for its agency', 'register', office, { orgId: 10 }, true],
  ['office registers for no other agency', 'register', office, { orgId: 40 }, false],
  ['the office’s head does not register', 'register', officeHead, { orgId: 10 }, false],
  ['a unit handler does not register', 'register', unitHandler, { orgId: 10 }, false],
  ['an administrator does not register', 'register', admin, { orgId: 10 }, false],
  // Art. 45: the office keeps the register, so it imports the agency's existing ledger.
  ['office imports its agency’s ledger', 'import-ledger', office, { orgId: 10 }, true],
  ['office imports no other agency’s ledger', 'import-ledger', office, { orgId: 40 }, false],
  ['a unit handler does not import a ledger', 'import-ledger', unitHandler, { orgId: 10 }, false],
  ['an administrator does not import a ledger', 'import-ledger', admin, { orgId: 10 }, false],
  // Art. 45: the office keeps the register, so it exports the case file.
  ['office exports', 'export', office, kase, true],
  ['office of another agency does not export', 'export', otherOffice, kase, false],
  ['the head does not export', 'export', officeHead, kase, false],
  ['the unit handler does not export', 'export', unitHandler, kase, false],
  ['the administrator does not export', 'export', admin, kase, false],
  // Art. 44: those who may reply propose 转主动公开; the office of the agency decides.
  ['office proposes', 'release-flag', office, kase, true],
  ['unit handler proposes', 'release-flag', unitHandler, kase, true],
  ['unit approver proposes', 'release-flag', unitApprover, kase, true],
  ['unit reviewer does not propose', 'release-flag', unitReviewer, kase, false],
  ['the head does not propose', 'release-flag', officeHead, kase, false],
  ['the administrator does not propose', 'release-flag', admin, kase, false],
  ['office decides', 'release-decide', office, kase, true],
  ['unit handler does not decide', 'release-decide', unitHandler, kase, false],
  ['office of another agency does not decide', 'release-decide', otherOffice, kase, false],
  ['the administrator does not decide', 'release-decide', admin, kase, false],
  // Letter templates (DERIVED): an agency's own text by its office and its administrator; the shared text by
  // the administrator and a government's office (督办 scope), never by a department's office.
  ['office edits its agency’s templates', 'edit-letter-templates', office, { orgId: 10 }, true],
  ['office not another agency’s', 'edit-letter-templates', office, { orgId: 40 }, false],
  ['a department’s office not the shared ones', 'edit-letter-templates', office, { orgId: null }, false],
  [
    'a government’s office edits the shared ones',
    'edit-letter-templates',
    governmentOffice,
    { orgId: null },
    true,
  ],
  ['administrator edits the shared ones', 'edit-letter-templates', admin, { orgId: null }, true],
  ['administrator edits an agency’s it administers', 'edit-letter-templates', admin, { orgId: 40 }, true],
  [
    'a county administrator not an agency outside',
    'edit-letter-templates',
    countyAdmin,
    { orgId: 10 },
    false,
  ],
  ['the head does not edit templates', 'edit-letter-templates', officeHead, { orgId: 10 }, false],
  ['a handler does not edit templates', 'edit-letter-templates', unitHandler, { orgId: 20 }, false],
  // 转办 is a case action of the addressed agency's office (domain/transfer.ts says where it may go).
  ['office transfers', 'transfer', office, kase, true],
  ['another agency’s office does not transfer', 'transfer', otherOffice, kase, false],
  ['the unit handler does not transfer', 'transfer', unitHandler, kase, false],
  ['the head does not transfer', 'transfer', officeHead, kase, false],
  ['the administrator does not transfer', 'transfer', admin, kase, false],
  [
    'a supervising office does not transfer',
    'transfer',
    governmentOffice,
    { orgId: 40, unitId: null, handlerId: null },
    false,
  ],
  // Platform rule: the queue for the office and the administrator.
  ['office sees the queue', 'see-release-queue', office, null, true],
  ['administrator sees the queue', 'see-release-queue', admin, null, true],
  ['a handler does not see the queue', 'see-release-queue', unitHandler, null, false],
  ['a reviewer does not see the queue', 'see-release-queue', unitReviewer, null, false],
  // Repeat applicants are named to those who see personal data on their cases.
  ['office sees identities', 'see-applicant-identities', office, null, true],
  ['the head sees identities', 'see-applicant-identities', officeHead, null, true],
  ['a handler sees identities', 'see-applicant-identities', unitHandler, null, true],
  ['a reviewer gets counts only', 'see-applicant-identities', unitReviewer, null, false],
  ['the administrator gets counts only', 'see-applicant-identities', admin, null, false],
  // Deadline reminders: the handlers of the unit, the office of the agency.
  ['unit handler is reminded', 'unit-deadline-reminder', unitHandler, { unitId: 20 }, true],
  ['a handler of another unit is not', 'unit-deadline-reminder', strangerHandler, { unitId: 20 }, false],
  ['the unit approver is not', 'unit-deadline-reminder', unitApprover, { unitId: 20 }, false],
  ['office is reminded for its agency', 'office-deadline-reminder', office, { orgId: 10 }, true],
  ['office not for another agency', 'office-deadline-reminder', office, { orgId: 40 }, false],
  ['the head is not reminded', 'office-deadline-reminder', officeHead, { orgId: 10 }, false],
];

test('register, export, 转主动公开, templates, 转办, queue, identities, reminders', () => {
  for (const [name, question, who, subject, expected] of rows) {
    const answer = (can as (a: CaseActor, q: PolicyAction, s?: unknown) => boolean)(
      who,
      question,
      subject ?? undefined,
    );
    assert.equal(answer, expected, name);
  }
});

test('list scopes: the administrator its subtree, office and head their agencies plus their unit, a unit its cases', () => {
  assert.deepEqual(caseListScope(admin), { orgIds: [1, 10, 11, 20, 30, 40, 41, 50, 51], unitIds: [] });
  assert.deepEqual(caseListScope(office), { orgIds: [10], unitIds: [11] });
  assert.deepEqual(caseListScope(officeHead), { orgIds: [10], unitIds: [11] });
  assert.deepEqual(caseListScope(unitHandler), { orgIds: [], unitIds: [20] });
  assert.deepEqual(caseListScope(unitReviewer), { orgIds: [], unitIds: [20] });
  assert.deepEqual(releaseQueueScope(office), [10]);
  assert.deepEqual(releaseQueueScope(admin), [1, 10, 11, 20, 30, 40, 41, 50, 51]);
  assert.deepEqual(releaseQueueScope(unitHandler), []);
});

// 督办 (Art. 3–4): the government's office (org 11 serving 10) oversees agency 40 in the government's
// subtree; it receives for 50 (designated or fallback: 50 is among its agencyIds) and acts there only.
test('督办: the government’s office views the cases of its subtree, acts only where it receives', () => {
  const supervisor: CaseActor = { ...actor('office', 11, [11, 10, 50]), supervisedOrgIds: [10, 11, 40, 50] };
  const departmentCase: CaseRef = { orgId: 40, unitId: null, handlerId: null };
  const receivedCase: CaseRef = { orgId: 50, unitId: null, handlerId: null };
  const rows: [string, CaseActor, PolicyAction, CaseRef, boolean][] = [
    ['views a department’s case', supervisor, 'view', departmentCase, true],
    ['takes no action on it', supervisor, 'confirm-receipt', departmentCase, false],
    ['does not reply for it', supervisor, 'reply', departmentCase, false],
    ['sees no personal data of it', supervisor, 'view-personal', departmentCase, false],
    ['acts on a case it receives for', supervisor, 'confirm-receipt', receivedCase, true],
    [
      'a 负责人 with supervised ids does not oversee',
      { ...officeHead, supervisedOrgIds: [40] },
      'view',
      departmentCase,
      false,
    ],
    [
      'another agency’s office does not oversee',
      otherOffice,
      'view',
      { orgId: 10, unitId: null, handlerId: null },
      false,
    ],
  ];
  for (const [name, who, action, subject, expected] of rows) {
    assert.equal(can(who, action as 'view', subject), expected, name);
  }
  assert.deepEqual(caseListScope(supervisor, 'supervise'), { orgIds: [10, 11, 40, 50], unitIds: [] });
  assert.deepEqual(caseListScope({ ...officeHead, supervisedOrgIds: [40] }, 'supervise'), {
    orgIds: [],
    unitIds: [],
  });
  assert.deepEqual(caseListScope(unitHandler, 'supervise'), { orgIds: [], unitIds: [] });
});
