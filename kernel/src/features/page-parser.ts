/**
 * Parses the pages of a paged query one per turn of the event loop. A page is parsed in a turn
 * after the one its text arrived in, so the request for the next page goes out first; and with
 * one page per turn, answers that arrive meanwhile are read (and their next pages asked for)
 * between two parses instead of after all of them. Parsing 2,000 features takes a few
 * milliseconds; eight of them in a row kept eight requests from leaving.
 */
export class PageParser<P> {
  private readonly waiting: {
    text: string;
    resolve: (page: P) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private scheduled = false;

  constructor(private readonly parse: (text: string) => P) {}

  /** The page parsed from `text`, in a later turn; rejects with what parsing throws. */
  later(text: string): Promise<P> {
    return new Promise<P>((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      this.schedule();
    });
  }

  /** Parses nothing more: what waits is of no use after a failure (its promises never settle). */
  abandon(): void {
    this.waiting.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate set while immediates run waits for the next turn, after I/O has been read.
    setImmediate(() => {
      this.scheduled = false;
      const next = this.waiting.shift();
      if (next) {
        try {
          next.resolve(this.parse(next.text));
        } catch (error) {
          next.reject(error);
        }
      }
      this.schedule();
    });
  }
}
