/**
 * Reference aggregation for the standard tables (frozen, see ../../README.md): one pass over the
 * lines with a joined unit + project key per project line, as before the performance work. The table
 * generators themselves did not change and are the ones in src/core/tables (run by `tablesWith`).
 */
import type { RuleConfig } from '../../../../src/core/config';
import {
  type Aggregate, type FundGroup, type ProjectInfo, type UnitInfo, codeInList, economicKey, FUND_INDEX, functionKey, fundGroupOf, slot, SLOTS,
  THREE_PUBLIC_BY_CODE, unitKindMatches, zeroThreePublic,
} from '../../../../src/core/tables/common';
import { type BudgetLine, projectKey, unitKey } from '../lines';

export function aggregate(lines: Iterable<BudgetLine>, config: RuleConfig): Aggregate {
  const byFunction = new Map<string, number[]>();
  const functionNames = new Map<string, string>();
  const functionFunds = new Map<string, number>();
  const basicEconomic = new Map<string, [number, number]>();
  const economicNames = new Map<string, string>();
  const threePublic = zeroThreePublic();
  const threePublicPrior = zeroThreePublic();
  const projects = new Map<string, ProjectInfo>();
  const units = new Map<string, UnitInfo>();
  const groupCache = new Map<string, FundGroup>();
  // Sheets repeat a few distinct codes a million times: normalise each distinct text once.
  const functionKeys = new Map<string, string>();
  const economicKeys = new Map<string, string>();
  const adminKinds = config.adminCut.unitKinds;
  const runningCodes = config.adminCut.economicCodes;
  let priorKnown = false;
  let adminRunningFen = 0;
  let runningAllUnitsFen = 0;
  let unitKindKnown = false;
  let totalFen = 0;

  for (const line of lines) {
    const amount = line.amountFen;
    totalFen += amount;
    let group = groupCache.get(line.fundSource);
    if (group === undefined) groupCache.set(line.fundSource, (group = fundGroupOf(line.fundSource)));

    const uKey = unitKey(line);
    let unit = units.get(uKey);
    if (unit === undefined) units.set(uKey, (unit = { key: uKey, code: line.unitCode, name: line.unitName, kind: line.unitKind }));
    else if (unit.kind === '' && line.unitKind !== '') units.set(uKey, (unit = { ...unit, kind: line.unitKind }));
    if (line.unitKind !== '') unitKindKnown = true;

    let fKey = functionKeys.get(line.functionCode);
    if (fKey === undefined) functionKeys.set(line.functionCode, (fKey = functionKey(line.functionCode)));
    let vec = byFunction.get(fKey);
    if (vec === undefined) byFunction.set(fKey, (vec = new Array<number>(SLOTS).fill(0)));
    vec[slot(group, line.kind)] += amount;
    const bit = 1 << FUND_INDEX[group];
    const seen = functionFunds.get(fKey) ?? 0;
    if ((seen & bit) === 0) functionFunds.set(fKey, seen | bit);
    if (line.functionName && fKey === line.functionCode.trim() && !functionNames.has(fKey)) functionNames.set(fKey, line.functionName);

    let eKey = economicKeys.get(line.economicCode);
    if (eKey === undefined) economicKeys.set(line.economicCode, (eKey = economicKey(line.economicCode)));
    if (group === 'gp') {
      if (line.priorFen !== null) priorKnown = true;
      if (line.kind !== 'project') {
        let eco = basicEconomic.get(eKey);
        if (eco === undefined) basicEconomic.set(eKey, (eco = [0, 0]));
        eco[line.kind === 'personnel' ? 0 : 1] += amount;
        if (line.economicName && eKey === line.economicCode.trim() && !economicNames.has(eKey)) economicNames.set(eKey, line.economicName);
        if (codeInList(eKey, runningCodes)) {
          runningAllUnitsFen += amount;
          if (unitKindMatches(unit.kind || line.unitKind, adminKinds)) adminRunningFen += amount;
        }
      }
      const item = THREE_PUBLIC_BY_CODE.get(eKey);
      if (item !== undefined) {
        threePublic[item] += amount;
        threePublicPrior[item] += line.priorFen ?? 0;
      }
    }

    if (line.kind === 'project') {
      const pKey = uKey + '\u0001' + projectKey(line);
      let p = projects.get(pKey);
      if (p === undefined) {
        projects.set(pKey, (p = { unitCode: line.unitCode, unitName: line.unitName, projectCode: line.projectCode, projectName: line.projectName, totalFen: 0, fiscalFen: 0, goals: [] }));
      }
      p.totalFen += amount;
      if (group === 'gp' || group === 'gf' || group === 'sc') p.fiscalFen += amount;
      const goal = line.perfGoal.trim();
      if (goal !== '' && !p.goals.includes(goal)) p.goals.push(goal);
    }
  }
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('金额合计超出精确范围');
  return {
    byFunction, functionFunds, functionNames, basicEconomic, economicNames, threePublic, threePublicPrior, priorKnown,
    adminRunningFen, runningAllUnitsFen, unitKindKnown, projects: [...projects.values()], units, totalFen,
  };
}
