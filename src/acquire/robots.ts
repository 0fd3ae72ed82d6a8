// robots.txt as RFC 9309 reads it: the group for our product token (else "*"), the longest
// matching Allow/Disallow rule wins, Allow wins ties, `*` matches any run of characters and a
// final `$` anchors the end. Crawl-delay is not in the RFC but many news sites set it.

interface Rule {
  allow: boolean;
  /** Percent-encoded as URLs are, so rules written with raw Arabic match encoded paths. Its length ranks the rule. */
  pattern: string;
  /** The pattern cut at its `*`s, once, for matches(). */
  pieces: string[];
  /** Whether the pattern ends with `$`. */
  anchored: boolean;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelay: number | null;
}

export class Robots {
  private constructor(private readonly groups: Group[]) {}

  /** Never fails: lines it does not understand are skipped, as the RFC asks. */
  static parse(text: string): Robots {
    const groups: Group[] = [];
    let current: Group | null = null;
    // Consecutive User-agent lines share the rules that follow them.
    let collectingAgents = false;
    for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
      // No lazy group before a trailing \s*: that backtracks quadratically on a long run of spaces.
      const m = /^\s*([A-Za-z-]+)\s*:(.*)$/.exec(line.replace(/#.*/, ''));
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'user-agent') {
        if (!current || !collectingAgents) groups.push((current = { agents: [], rules: [], crawlDelay: null }));
        current.agents.push(productToken(value));
        collectingAgents = true;
        continue;
      }
      if (!current) continue;
      if (key === 'allow' || key === 'disallow') {
        collectingAgents = false;
        // An empty rule matches nothing: "Disallow:" allows all.
        if (value) current.rules.push(rule(key === 'allow', normalisePath(value)));
      } else if (key === 'crawl-delay') {
        collectingAgents = false;
        const delay = Number(value);
        if (value && Number.isFinite(delay) && delay >= 0) current.crawlDelay = delay;
      }
    }
    return new Robots(groups);
  }

  /** Whether a crawler named `userAgent` (a product token or a whole User-Agent string) may fetch the path. */
  isAllowed(pathWithQuery: string, userAgent: string): boolean {
    const path = normalisePath(pathWithQuery || '/');
    if (path === '/robots.txt') return true;
    let best: Rule | null = null;
    for (const rule of this.rulesFor(userAgent)) {
      if (!matches(rule, path)) continue;
      const longer = !best || rule.pattern.length > best.pattern.length;
      const tieWonByAllow = best !== null && rule.pattern.length === best.pattern.length && rule.allow;
      if (longer || tieWonByAllow) best = rule;
    }
    return best?.allow ?? true;
  }

  /** Seconds asked between requests, or null when the group for this agent sets none. */
  crawlDelaySeconds(userAgent: string): number | null {
    const groups = this.groupsFor(userAgent);
    return groups.find((g) => g.crawlDelay !== null)?.crawlDelay ?? null;
  }

  private rulesFor(userAgent: string): Rule[] {
    return this.groupsFor(userAgent).flatMap((g) => g.rules);
  }

  /** The groups naming our token, else those for "*". Groups for one agent are merged (RFC 9309 §2.2.1). */
  private groupsFor(userAgent: string): Group[] {
    const token = productToken(userAgent);
    const own = this.groups.filter((g) => g.agents.includes(token));
    return own.length ? own : this.groups.filter((g) => g.agents.includes('*'));
  }
}

/**
 * "rasd" from "rasd/0.1 (+https://…)" or "Rasd": the leading letters, underscores and hyphens,
 * lower-cased, which is what robots.txt lines are compared on. "*" stays "*".
 */
function productToken(agent: string): string {
  const s = agent.trim();
  if (s.startsWith('*')) return '*';
  return (/^[A-Za-z_-]+/.exec(s)?.[0] ?? s).toLowerCase();
}

/** Raw non-ASCII percent-encoded as UTF-8 and escapes in upper case, so both sides compare byte for byte. */
function normalisePath(s: string): string {
  return s.replace(/[^\x00-\x7f]+/g, (run) => encodeURIComponent(run)).replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}

function rule(allow: boolean, pattern: string): Rule {
  const anchored = pattern.endsWith('$');
  // Runs of `*` match what one does.
  return { allow, pattern, anchored, pieces: (anchored ? pattern.slice(0, -1) : pattern).replace(/\*+/g, '*').split('*') };
}

/**
 * Whether a rule's pattern matches a prefix of `path` (the whole path with a final `$`). The pattern is
 * cut at its `*`s into literal pieces: the first must start the path, each next one is taken where
 * it first occurs after the one before (the earliest place leaves the most room for the rest, so
 * this is exact for patterns whose only wildcard is `*`), and with `$` the last must end the path.
 * Time is about the pattern plus the path per piece: a hostile robots.txt full of `*` (half a
 * megabyte of them took 16 s per URL with the earlier set-of-positions walk) costs next to nothing.
 */
function matches({ pieces, anchored }: Rule, path: string): boolean {
  const first = pieces[0]!;
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return !anchored || path.length === first.length;
  let at = first.length;
  const last = pieces.length - 1;
  for (let i = 1; i < last; i++) {
    const piece = pieces[i]!;
    if (!piece) continue;
    const found = path.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const end = pieces[last]!;
  return anchored ? path.length - end.length >= at && path.endsWith(end) : path.indexOf(end, at) >= 0;
}
