import { moneyK } from './format.js';
import type { GuideView, Level, Market, OpenDataView } from './types.js';

// What the sources say beside the estimate, as they state it: each guide's band and the open
// data's level. Neither feeds the figures directly; they let a user see the spread of opinion.

/**
 * What each guide says: the band of each guide that `years` falls in, or, with a given level,
 * the guide's band for that level (principal: its staff/principal band), as stated.
 */
export function guideViews(market: Market, years: number, level?: Level): GuideView[] {
  const wanted = level === 'principal' ? 'staff' : level;
  return market.experience.curves.map((curve) => {
    let band = curve.bands[0]!;
    if (wanted === undefined) {
      for (const b of curve.bands) if (years >= b.years[0]) band = b;
    } else {
      band = curve.bands.find((b) => b.level === wanted) ?? band;
    }
    const view: GuideView = {
      source: curve.source,
      file: market.sources.find((s) => s.id === curve.source)?.file ?? '',
      basis: curve.basis,
      level: band.level,
      years: band.years[1] === null ? `${band.years[0]}+` : `${band.years[0]}-${band.years[1]}`,
      // The guide's own words: an open-ended band ("$300,000+") has no high.
      base: [band.base[0], band.openHigh ? null : band.base[1]],
    };
    if (band.total) view.total = [band.total[0], band.openHigh ? null : band.total[1]];
    return view;
  });
}

/** The open data's level for each of ours (its levels come from job titles; none above SE). */
const DATA_LEVEL: Partial<Record<Level, string>> = { entry: 'EN', mid: 'MI', senior: 'SE' };

/**
 * What the open data says for a level: entry EN, mid MI, senior SE. Staff and principal have no
 * level of their own in the data (EX is director level), so senior is shown, with a note naming
 * what lies above it.
 */
export function openDataView(market: Market, level: Level): OpenDataView {
  const od = market.openData;
  const id = DATA_LEVEL[level];
  const match = od.levels.find((l) => l.id === id);
  const shown = match ?? od.levels.find((l) => l.id === 'SE') ?? od.levels[0]!;
  const view: OpenDataView = {
    source: od.source,
    level: shown.id,
    label: shown.label,
    period: od.period,
    postings: { ...shown.postings },
    latest: { ...shown.latest },
  };
  if (match === undefined) {
    const above = od.levels.filter((l) => l.years === null);
    view.note = `no ${level} level in the data: ${shown.label} shown${above
      .map(
        (l) => `; ${l.label}: median ${moneyK(l.postings.median)} (${l.postings.count} postings)`,
      )
      .join('')}`;
  }
  return view;
}
