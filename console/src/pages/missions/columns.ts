/** Columns of the missions table; kept out of the SFC so they are type-checked. */
import type { PrimaryTableCol, TableRowData } from 'tdesign-vue-next';
import { Tag } from 'tdesign-vue-next';
import type { h as createVNode } from 'vue';
import type { Mission } from '../../api/types';
import { t } from '../../locale/zh-CN';

/** TDesign's table wants an index signature on rows; Mission is a closed interface. */
export type MissionRow = Mission & TableRowData;

const labels = t.missions.columns;

/** A main line and a quieter second line (English name, country), one row height for all. */
function twoLines(h: typeof createVNode, main: string, secondary: string) {
  return h('div', { class: 'two-lines' }, [h('div', main), h('div', { class: 'two-lines__secondary' }, secondary)]);
}

export const missionColumns: PrimaryTableCol<MissionRow>[] = [
  {
    colKey: 'nameZh',
    title: labels.name,
    width: 300,
    fixed: 'left',
    cell: (h, { row }) => twoLines(h, row.nameZh, row.nameEn),
  },
  {
    colKey: 'kind',
    title: labels.kind,
    width: 100,
    cell: (h, { row }) =>
      h(
        Tag,
        { theme: row.kind === 'embassy' ? 'danger' : 'primary', variant: 'light' },
        () => t.missionKinds[row.kind],
      ),
  },
  {
    colKey: 'cityZh',
    title: labels.city,
    width: 120,
    cell: (h, { row }) => twoLines(h, row.cityZh, row.countryZh),
  },
  { colKey: 'phone', title: labels.phone, width: 160 },
  { colKey: 'timezone', title: labels.timezone, width: 190 },
  {
    colKey: 'districtZh',
    title: labels.district,
    minWidth: 200,
    ellipsis: true,
    cell: (_h, { row }) => row.districtZh.join('、'),
  },
];
