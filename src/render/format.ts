/** Whole dollars with thousands separators: 123456 -> "$123,456". */
export function money(n: number): string {
  const sign = n < 0 ? '-' : '';
  return `${sign}$${Math.abs(Math.round(n)).toLocaleString('en-US')}`;
}

/** Compact thousands: 123456 -> "$123K". */
export function moneyK(n: number): string {
  return `$${Math.round(n / 1000).toLocaleString('en-US')}K`;
}

/** A signed dollar effect: "+$1,234" / "-$1,234". */
export function signedMoney(n: number): string {
  return n < 0 ? money(n) : `+${money(n)}`;
}

/** Short tag for a source id in human output: the seed's file number, or the id. */
export function sourceTag(file: string, id: string): string {
  const m = /^(\d{3})_/.exec(file);
  return m ? m[1]! : id;
}

/** Greedy word wrap to `width` columns with a hanging indent; width <= 0 means no wrapping. */
export function wrap(text: string, width: number, indent: string): string {
  if (width <= 0 || text.length + indent.length <= width) return text;
  // An indent wider than half the terminal leaves no room to wrap into: fall back to two spaces.
  if (indent.length > width / 2) indent = '  ';
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line === '' ? w : `${line} ${w}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}
