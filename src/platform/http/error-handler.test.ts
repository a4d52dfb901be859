import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { InvalidDateError } from '../../modules/calendar/index.ts';
import { ClockError, FeeError } from '../../modules/requests/index.ts';
import { registerErrorHandler } from './error-handler.ts';
// The module list installs the modules' error catalogs (clock, fee and date codes among them).
import '../../modules.ts';

let app: FastifyInstance;
before(async () => {
  app = Fastify({ logger: false });
  registerErrorHandler(app, { uploadLimitBytes: 1024 * 1024 });
  app.get('/api/receipt', async () => {
    throw new ClockError('RECEIPT_DATE_MISSING', 'Receipt date missing: channel post-signed needs signedOn', {
      channel: 'post-signed',
      field: 'signedOn',
    });
  });
  app.get('/api/waiver', async () => {
    throw new FeeError('FEE_WAIVER_INVALID', 'A waiver needs a reason and an amount between 0 and the fee', {
      amount: '500',
      total: 300,
    });
  });
  app.get('/api/date', async () => {
    throw new InvalidDateError('2026-02-30');
  });
  app.get('/api/bug', async () => {
    throw new Error('a bug');
  });
  await app.ready();
});
after(() => app.close());

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, error: r.json().error as { code: string; message: string } };
};

test('a domain error with a catalog code answers its status and Chinese message, not a 500', async () => {
  assert.deepEqual(await get('/api/receipt'), {
    status: 400,
    error: {
      code: 'RECEIPT_DATE_MISSING',
      message: '请填写收到申请之日：以邮政挂号等需签收方式提交的，为签收之日（条例第三十一条）。',
    },
  });
  assert.deepEqual(await get('/api/waiver'), {
    status: 400,
    error: {
      code: 'FEE_WAIVER_INVALID',
      message: '减免信息处理费应写明理由，减免金额应在0元到应收金额之间。',
    },
  });
  assert.deepEqual(await get('/api/date'), {
    status: 400,
    error: { code: 'INVALID_DATE', message: '日期“2026-02-30”无效，应为YYYY-MM-DD格式的真实日期。' },
  });
});

test('an error without a catalog code is still a 500 with the generic message', async () => {
  const r = await get('/api/bug');
  assert.equal(r.status, 500);
  assert.equal(r.error.code, 'INTERNAL');
});
