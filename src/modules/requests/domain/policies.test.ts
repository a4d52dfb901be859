import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Applicant } from './applicant.ts';
import {
  type CaseActor,
  type CaseRef,
  canAct,
  canAnswerAssistance,
  canSeeAssistance,
  canSeePersonalData,
  canView,
  maskAddress,
  maskApplicant,
  maskEmail,
  maskId,
  maskName,
  maskPhone,
} from './policies.ts';
import { ACTIONS, type Action } from './stages.ts';

// Agency 10 (its disclosure office is org 11), handling unit 20, another unit 30, another agency 40.
const kase: CaseRef = { orgId: 10, unitId: 20, handlerId: 201 };
const unassigned: CaseRef = { orgId: 10, unitId: null, handlerId: null };

function actor(role: string, orgId: number, agencyIds: number[] = []): CaseActor {
  return { id: 1000 + orgId, role, orgId, agencyIds };
}

const office = actor('office', 11, [10]);
const officeHead = actor('approver', 11, [10]);
const otherOffice = actor('office', 41, [40]);
const unitHandler = actor('handler', 20);
const unitReviewer = actor('reviewer', 20);
const unitApprover = actor('approver', 20);
const strangerHandler = actor('handler', 30);
const admin = actor('admin', 1);

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

// 'assist-reply' is nobody's case action: the unit asked answers through its task (canAnswerAssistance).
const CASE_WIDE = (action: Action) => action !== 'extend' && action !== 'assist-reply';

test('the office of the addressed agency may take every action except extend', () => {
  for (const action of ACTIONS) assert.equal(canAct(office, action, kase), CASE_WIDE(action), action);
  for (const action of ACTIONS) assert.equal(canAct(office, action, unassigned), CASE_WIDE(action), action);
  assert.equal(canAct(office, 'view', kase), true);
});

test('extend needs the head (approver) of the disclosure office of the addressed agency (Art. 33)', () => {
  assert.equal(canAct(officeHead, 'extend', kase), true);
  assert.equal(canAct(office, 'extend', kase), false);
  assert.equal(canAct(unitApprover, 'extend', kase), false);
  assert.equal(canAct(actor('approver', 41, [40]), 'extend', kase), false);
  // The head of the office extends; other office work stays with the office role.
  assert.equal(canAct(officeHead, 'reply', kase), false);
  assert.equal(canAct(officeHead, 'view', kase), true);
});

test('handlers and approvers of the assigned unit: correction, consultation, reply, note, view', () => {
  for (const who of [unitHandler, unitApprover]) {
    for (const action of ACTIONS) {
      assert.equal(canAct(who, action, kase), UNIT_ACTIONS.includes(action), `${who.role} ${action}`);
    }
    assert.equal(canAct(who, 'view', kase), true);
  }
});

test('reviewers of the unit only view; other units and agencies nothing', () => {
  for (const action of ACTIONS) assert.equal(canAct(unitReviewer, action, kase), false, action);
  assert.equal(canView(unitReviewer, kase), true);
  for (const who of [strangerHandler, otherOffice, actor('approver', 30)]) {
    assert.equal(canView(who, kase), false);
    for (const action of ACTIONS) assert.equal(canAct(who, action, kase), false, `${who.role} ${action}`);
  }
  // Before assignment the unit has no rights (orgId never equals a null unitId).
  assert.equal(canView(unitHandler, unassigned), false);
  assert.equal(canAct(unitHandler, 'reply', unassigned), false);
});

test('an agency id in agencyIds is not enough without the office role', () => {
  const handlerWithAgencies = actor('handler', 11, [10]);
  assert.equal(canAct(handlerWithAgencies, 'assign', kase), false);
  assert.equal(canView(handlerWithAgencies, kase), false);
});

test('admin views (masked) but takes no case action', () => {
  assert.equal(canView(admin, kase), true);
  assert.equal(canAct(admin, 'view', kase), true);
  for (const action of ACTIONS) assert.equal(canAct(actor('admin', 11, [10]), action, kase), false, action);
  assert.equal(canSeePersonalData(admin, kase), false);
});

test('personal data: the office of the agency and the unit handler/approver; everyone else masked', () => {
  assert.equal(canSeePersonalData(office, kase), true);
  assert.equal(canSeePersonalData(officeHead, kase), true);
  assert.equal(canSeePersonalData(unitHandler, kase), true);
  assert.equal(canSeePersonalData(unitApprover, kase), true);
  assert.equal(canSeePersonalData(unitReviewer, kase), false);
  assert.equal(canSeePersonalData(strangerHandler, kase), false);
  assert.equal(canSeePersonalData(otherOffice, kase), false);
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
  assert.equal(canAnswerAssistance(actor('handler', 50), 50), true);
  assert.equal(canAnswerAssistance(actor('approver', 50), 50), true);
  assert.equal(canAnswerAssistance(actor('office', 50), 50), true);
  assert.equal(canAnswerAssistance(actor('reviewer', 50), 50), false);
  assert.equal(canAnswerAssistance(actor('handler', 51), 50), false);
  assert.equal(canAnswerAssistance(actor('admin', 50), 50), false);
  assert.equal(canSeeAssistance(actor('reviewer', 50), 50), true);
  assert.equal(canSeeAssistance(actor('handler', 51), 50), false);
});
