// The end of an interactive offer: a last question, whether to work out a counter-offer (unless
// --counter asked for it already), then the command that gives it all again without questions.
import type { Judged, OfferOptions } from './run/offer.js';
import { print, type Io } from './io.js';
import { loadPrompts, promptContext } from './prompts.js';
import { rerunOffer, type TypedTerms } from './rerun.js';
import type { Look } from '../render/text.js';

export async function lastQuestion(
  judged: Judged,
  typed: TypedTerms,
  opts: OfferOptions,
  io: Io,
  look: Look,
): Promise<void> {
  let counter = opts.counter === true;
  if (!counter) {
    const { select } = await loadPrompts(promptContext(io, opts.color));
    counter = await select({
      message: 'Work out a counter-offer (what to ask for)?',
      choices: [
        { name: 'No', value: false },
        { name: 'Yes', value: true },
      ],
      default: false,
    });
    if (counter) {
      const [{ counterView }, { counterSection }] = await Promise.all([
        import('../documents/counter.js'),
        import('../render/counter.js'),
      ]);
      const view = counterView(judged.doc, judged.terms);
      print(io, `${counterSection(view, look).join('\n')}\n`);
    }
  }
  const again = rerunOffer(judged.doc.profile, typed, opts);
  io.stderr.write(`To run this again: ${again}${counter ? ' --counter' : ''}\n`);
}
