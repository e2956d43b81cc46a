/**
 * The supporting sheets' amounts (三保需求, 债券付息, 预算执行) join the check's exact range (money.ts
 * MAX_RUN_FEN) after the budget lines and the goals' funds: SANBAO compares a need with sums of
 * lines, DEBT sums interest against lines, the report figures add execution columns. An amount that
 * would pass the range is not used (a need or interest row is dropped, an execution figure is null,
 * as if the sheet gave none) and DATA.BAD_AMOUNT says so, so no rule weighs an inexact sum.
 */
import type { AuxData } from '../context';
import { DEFAULT_SEVERITY, Finding, FindingLocation } from '../findings';
import { dataMessages } from '../messages/data';
import { formatFen, MagnitudeAccount } from '../money';

/** DATA.BAD_AMOUNT for an amount already read (in 分) that would pass the range; `cell`: name its cell. */
export function pastRangeFinding(location: FindingLocation, fen: number, cell = true): Finding {
  return {
    rule: 'DATA.BAD_AMOUNT',
    severity: DEFAULT_SEVERITY['DATA.BAD_AMOUNT'],
    location,
    message: dataMessages.runMagnitude({ cell: cell ? location.cell : undefined, text: `${formatFen(fen, 'yuan')} 元` }),
  };
}

const EXECUTION_FIELDS = ['initialFen', 'adjustedFen', 'actualFen', 'priorSameFen'] as const;

/** Counts the supporting amounts of `aux` into `magnitude`, in sheet order; returns the findings. */
export function supportingAmountsInRange(aux: AuxData, magnitude: MagnitudeAccount): Finding[] {
  const findings: Finding[] = [];
  if (aux.sanbaoNeeds) {
    aux.sanbaoNeeds = aux.sanbaoNeeds.filter((n) => magnitude.take(n.needFen) || (findings.push(pastRangeFinding(n.location, n.needFen)), false));
  }
  if (aux.bondInterest) {
    aux.bondInterest = aux.bondInterest.filter((b) => magnitude.take(b.dueFen) || (findings.push(pastRangeFinding(b.location, b.dueFen)), false));
  }
  if (aux.execution) {
    aux.execution = aux.execution.map((row) => {
      let kept = row;
      for (const field of EXECUTION_FIELDS) {
        const fen = row[field];
        if (fen === null || magnitude.take(fen)) continue;
        // An execution row's location is its 项目 cell: the finding names the row, not that cell.
        const { cell: _item, ...at } = row.location;
        findings.push(pastRangeFinding(at, fen, false));
        kept = { ...kept, [field]: null };
      }
      return kept;
    });
  }
  return findings;
}
