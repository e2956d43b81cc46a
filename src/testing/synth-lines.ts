/**
 * Seeded randomness, the units of a generated sheet, and the budget lines of one unit: its basic
 * items (人员经费, 公用经费) and its projects, with amounts of real magnitudes in 分.
 */
import { RIGID_302 } from '../core/config';
import { Cell } from '../core/grid';
import { LineKind } from '../core/lines';
import {
  BasicItem, ECONOMIC_NAMES, FUND_SOURCES, PERSONNEL_ITEMS, PUBLIC_ITEMS, ProjectTemplate, SECTOR_KEYS, SECTORS, SectorKey, TOWNS,
  UnitKind, basicFunctionCode,
} from './synth-catalog';
import { KIND_ORDER } from './synth-columns';
import { Resolved } from './synth-options';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
  pick<T>(xs: ReadonlyArray<T>): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return xs;
  }
}

/** A generated unit (预算单位). */
export interface SynthUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly sector: SectorKey;
  /** The unit's own 行政运行 / 事业运行 function code. */
  readonly ownFunction: string;
  readonly scale: number;
}

// ---------------------------------------------------------------------------------------------
// Units

/**
 * The units a sheet holds: `count` units starting at `firstUnit` in the department's sequence (the
 * bureau first, then its subordinate units, then town-level units), or across departments in turn.
 * Depends only on its arguments, not on the seed.
 */
export function synthUnits(count: number, department?: SectorKey, firstUnit = 0): SynthUnit[] {
  const out: SynthUnit[] = [];
  for (let i = 0; i < count; i++) {
    const g = firstUnit + i;
    const sectorKey = department ?? SECTOR_KEYS[g % SECTOR_KEYS.length];
    const j = department ? g : Math.floor(g / SECTOR_KEYS.length);
    const sector = SECTORS[sectorKey];
    const code = sector.code + String(j + 1).padStart(3, '0');
    const t = sector.units[j];
    if (t) {
      out.push({ code, name: t.name, kind: t.kind, sector: sectorKey, ownFunction: t.ownFunction, scale: t.scale });
    } else {
      const k = j - sector.units.length;
      const town = TOWNS[k % TOWNS.length];
      const round = Math.floor(k / TOWNS.length);
      const name = round === 0 ? `${town}${sector.extraSuffix}` : `${town}${sector.extraSuffix}（${round + 1}）`;
      out.push({ code, name, kind: '事业单位', sector: sectorKey, ownFunction: sector.extraFunction, scale: 0.4 + ((j * 37) % 9) / 10 });
    }
  }
  return out;
}

/** One generated line row before layout: its parts in 分 by fund source or by kind. */
/**
 * 一般性支出 under the default rules (SPEC §3): the 302 codes except the rigid ones, plus 31002,
 * 31006 and 31013. Generated priors cut them by at least 5 % in every unit.
 */
export const GENERAL_SPENDING: ReadonlySet<string> = new Set([
  ...Object.keys(ECONOMIC_NAMES).filter((c) => c.startsWith('302') && !RIGID_302.includes(c)),
  '31002', '31006', '31013',
]);

export interface GenRow {
  kind: LineKind;
  functionCode: string;
  economicCode: string;
  project: GenProject | null;
  /** Fund source of a long/split/kindSplit row ('' in wide). */
  fund: string;
  /** wide: by FUND_SOURCES index; kindSplit: by KIND_ORDER; long/split: [amount]. */
  parts: number[];
  totalFen: number;
}

export interface GenProject {
  code: string;
  name: string;
  template: ProjectTemplate;
  /** New this year: no prior figures. */
  isNew: boolean;
  /** Prior execution rate < 80 % or performance score < 80 (grade 中/差): its budget must fall. */
  underperformer: boolean;
  /** 上年执行率 and 上年绩效评价得分 cells, the same on each of its rows. */
  execCell: Cell;
  perfCell: Cell;
}

/** Round 分 to a multiple of `step` 分, at least one step. */
export function roundTo(fen: number, step: number): number {
  return Math.max(step, Math.round(fen / step) * step);
}

/** Spread `lines` over `units` unevenly, each unit at least one. */
export function spread(rng: Rng, lines: number, units: number): number[] {
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < units; i++) {
    const w = 0.5 + rng.next();
    weights.push(w);
    sum += w;
  }
  const rest = lines - units;
  const counts = weights.map((w) => 1 + Math.floor((rest * w) / sum));
  let left = lines - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % units, left--) counts[i]++;
  return counts;
}

/**
 * Emit exactly `count` line rows for one unit: its basic items (人员经费 then 公用经费) up to a
 * share of the rows, then projects of its department, 1–3 rows each.
 */
export function generateUnitRows(rng: Rng, o: Resolved, u: SynthUnit, count: number, emit: (g: GenRow) => void): void {
  let left = count;
  const wide = o.layout === 'wide';
  const kindSplit = o.layout === 'kindSplit';
  const fundIndex = (f: string) => FUND_SOURCES.indexOf(f as (typeof FUND_SOURCES)[number]);

  // One scratch row reused for every emit: the writer copies what it needs at once, so a million
  // lines leave no per-line garbage behind (the grid rows themselves are what must be kept).
  const scratch: GenRow = { kind: 'personnel', functionCode: '', economicCode: '', project: null, fund: '', parts: wide ? [0, 0, 0, 0] : kindSplit ? [0, 0, 0] : [0], totalFen: 0 };
  const parts = scratch.parts;
  const emitOne = (fund: string, fen: number) => {
    parts.fill(0);
    scratch.fund = wide ? '' : fund;
    scratch.totalFen = fen;
    if (kindSplit) {
      parts[KIND_ORDER.indexOf(scratch.kind)] = fen;
      // Some regions book part of 303 under 公用经费 (domain §1.5 note): a second non-zero part.
      if (scratch.kind === 'personnel' && scratch.economicCode.startsWith('303') && rng.chance(0.2)) {
        const pub = roundTo(Math.floor(fen * (0.1 + rng.next() * 0.3)), 100);
        if (pub < fen) {
          parts[0] = fen - pub;
          parts[1] = pub;
        }
      }
    } else if (!wide) {
      parts[0] = fen;
    }
  };

  /** Emit one logical line, split over two fund sources when `second` is given. */
  const emitLine = (kind: LineKind, functionCode: string, economicCode: string, project: GenProject | null, fund: string, fen: number, second: string | null) => {
    scratch.kind = kind;
    scratch.functionCode = functionCode;
    scratch.economicCode = economicCode;
    scratch.project = project;
    let secondFen = 0;
    if (second && fen >= 2_000_00 && left >= (wide ? 1 : 2)) {
      const part = roundTo(Math.floor(fen * (0.1 + rng.next() * 0.3)), 100_00);
      if (part < fen) secondFen = part;
    }
    if (wide) {
      emitOne(fund, fen);
      parts[fundIndex(fund)] += fen - secondFen;
      if (secondFen > 0) parts[fundIndex(second as string)] += secondFen;
      emit(scratch);
      left--;
      return;
    }
    emitOne(fund, fen - secondFen);
    emit(scratch);
    left--;
    if (secondFen > 0) {
      emitOne(second as string, secondFen);
      emit(scratch);
      left--;
    }
  };

  // Basic spending.
  const basicTarget = count === 1 ? 1 : Math.max(1, Math.round(count * (0.35 + rng.next() * 0.25)));
  const institution = u.kind === '事业单位';
  const personnelTarget = Math.ceil(basicTarget * 0.55);
  const basicItems: [LineKind, BasicItem][] = [];
  for (const it of PERSONNEL_ITEMS) {
    if (basicItems.length < personnelTarget && (it.code === '30101' || rng.chance(it.presence))) basicItems.push(['personnel', it]);
  }
  for (const it of PUBLIC_ITEMS) if (rng.chance(it.presence)) basicItems.push(['public', it]);
  for (const [kind, it] of basicItems) {
    if (count - left >= basicTarget || left === 0) break;
    const yuan = (it.min + rng.next() * (it.max - it.min)) * u.scale;
    // Payroll items carry 分; the others are budgeted in whole hundreds of 元.
    const fen = kind === 'personnel' && rng.chance(0.5) ? roundTo(Math.round(yuan * 100), 1) : roundTo(Math.round(yuan * 100), 100_00);
    const fn = basicFunctionCode(it.fn, u.ownFunction, u.kind);
    const second = institution && kind === 'personnel' && it.fn === 'own' && rng.chance(0.3) ? '单位资金' : null;
    emitLine(kind, fn, it.code, null, '一般公共预算拨款', fen, second);
  }

  // Projects.
  const templates = SECTORS[u.sector].projects;
  const offset = rng.int(0, templates.length - 1);
  let seq = 0;
  while (left > 0) {
    const t = templates[(offset + seq) % templates.length];
    const round = Math.floor(seq / templates.length);
    seq++;
    const n = Math.min(left, rng.int(1, Math.min(3, t.economicCodes.length)));
    const codes = rng.shuffle(t.economicCodes.slice()).slice(0, n);
    // A new project has no prior, so its 一般性支出 could not be cut: new ones avoid those codes.
    const isNew = rng.chance(0.15) && !codes.some((c) => GENERAL_SPENDING.has(c));
    const execPct = rng.chance(0.7) ? rng.int(85, 100) : rng.int(55, 84);
    const score = rng.chance(0.8) ? rng.int(80, 98) : rng.int(62, 79);
    const form = o.perfStyle === 'plain' ? 0 : rng.next();
    const grade = o.perfStyle === 'mixed' && rng.chance(0.3);
    const project: GenProject = {
      code: `${u.code}${o.year}${String(seq).padStart(5, '0')}`,
      name: round === 0 ? t.name : `${t.name}（${round + 1}）`,
      template: t,
      isNew,
      underperformer: !isNew && (execPct < 80 || score < 80),
      // 上年执行率 as 0.87, "87%" or 87 (SPEC §7 Performance fields); scores as numbers or grades.
      execCell: isNew ? null : form < 0.6 ? execPct / 100 : form < 0.85 ? `${execPct}%` : execPct,
      perfCell: isNew ? null : grade ? (score >= 90 ? '优' : score >= 80 ? '良' : '中') : score,
    };
    const totalYuan = (t.min + rng.next() * (t.max - t.min)) * Math.max(0.5, u.scale);
    const total = roundTo(Math.round(totalYuan * 100), 1000_00);
    const fund = t.fund ?? '一般公共预算拨款';
    let second: string | null = null;
    if (institution && rng.chance(0.2)) second = u.sector === 'education' ? '财政专户管理资金' : '单位资金';
    let rest = total;
    for (let i = 0; i < codes.length; i++) {
      const fen = i === codes.length - 1 ? rest : Math.min(rest - (codes.length - 1 - i) * 100_00, roundTo(Math.floor((total * (0.2 + rng.next() * 0.5)) / codes.length), 100_00));
      rest -= fen;
      if (left === 0) break;
      emitLine('project', t.functionCode, codes[i], project, fund, fen, second);
    }
  }
}
