// Finds a Kingston postcode in what someone typed ("KT6 7DG", "kt67dg", "my postcode is KT6") and
// the wards it may be in, from the postcode table in knowledge/postcodes.yaml. The volunteering
// journey asks this before the ward-name matcher.
import type { PostcodeEntry } from '../content/postcodes.js';

export type PostcodeMatch =
  /** `area` is the part of the postcode that decided it ("KT6 7" or "KT6"). */
  | { kind: 'wards'; area: string; wardIds: string[]; confirmed: boolean }
  /** A full postcode whose district is not in Kingston's table. */
  | { kind: 'outside'; postcode: string };

const FULL = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])([A-Z]{2})\b/;
const PART = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ([0-9]))?\b/g;

export class PostcodeLookup {
  private readonly byPrefix: Map<string, PostcodeEntry>;

  constructor(entries: readonly PostcodeEntry[]) {
    this.byPrefix = new Map(entries.map((e) => [e.prefix, e]));
  }

  /** The postcode in the text and its wards, or undefined when the text holds no postcode. */
  find(text: string): PostcodeMatch | undefined {
    const t = text.toUpperCase().replace(/\s+/g, ' ');
    const full = FULL.exec(t);
    if (full) {
      const [, district, sector] = full;
      return (
        this.entryFor(district, sector) ?? { kind: 'outside', postcode: `${district} ${sector}${full[3]}` }
      );
    }
    // Only a district (or district and sector) that the table knows: "KT6" counts, "A1" does not.
    for (const m of t.matchAll(PART)) {
      const found = this.entryFor(m[1], m[2]);
      if (found) return found;
    }
    return undefined;
  }

  private entryFor(district: string, sector: string | undefined): PostcodeMatch | undefined {
    const entry = (sector && this.byPrefix.get(`${district} ${sector}`)) || this.byPrefix.get(district);
    if (!entry) return undefined;
    return {
      kind: 'wards',
      area: entry.prefix,
      wardIds: [...entry.wards],
      confirmed: entry.unconfirmed === undefined,
    };
  }
}
