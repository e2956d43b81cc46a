/** A project's 绩效指标 grid (一级 · 二级 · 三级 · 指标值), shown under its findings (issue 16). */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PerfGoal } from '../../core/performance/model';

const useStyles = makeStyles({
  box: { margin: '2px 0 6px', fontSize: '12px' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', verticalAlign: 'top', wordBreak: 'break-all' },
});

export function GoalGrid({ goal }: { goal: PerfGoal }): React.ReactElement {
  const s = useStyles();
  const name = goal.projectName || goal.projectCode;
  return (
    <details className={s.box} data-testid="goal-grid">
      <summary>绩效指标（{name}，{goal.indicators.length} 条）</summary>
      {goal.goalText ? <p>年度绩效目标：{goal.goalText}</p> : null}
      <table className={s.table} aria-label={`${name}的绩效指标`}>
        <thead>
          <tr>{['一级指标', '二级指标', '三级指标', '指标值'].map((h) => <th key={h} className={s.cell} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {goal.indicators.map((i, n) => (
            <tr key={n}>
              <td className={s.cell}>{i.level1}</td>
              <td className={s.cell}>{i.level2}</td>
              <td className={s.cell}>{i.name}</td>
              <td className={s.cell}>{i.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
