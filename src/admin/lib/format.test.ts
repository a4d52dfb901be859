import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaToday, formatChineseDate, formatDate, serverNow, setServerClock } from './format.ts';

test('formats ISO dates the Chinese way', () => {
  assert.equal(formatDate('2024-03-05'), '2024年3月5日');
  assert.equal(formatDate(null), '—');
});

test('formatChineseDate: the server contract — no value → empty, anything but a date → as it is', () => {
  assert.equal(formatChineseDate('2024-02-29'), '2024年2月29日');
  for (const none of [null, undefined, '']) assert.equal(formatChineseDate(none), '');
  for (const bad of ['2023-02-29', '2024-13-01', 'not a date']) assert.equal(formatChineseDate(bad), bad);
});

test('today in China turns over at 16:00 UTC', () => {
  assert.equal(chinaToday(Date.UTC(2026, 10, 22, 15, 59)), '2026-11-22');
  assert.equal(chinaToday(Date.UTC(2026, 10, 22, 16, 0)), '2026-11-23');
});

test("today follows the server's clock once the session has given it, whatever the browser's date", () => {
  const browserNow = Date.now();
  try {
    // The server runs at 2026-03-16 10:00 China time (GONGKAI_CLOCK), the browser at its own date.
    setServerClock('2026-03-16T02:00:00.000Z', browserNow);
    assert.equal(chinaToday(), '2026-03-16');
    assert.ok(Math.abs(serverNow() - Date.UTC(2026, 2, 16, 2, 0)) < 60_000, 'and runs on from there');
    assert.equal(chinaToday(Date.UTC(2026, 10, 22, 16, 0)), '2026-11-23', 'an explicit instant still wins');
    setServerClock('not a date', browserNow);
    assert.equal(chinaToday(), '2026-03-16', 'an unreadable value changes nothing');
    // The server at 23:59:30 China time: today turns over with the server, not the browser.
    setServerClock('2026-03-16T15:59:30.000Z', browserNow);
    assert.equal(chinaToday(), '2026-03-16');
    assert.equal(chinaToday(serverNow() + 60_000), '2026-03-17');
  } finally {
    setServerClock(new Date(browserNow).toISOString(), browserNow);
  }
});
