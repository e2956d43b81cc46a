/**
 * A project's 绩效指标 grid (一级 · 二级 · 三级 · 指标值), shown under its findings (issue 16), with
 * the project's funds (年度资金总额 · 其中：财政拨款) and 实施单位. Given the finding it sits under, the
 * indicator (or the funds figure) that finding is about is marked: a background and a left bar, and
 * aria-current="true" for screen readers.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FindingLocation } from '../../core/findings';
import { formatWan } from '../../core/money';
import type { PerfGoal } from '../../core/performance/model';

const useStyles = makeStyles({
  box: { margin: '2px 0 6px', fontSize: '12px' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', verticalAlign: 'top', wordBreak: 'break-all' },
  // The flagged row: a light yellow background under the usual dark text (contrast well above 4.5:1)
  // and a red bar on its left, which forced-colors mode keeps as a border.
  current: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: 'bold' },
  bar: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  funds: { margin: '4px 0', display: 'flex', flexWrap: 'wrap', columnGap: '12px', rowGap: '2px' },
  fund: { padding: '0 2px' },
});

/** Same file, sheet and cell. */
function sameCell(a: FindingLocation | undefined, b: FindingLocation | undefined): boolean {
  return !!a && !!b && !!a.cell && a.file === b.file && a.sheet === b.sheet && a.cell === b.cell;
}

/**
 * The indicator a location is about: the one whose cell it is, else the one on its row of the same
 * sheet (a finding on the 一级 or 三级 cell of a list-layout row); -1 when none.
 */
export function flaggedIndicator(goal: PerfGoal, at: FindingLocation | undefined): number {
  if (!at || at.sheet === undefined) return -1;
  const exact = goal.indicators.findIndex((i) => sameCell(i.location, at));
  if (exact >= 0) return exact;
  if (at.row === undefined) return -1;
  return goal.indicators.findIndex((i) => i.location.file === at.file && i.location.sheet === at.sheet && i.location.row === at.row);
}

const wan = (fen: number | null) => (fen === null ? '未填' : `${formatWan(fen)} 万元`);

export interface GoalGridProps {
  goal: PerfGoal;
  /** Where the finding the grid sits under is: its indicator (or funds figure) is marked. */
  at?: FindingLocation;
  /** Controlled disclosure (opened when its finding is selected); uncontrolled when absent. */
  open?: boolean;
  onToggle?: (open: boolean) => void;
}

export function GoalGrid({ goal, at, open, onToggle }: GoalGridProps): React.ReactElement {
  const s = useStyles();
  const name = goal.projectName || goal.projectCode;
  const flagged = flaggedIndicator(goal, at);
  const unit = [goal.unitCode, goal.unitName].filter(Boolean).join(' ');
  const fund = (label: string, fen: number | null, loc: FindingLocation | undefined, testId: string) => {
    const cur = sameCell(loc, at);
    return (
      <span className={cur ? mergeClasses(s.fund, s.current, s.bar) : s.fund} data-testid={testId} aria-current={cur ? 'true' : undefined}>
        {label}：{wan(fen)}
      </span>
    );
  };
  return (
    <details className={s.box} data-testid="goal-grid" open={open} onToggle={onToggle ? (e) => onToggle(e.currentTarget.open) : undefined}>
      <summary>绩效指标（{name}，{goal.indicators.length} 条）</summary>
      <div className={s.funds} data-testid="goal-funds">
        {fund('年度资金总额', goal.totalFen, goal.totalLocation, 'goal-total')}
        {fund('其中：财政拨款', goal.fiscalFen, goal.fiscalLocation, 'goal-fiscal')}
        {unit ? <span className={s.fund} data-testid="goal-unit">实施单位：{unit}</span> : null}
      </div>
      {goal.goalText ? <p>年度绩效目标：{goal.goalText}</p> : null}
      <table className={s.table} aria-label={`${name}的绩效指标`}>
        <thead>
          <tr>{['一级指标', '二级指标', '三级指标', '指标值'].map((h) => <th key={h} className={s.cell} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {goal.indicators.map((i, n) => {
            const cur = n === flagged;
            const cell = cur ? mergeClasses(s.cell, s.current) : s.cell;
            return (
              <tr key={n} aria-current={cur ? 'true' : undefined} data-flagged={cur ? 'true' : undefined}>
                <td className={cur ? mergeClasses(cell, s.bar) : cell}>{i.level1}</td>
                <td className={cell}>{i.level2}</td>
                <td className={cell}>{i.name}</td>
                <td className={cell}>{i.value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
