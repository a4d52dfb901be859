import { InputNumber, Select } from 'antd';
import { useState } from 'react';
import { chinaThisYear } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { type Register, STATE_LABELS, STATES } from '../domain/registers.ts';
import { listRecords } from './api.ts';

/** A register's list of the chosen year and state, with the two filters every register page shows. */
export function useRegisterList(register: Register) {
  const [year, setYear] = useState<number | null>(chinaThisYear());
  const [state, setState] = useState<string>();
  const loaded = useLoad(
    () => listRecords(register, { year: year ?? undefined, state }),
    [register, year, state],
  );
  const filters = (
    <>
      <InputNumber
        aria-label="年度"
        min={2000}
        max={2100}
        value={year}
        onChange={(v) => setYear(v)}
        addonAfter="年"
        placeholder="全部年度"
      />
      <Select
        aria-label="状态"
        allowClear
        placeholder="全部状态"
        style={{ width: 160 }}
        value={state}
        onChange={setState}
        options={STATES[register].map((s) => ({ value: s, label: STATE_LABELS[s] }))}
      />
    </>
  );
  return { ...loaded, filters };
}
