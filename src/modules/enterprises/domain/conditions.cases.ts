/**
 * A table of enterprises and condition sets with the expected match, shared by the domain test and the
 * SQL agreement test (`conditions.db.test.ts`): both matchers must give these answers. Region ids are
 * placeholders 1 and 2, mapped to real organisations by the db test.
 */
import type { Conditions } from './conditions.ts';
import type { Profile } from './profile.ts';

export const CASE_PROFILES: Record<string, Profile> = {
  factory: {
    industry: 'C',
    size: 'small',
    regionId: 1,
    foundedOn: '2018-04-16',
    capital: 1200,
    qualifications: ['high_tech', 'specialized'],
    tags: ['智能制造'],
  },
  software: {
    industry: 'I',
    size: 'micro',
    regionId: 2,
    foundedOn: '2023-03-02',
    capital: 100,
    qualifications: ['tech_sme'],
    tags: ['初创'],
  },
  unknownCapital: {
    industry: 'O',
    size: 'micro',
    regionId: 1,
    foundedOn: '2024-02-26',
    capital: null,
    qualifications: [],
    tags: [],
  },
  large: {
    industry: 'C',
    size: 'large',
    regionId: 2,
    foundedOn: '2006-06-08',
    capital: 32000,
    qualifications: ['little_giant'],
    tags: ['新材料'],
  },
};

export const CASE_CONDITIONS: { name: string; conditions: Conditions; matches: readonly string[] }[] = [
  { name: 'industry C', conditions: { industries: ['C'] }, matches: ['factory', 'large'] },
  {
    name: 'small or micro',
    conditions: { sizes: ['small', 'micro'] },
    matches: ['factory', 'software', 'unknownCapital'],
  },
  { name: 'region 1', conditions: { regionIds: [1] }, matches: ['factory', 'unknownCapital'] },
  {
    name: 'founded before 2018-04-16 (the day itself fails)',
    conditions: { foundedBefore: '2018-04-16' },
    matches: ['large'],
  },
  {
    name: 'founded from 2023-03-02 (the day itself passes)',
    conditions: { foundedFrom: '2023-03-02' },
    matches: ['software', 'unknownCapital'],
  },
  {
    name: 'capital at least 100 (unknown fails)',
    conditions: { capitalMin: 100 },
    matches: ['factory', 'software', 'large'],
  },
  { name: 'capital at most 1200', conditions: { capitalMax: 1200 }, matches: ['factory', 'software'] },
  {
    name: 'any of two qualifications',
    conditions: { qualifications: ['high_tech', 'little_giant'] },
    matches: ['factory', 'large'],
  },
  { name: 'tag 初创', conditions: { tags: ['初创'] }, matches: ['software'] },
  {
    name: 'all together: C, small, region 1, capital 1000–2000, high-tech',
    conditions: {
      industries: ['C'],
      sizes: ['small'],
      regionIds: [1],
      capitalMin: 1000,
      capitalMax: 2000,
      qualifications: ['high_tech'],
    },
    matches: ['factory'],
  },
  { name: 'nobody', conditions: { industries: ['T'] }, matches: [] },
  {
    name: 'founded window',
    conditions: { foundedFrom: '2010-01-01', foundedBefore: '2024-01-01', sizes: ['micro', 'small'] },
    matches: ['factory', 'software'],
  },
];
