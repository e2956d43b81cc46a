/**
 * 报告数字 写法说明, inside the page: an offline user has no docs/figures.md. The lists of metrics
 * come from the core's own tables (ROW_METRICS, WORKBOOK_FIGURES), so the help cannot drift from
 * what the page computes; the prose is the short form of docs/figures.md §2, §3 and §6.
 */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles } from '@fluentui/react-components';
import { ROW_METRICS, WORKBOOK_FIGURES } from '../../core/figures/figures';

const useStyles = makeStyles({
  body: { fontSize: '13px', lineHeight: '1.6' },
  table: { borderCollapse: 'collapse', fontSize: '12px', margin: '4px 0 8px' },
  cell: { border: '1px solid #d1d1d1', padding: '2px 6px', textAlign: 'left', verticalAlign: 'top' },
});

const FORMATS: ReadonlyArray<[string, string, string]> = [
  ['万元', '金额，两位小数，千分位，不带“万元”', '74,356.00'],
  ['亿元', '金额，两位小数，不带“亿元”', '5.29'],
  ['元', '金额，两位小数，不带“元”', '246,270,000.00'],
  ['% 或 %1', '比率，一位小数，带 %', '39.9%'],
  ['%N', '比率，N 位小数（%0、%2 …），带 %', '40.37%'],
  ['pp', '比率的百分点数，一位小数，不带“个百分点”', '6.5'],
  ['增减', '≥ 0 为“增长”，< 0 为“下降”', '下降'],
  ['超低', '≥ 0 为“超”，< 0 为“低于”', '低于'],
  ['甲/乙', '任意一对词：≥ 0 为甲，< 0 为乙', '{收入.增收额:增收/减收} → 减收'],
];

export function FiguresHelp(): React.ReactElement {
  const s = useStyles();
  return (
    <Dialog modalType="non-modal">
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="secondary">写法说明</Button>
      </DialogTrigger>
      <DialogSurface aria-label="报告数字写法说明">
        <DialogBody>
          <DialogTitle>报告数字写法说明</DialogTitle>
          <DialogContent className={s.body} data-testid="figures-help">
            <p><b>预算执行表</b>：按表名（含“预算执行”或“执行情况”）或表头识别；必需的列是 项目 和 本期累计（也可写作 本年累计、累计完成、完成数、执行数），可有 年初预算、调整预算、上年同期、月份。行名去掉编号和“其中：”，引号、空格、全角半角不影响匹配。空白或“-”是没有数，不是 0。</p>
            <p><b>每一行的指标</b> {'{行.指标}'}：{ROW_METRICS.join('、')}。只写行名 {'{一般公共预算收入}'} 等于 {'{一般公共预算收入.本期累计}'}。</p>
            <p><b>全表指标</b> {'{指标}'}：{WORKBOOK_FIGURES.join('、')}。</p>
            <p><b>占位符</b>：{'{行.指标}'} 或 {'{行.指标:格式}'}，点和冒号可用全角；{'{{'} 和 {'}}'} 表示字面的花括号。不写格式时金额按万元、比率按 %、超序时按 pp。</p>
            <table className={s.table} aria-label="格式">
              <thead><tr><th className={s.cell}>格式</th><th className={s.cell}>输出</th><th className={s.cell}>例</th></tr></thead>
              <tbody>{FORMATS.map(([f, what, ex]) => <tr key={f}><td className={s.cell}>{f}</td><td className={s.cell}>{what}</td><td className={s.cell}>{ex}</td></tr>)}</tbody>
            </table>
            <p><b>正负号</b>：数字默认带符号（同比下降 4.2% 时 {'{收入.同比:%}'} 输出 -4.2%）；同一句中前面已有同一指标的方向词（增减、超低、甲/乙）时只输出绝对值，如 同比{'{收入.同比:增减}{收入.同比:%}'} → 同比下降4.2%。</p>
            <p><b>直接填文稿中的 X</b>：每一串 X 是一个空位，X 后面的 万元/亿元/元 是金额，% 是比率，个百分点 是百分点，“1-XX月”是月份；X 前面的文字要以指标词结尾，再前面是行名（没有时沿用同一行前一个分句的行）。算不出的 X 原样保留并说明原因，从不猜；已写的数字按原文的小数位核对。</p>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">关闭</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
