// What private-company stock or options may be worth at an exit, by the company's stage
// (data/startup.json; docs/offers.md explains the model). Pure: figures in, figures out.
import startup from '../../data/startup.json' with { type: 'json' };

export const STAGES = ['seed', 'a', 'b', 'c', 'd', 'growth', 'public'] as const;
/** The company's last priced round, or `public` for a listed company. */
export type Stage = (typeof STAGES)[number];
export type PrivateStage = Exclude<Stage, 'public'>;

/** A range of outcomes: the per-share value at exit from `from` to `to` times the preferred price. */
export interface Bucket {
  from: number;
  to: number;
  /** Its chance in basis points (1% = 100): whole numbers, so the quantile edges are exact. */
  bp: number;
}

/**
 * The outcomes of a stage: the chance of nothing and the ranges above 1x, in basis points; and
 * the years to an exit and the yearly return money earns meanwhile (a fraction), which turn a
 * figure at the exit into today's dollars (divided by (1 + rate)^years).
 */
export interface Outcomes {
  nothingBp: number;
  buckets: Bucket[];
  years: number;
  rate: number;
}

type Named = keyof typeof startup.outcomes;
const bp = (percent: number): number => Math.round(percent * 100);
const named = (name: Named): Omit<Outcomes, 'years' | 'rate'> => {
  const o = startup.outcomes[name];
  return {
    nothingBp: bp(o.nothing),
    buckets: o.buckets.map((b) => ({ from: b.from, to: b.to, bp: bp(b.percent) })),
  };
};

/**
 * The stage's outcomes; a stage with two named sets (Series B) takes their average. An exit is
 * taken to come Carta's median gap between rounds after each round still to come, and once more
 * after the last (seed: 5 x 2.1 = 10.5 years); it is discounted at the stock market's long-run return.
 */
export function stageOutcomes(stage: PrivateStage): Outcomes {
  const years = Math.round(startup.roundGap.years * (futureRounds(stage).length + 1) * 10) / 10;
  const when = { years, rate: Math.round(startup.exit.rate * 100) / 10000 };
  const spec = startup.stages[stage].outcomes as Named | Named[];
  if (typeof spec === 'string') return { ...named(spec), ...when };
  const sets = spec.map(named);
  const mean = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const ranges = new Map<string, Bucket>();
  for (const set of sets)
    for (const b of set.buckets) ranges.set(`${b.from}-${b.to}`, { ...b, bp: 0 });
  const buckets = [...ranges.values()].map((r) => ({
    ...r,
    bp: mean(sets.map((s) => s.buckets.find((b) => b.from === r.from && b.to === r.to)?.bp ?? 0)),
  }));
  return { nothingBp: mean(sets.map((s) => s.nothingBp)), buckets, ...when };
}

/** What a dollar at the stage's exit is worth today: 1 / (1 + rate)^years. */
export const todayFactor = (o: Outcomes): number => (1 + o.rate) ** -o.years;

/** The label of a stage ("Series A"), `Public company` for `public`. */
export function stageLabel(stage: Stage): string {
  return stage === 'public' ? 'Public company' : startup.stages[stage].label;
}

/**
 * The average payoff per share over one bucket, for a share worth m x `price` at exit less
 * `strike` (0 for stock): m is spread evenly on a log scale from `from` to `to` (a bucket with
 * from = to is a single point). Payoffs below the strike are 0 (the option is not exercised).
 */
function bucketMean(b: Bucket, price: number, strike: number): number {
  if (b.to === b.from) return Math.max(0, b.from * price - strike);
  const low = Math.max(b.from, strike / price);
  if (low >= b.to) return 0;
  return (price * (b.to - low) - strike * Math.log(b.to / low)) / Math.log(b.to / b.from);
}

/** The multiple at the quantile `q` (basis points) of the outcomes: 0 within the chance of nothing. */
export function multipleAt(o: Outcomes, q: number): number {
  if (q <= o.nothingBp) return 0;
  let below = o.nothingBp;
  for (const b of o.buckets) {
    if (q <= below + b.bp) {
      const f = (q - below) / b.bp;
      return b.to === b.from ? b.from : b.from * (b.to / b.from) ** f;
    }
    below += b.bp;
  }
  return o.buckets[o.buckets.length - 1]!.to;
}

/** The expected multiple of the preferred price (a share's average value at exit / the price). */
export function expectedMultiple(o: Outcomes): number {
  return o.buckets.reduce((sum, b) => sum + (b.bp / 10000) * bucketMean(b, 1, 0), 0);
}

/** A distribution of what a holding an exit pays may be worth today, whole dollars. */
export interface Distribution {
  /** The chance it is worth nothing, a fraction (0.65). */
  nothing: number;
  /** The median outcome, in today's dollars. */
  p50: number;
  /** The average over the outcomes in today's dollars: what "risk-adjusted" means in this tool. */
  expected: number;
  /** The same average at the exit, not discounted. */
  expectedAtExit: number;
  /** A good outcome (the 90th percentile), in today's dollars. */
  good: number;
  /** The share of `expected` that comes from outcomes of 10x the price or more. */
  fromTenfold: number;
}

/**
 * What `units` shares (or options with `strike`) an exit pays are worth today, each share worth
 * m x `price` (the last preferred price) at the exit, m drawn from the stage's outcomes. For a
 * grant given in dollars at the preferred price, pass units = dollars and price = 1.
 */
export function distribution(o: Outcomes, units: number, price: number, strike = 0): Distribution {
  const today = units * todayFactor(o);
  const payoff = (m: number): number => Math.max(0, m * price - strike);
  const perUnit = o.buckets.map((b) => (b.bp / 10000) * bucketMean(b, price, strike));
  const expected = perUnit.reduce((a, b) => a + b, 0);
  const tenfold = o.buckets.reduce((s, b, i) => s + (b.from >= 10 ? perUnit[i]! : 0), 0);
  return {
    nothing: o.nothingBp / 10000,
    p50: Math.round(today * payoff(multipleAt(o, 5000))),
    expected: Math.round(today * expected),
    expectedAtExit: Math.round(units * expected),
    good: Math.round(today * payoff(multipleAt(o, 9000))),
    fromTenfold: expected > 0 ? Math.round((tenfold / expected) * 10000) / 10000 : 0,
  };
}

/** The expected value today of `units` shares or options: `distribution(...).expected`, unrounded. */
export function expectedValue(o: Outcomes, units: number, price: number, strike = 0): number {
  const perUnit = o.buckets.reduce((s, b) => s + (b.bp / 10000) * bucketMean(b, price, strike), 0);
  return units * perUnit * todayFactor(o);
}

/** The rounds a company at `stage` is taken to raise before an exit, with Carta's median dilution. */
export function futureRounds(stage: PrivateStage): { round: string; dilution: number }[] {
  const order = ['seed', 'a', 'b', 'c', 'd'];
  const at = order.indexOf(stage);
  const rounds = startup.dilution.rounds as Record<string, number>;
  if (at < 0) return [];
  return order
    .slice(at + 1)
    .map((r) => ({ round: r, dilution: Math.round(rounds[r]! * 10) / 1000 }));
}

/** The share of the company a holding keeps through `rounds`: the product of (1 - dilution). */
export function keptThrough(rounds: readonly { dilution: number }[]): number {
  return rounds.reduce((k, r) => k * (1 - r.dilution), 1);
}

/** The sourced figures the equity model printed, for the notes of a document. */
export const EQUITY_DATA = startup;
