import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitUnits } from './units-split.ts';

test('splits on 、，,；; and line breaks', () => {
  assert.deepEqual(splitUnits('市财政局、市税务局，市科技局,市教育局；市民政局;市医保局\n市公安局'), [
    '市财政局',
    '市税务局',
    '市科技局',
    '市教育局',
    '市民政局',
    '市医保局',
    '市公安局',
  ]);
});

test('splits on spaces where a table separates units by spaces', () => {
  assert.deepEqual(splitUnits('市委宣传部  市文化和旅游局　市城市管理局 '), [
    '市委宣传部',
    '市文化和旅游局',
    '市城市管理局',
  ]);
});

test('never splits inside brackets', () => {
  assert.deepEqual(splitUnits('各县（市、区）政府（管委会），市发展改革委'), [
    '各县（市、区）政府（管委会）',
    '市发展改革委',
  ]);
  assert.deepEqual(splitUnits('各镇(街道)、区财政局'), ['各镇(街道)', '区财政局']);
});

test('keeps group names whole', () => {
  assert.deepEqual(splitUnits('市政府各部门、单位'), ['市政府各部门、单位']);
  assert.deepEqual(splitUnits('市政府有关部门、单位，各县（市、区）政府'), [
    '市政府有关部门、单位',
    '各县（市、区）政府',
  ]);
  assert.deepEqual(splitUnits('市、县级政府办公室'), ['市、县级政府办公室']);
  assert.deepEqual(splitUnits('省、市、县政府'), ['省、市、县政府']);
  assert.deepEqual(
    splitUnits('各县（市、区）政府（管委会），市发展改革委、市行政审批服务局等市政府有关部门、单位'),
    ['各县（市、区）政府（管委会）', '市发展改革委', '市行政审批服务局等市政府有关部门、单位'],
  );
  assert.deepEqual(splitUnits('区市场监管局、区司法局等有关部门'), ['区市场监管局', '区司法局等有关部门']);
});

test('a unit cell broken across lines joins into the list', () => {
  assert.deepEqual(splitUnits('各镇（街道）、区财政局、\n区农业农村局'), [
    '各镇（街道）',
    '区财政局',
    '区农业农村局',
  ]);
});

test('empty and separator-only cells give no units; duplicates are dropped', () => {
  assert.deepEqual(splitUnits(''), []);
  assert.deepEqual(splitUnits(' 、，\n'), []);
  assert.deepEqual(splitUnits('市财政局、市财政局'), ['市财政局']);
});

test('property: joining names with 、 and splitting gives the names back', () => {
  const name = fc
    .array(fc.constantFrom(...'市县区财政教育民政局委办中心公安税务科技'), { minLength: 2, maxLength: 8 })
    .map((chars) => `市${chars.join('')}局`);
  fc.assert(
    fc.property(
      fc.uniqueArray(name, { minLength: 1, maxLength: 8 }),
      fc.constantFrom('、', '，', '；', '\n', ' '),
      (names, sep) => {
        assert.deepEqual(splitUnits(names.join(sep)), names);
      },
    ),
  );
});
