// The offer command's counter-offer: the --counter flag, the counter added to an offer's document,
// and the question at the end of an interactive offer. Light: the command definition loads it.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { OfferDocument } from '../documents/offer.js';
import type { OfferTerms } from '../model/offer.js';

/** Add --counter to the offer command. */
export function addCounterOption(cmd: Command): Command {
  return cmd.option(
    '--counter',
    'what to ask for: a target in the upper half of the market for the level, the parts that move, a message (a guide, not a promise)',
  );
}

/** Add a counter-offer to the offer's document (one offer: side by side has none). */
export async function addCounter(
  judged: readonly { doc: OfferDocument; terms: OfferTerms }[],
): Promise<void> {
  if (judged.length > 1) {
    throw new UsageError('--counter is for one offer: give one offer file, or the terms as flags');
  }
  const { counterView } = await import('../documents/counter.js');
  for (const j of judged) j.doc.counter = counterView(j.doc, j.terms);
}
