// Progress on long work: a bar redrawn in place on a terminal, a plain line every few seconds
// otherwise (logs and CI show one line per interval instead of a screen of carriage returns).
export interface ProgressCounts {
  done: number;
  /** Known in advance (reanalyze), or null while the amount of work is unknown (a stream of records). */
  total: number | null;
  detail: string;
}

export class Progress {
  private readonly started = Date.now();
  /** A terminal gets its first bar at once; a log gets its first line after one interval (short runs stay quiet). */
  private lastDraw: number;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {
    this.lastDraw = stream.isTTY ? 0 : this.started;
  }

  update(c: ProgressCounts): void {
    if (!this.enabled) return;
    const now = Date.now();
    const tty = !!this.stream.isTTY;
    if (now - this.lastDraw < (tty ? 100 : 5000)) return;
    this.lastDraw = now;
    this.draw(c, tty);
  }

  /** Draws the final state and ends the line. */
  done(c: ProgressCounts): void {
    if (!this.enabled) return;
    if (this.drawn || this.stream.isTTY) this.draw(c, !!this.stream.isTTY);
    if (this.drawn && this.stream.isTTY) this.stream.write('\n');
  }

  private draw(c: ProgressCounts, tty: boolean): void {
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? Math.round(c.done / secs) : 0;
    const count = c.total ? `${c.done.toLocaleString('en')}/${c.total.toLocaleString('en')}` : c.done.toLocaleString('en');
    const line = `${this.label} ${c.total ? bar(c.done / c.total) + ' ' : ''}${count} · ${rate}/s${c.detail ? ' · ' + c.detail : ''}`;
    this.stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    this.drawn = true;
  }
}

function bar(share: number): string {
  const width = 24;
  const full = Math.round(Math.min(1, share) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${Math.floor(share * 100)}%`;
}
