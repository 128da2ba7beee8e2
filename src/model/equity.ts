// What private-company stock or options may be worth at an exit, by the company's stage
// (data/startup.json; docs/offers.md explains the model). Pure: figures in, figures out.
import startup from '../../data/startup.json' with { type: 'json' };

export const STAGES = ['seed', 'a', 'b', 'c', 'd', 'growth', 'public'] as const;
/** The company's last priced round, or `public` for a listed company. */
export type Stage = (typeof STAGES)[number];
export type PrivateStage = Exclude<Stage, 'public'>;

/** Per-share values at exit from `from` to `to` times the preferred price; `bp`: its chance in basis points. */
export interface Bucket {
  from: number;
  to: number;
  bp: number;
}

/** A stage's outcomes (basis points, so quantile edges are exact), years to an exit, yearly return. */
export interface Outcomes {
  nothingBp: number;
  buckets: Bucket[];
  years: number;
  rate: number;
}

type Named = keyof typeof startup.outcomes;
const bp = (percent: number): number => Math.round(percent * 100);
const mean = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

/** A private stage (not `public`), or null. */
export const privateStage = (s: Stage | null | undefined): PrivateStage | null =>
  s && s !== 'public' ? s : null;

/**
 * The stage's outcomes; a stage with two named sets (Series B) takes their average. An exit comes
 * Carta's median round gap after each round still to come and once more (seed: 5 x 2.1 = 10.5
 * years), discounted at the stock market's long-run return.
 */
export function stageOutcomes(stage: PrivateStage): Outcomes {
  const sets = [startup.stages[stage].outcomes].flat().map((n) => startup.outcomes[n as Named]);
  const ranges = [...new Set(sets.flatMap((s) => s.buckets.map(([f, t]) => `${f}-${t}`)))];
  const share = (range: string) =>
    mean(sets.map((s) => bp(s.buckets.find(([f, t]) => `${f}-${t}` === range)?.[2] ?? 0)));
  return {
    nothingBp: mean(sets.map((s) => bp(s.nothing))),
    buckets: ranges.map((r) => {
      const [from, to] = r.split('-').map(Number) as [number, number];
      return { from, to, bp: share(r) };
    }),
    years: Math.round(startup.roundGap.years * (futureRounds(stage).length + 1) * 10) / 10,
    rate: Math.round(startup.exit.rate * 100) / 10000,
  };
}

/** What a dollar at the stage's exit is worth today: 1 / (1 + rate)^years. */
export const todayFactor = (o: Outcomes): number => (1 + o.rate) ** -o.years;

/** The label of a stage ("Series A"), `Public company` for `public`. */
export const stageLabel = (stage: Stage): string =>
  stage === 'public' ? 'Public company' : startup.stages[stage].label;

/**
 * The average payoff per share over one bucket, a share worth m x `price` less `strike` (0 for
 * stock), m log-uniform from `from` to `to` (one point when equal); below the strike, 0.
 */
function bucketMean(b: Bucket, price: number, strike: number): number {
  if (b.to === b.from) return Math.max(0, b.from * price - strike);
  const low = Math.max(b.from, strike / price);
  if (low >= b.to) return 0;
  return (price * (b.to - low) - strike * Math.log(b.to / low)) / Math.log(b.to / b.from);
}

/** The average payoff at the exit of one share (or option with `strike`) worth m x `price`. */
const perUnit = (o: Outcomes, price: number, strike: number): number =>
  o.buckets.reduce((s, b) => s + (b.bp / 10000) * bucketMean(b, price, strike), 0);

/** The multiple at the quantile `q` (basis points) of the outcomes: 0 within the chance of nothing. */
export function multipleAt(o: Outcomes, q: number): number {
  let below = o.nothingBp;
  if (q <= below) return 0;
  for (const b of o.buckets) {
    if (q <= below + b.bp) return b.from * (b.to / b.from) ** ((q - below) / b.bp);
    below += b.bp;
  }
  return o.buckets[o.buckets.length - 1]!.to;
}

/** The expected multiple of the preferred price at the exit. */
export const expectedMultiple = (o: Outcomes): number => perUnit(o, 1, 0);

/** What a holding an exit pays may be worth: today's dollars but for `expectedAtExit`. */
export interface Distribution {
  /** The chance it is worth nothing, a fraction (0.65). */
  nothing: number;
  p50: number;
  /** The average over the outcomes: what "risk-adjusted" means in this tool. */
  expected: number;
  expectedAtExit: number;
  /** A good outcome (the 90th percentile). */
  good: number;
  /** The share of `expected` that comes from outcomes of 10x the price or more. */
  fromTenfold: number;
}

/**
 * What `units` shares (or options with `strike`) are worth, each m x `price` (the last preferred
 * price) at the exit; a grant in dollars at the preferred price: units = dollars, price = 1.
 */
export function distribution(o: Outcomes, units: number, price: number, strike = 0): Distribution {
  const today = units * todayFactor(o);
  const payoff = (q: number): number => Math.max(0, multipleAt(o, q) * price - strike);
  const expected = perUnit(o, price, strike);
  const tenfold = perUnit({ ...o, buckets: o.buckets.filter((b) => b.from >= 10) }, price, strike);
  return {
    nothing: o.nothingBp / 10000,
    p50: Math.round(today * payoff(5000)),
    expected: Math.round(today * expected),
    expectedAtExit: Math.round(units * expected),
    good: Math.round(today * payoff(9000)),
    fromTenfold: expected > 0 ? Math.round((tenfold / expected) * 10000) / 10000 : 0,
  };
}

/** The expected value today of `units` shares or options, unrounded. */
export const expectedValue = (o: Outcomes, units: number, price: number, strike = 0): number =>
  units * perUnit(o, price, strike) * todayFactor(o);

/** The rounds a company at `stage` is taken to raise before an exit, with Carta's median dilution. */
export function futureRounds(stage: PrivateStage): { round: string; dilution: number }[] {
  const rounds = Object.entries(startup.dilution.rounds);
  const at = ['seed', ...Object.keys(startup.dilution.rounds)].indexOf(stage);
  return at < 0
    ? []
    : rounds.slice(at).map(([round, d]) => ({ round, dilution: Math.round(d * 10) / 1000 }));
}

/** The share of the company a holding keeps through `rounds`: the product of (1 - dilution). */
export const keptThrough = (rounds: readonly { dilution: number }[]): number =>
  rounds.reduce((k, r) => k * (1 - r.dilution), 1);

/** The sourced figures of data/startup.json, for a document's notes. */
export const EQUITY_DATA = startup;
