// How a profile's defaulted fields read in every report: one rule, one place.
import type { Profile, ProfileField, ProfileLabels } from '../model/types.js';

/** A field's value as a person reads it: "5", "Austin", "none", "NLP / LLMs, MLOps". */
export function fieldText(field: ProfileField, profile: Profile, labels: ProfileLabels): string {
  if (field === 'years') return String(profile.years);
  if (field === 'level') return profile.level ?? 'by years';
  if (field === 'skills') return labels.skills.length === 0 ? 'none' : labels.skills.join(', ');
  return labels[field];
}

/**
 * "Defaulted (no terminal on stdin): city = Other US, skills = none. Pass --city, --skills to set
 * them." Empty when nothing was defaulted. A report that marks the fields with `*` (see `marked`)
 * puts one in front.
 */
export function defaultedNote(
  defaulted: readonly ProfileField[],
  profile: Profile,
  labels: ProfileLabels,
  because?: string,
): string {
  if (defaulted.length === 0) return '';
  const why = because ? ` (${because})` : '';
  const list = defaulted.map((f) => `${f} = ${fieldText(f, profile, labels)}`).join(', ');
  const flags = defaulted.map((f) => `--${f}`).join(', ');
  return `Defaulted${why}: ${list}. Pass ${flags} to set them.`;
}

/** The profile line, each defaulted field marked with `*`: "Austin | Big tech | none* | Bachelor's*". */
export function marked(
  defaulted: readonly ProfileField[],
  profile: Profile,
  labels: ProfileLabels,
): string {
  const fields = ['city', 'industry', 'skills', 'degree'] as const;
  return fields
    .map((f) => fieldText(f, profile, labels) + (defaulted.includes(f) ? '*' : ''))
    .join(' | ');
}
