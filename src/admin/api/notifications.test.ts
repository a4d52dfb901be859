import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bellLabel, notificationLink } from './notifications.ts';

test('a notification about a case links to the case page', () => {
  assert.equal(notificationLink({ subjectType: 'request', subjectId: '12' }), '/requests/12');
  assert.equal(notificationLink({ subjectType: 'calendar', subjectId: '2027' }), undefined);
  assert.equal(notificationLink({ subjectType: 'request', subjectId: '12/../x' }), undefined);
});

test('the bell names the unread count', () => {
  assert.equal(bellLabel(3), '通知，3条未读');
  assert.equal(bellLabel(0), '通知，没有未读');
});
