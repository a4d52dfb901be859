import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { refreshDocumentSearch } from '../search/service.ts';
import { insertDoc } from './test-fixtures.ts';

// One library for every government (一库全收): each site lists its own government's documents; the city's
// search reaches every government below it, filtered by government (上下贯通).
let t: TestApp;
let cityDoc: number;
let cityDeptDoc: number;
let zcDoc: number;
let zcTownDoc: number;
let rcDoc: number;
const get = (url: string) => t.app.inject({ method: 'GET', url });

before(async () => {
  t = await createTestApp();
  cityDoc = await insertDoc(t.db, { title: '市级河道管理办法', genre: 'rule' });
  cityDeptDoc = await insertDoc(t.db, { title: '市教育局校园安全管理办法', org: '市教育局' });
  zcDoc = await insertDoc(t.db, { title: '邹城市河道保洁管理办法', org: '邹城市人民政府' });
  zcTownDoc = await insertDoc(t.db, { title: '太平镇河道巡查管理办法', org: '太平镇人民政府' });
  rcDoc = await insertDoc(t.db, { title: '任城区河道整治管理办法', org: '任城区人民政府' });
  for (const id of [cityDoc, cityDeptDoc, zcDoc, zcTownDoc, rcDoc]) await refreshDocumentSearch(t.db, id);
});
after(() => t.close());

const titles = (body: string) =>
  [...body.matchAll(/<h3><a href="[^"]*\/gk\/documents\/\d+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]).sort();

test('a county’s site lists its own documents (the county, its departments and towns) only', async () => {
  const column = await get('/s/370883/gk/documents');
  assert.equal(column.statusCode, 200);
  assert.deepEqual(titles(column.body), ['太平镇河道巡查管理办法', '邹城市河道保洁管理办法']);
  assert.match(column.body, new RegExp(`href="/s/370883/gk/documents/${zcDoc}"`));
  const search = await get('/s/370883/gk/documents/search?q=%E6%B2%B3%E9%81%93');
  assert.deepEqual(titles(search.body), ['太平镇河道巡查管理办法', '邹城市河道保洁管理办法']);
  assert.doesNotMatch(search.body, /所属政府/, 'a county without governments below it has no such filter');
  const catalogue = await get('/s/370883/gk/catalogue');
  assert.match(catalogue.body, /邹城市河道保洁管理办法/);
  assert.doesNotMatch(catalogue.body, /市级河道管理办法|任城区/);
  // The city's and another county's documents are not on this site.
  assert.equal((await get(`/s/370883/gk/documents/${cityDoc}`)).statusCode, 404);
  assert.equal((await get(`/s/370883/gk/documents/${rcDoc}`)).statusCode, 404);
  assert.equal((await get(`/s/370883/gk/documents/${zcTownDoc}`)).statusCode, 200);
});

test('the city’s column lists its own level; its search reaches every government below, by government', async () => {
  const column = await get('/gk/documents');
  assert.deepEqual(titles(column.body), ['市教育局校园安全管理办法', '市级河道管理办法']);
  const q = '/gk/documents/search?q=%E6%B2%B3%E9%81%93';
  const all = await get(q);
  assert.deepEqual(titles(all.body), [
    '任城区河道整治管理办法',
    '太平镇河道巡查管理办法',
    '市级河道管理办法',
    '邹城市河道保洁管理办法',
  ]);
  assert.match(all.body, /<label for="f-gov">所属政府<\/label>/);
  assert.match(all.body, /<option value="\d+">邹城市人民政府<\/option>/);
  const zc = await orgIdByName(t.db, '邹城市人民政府');
  const byCounty = await get(`${q}&gov=${zc}`);
  assert.deepEqual(titles(byCounty.body), ['太平镇河道巡查管理办法', '邹城市河道保洁管理办法']);
  assert.match(byCounty.body, new RegExp(`<option value="${zc}" selected>邹城市人民政府</option>`));
  assert.deepEqual(titles((await get(`${q}&gov=own`)).body), ['市级河道管理办法']);
  // A county's document opens on the city's site too (the search links to it).
  assert.equal((await get(`/gk/documents/${zcDoc}`)).statusCode, 200);
});
