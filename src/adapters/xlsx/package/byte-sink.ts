const encoder = new TextEncoder();
/** Pieces are gathered up to this many characters, then encoded in one go. */
const BATCH = 64 * 1024;

/**
 * UTF-8 output written straight into one growing buffer. A large worksheet is written as
 * hundreds of thousands of small pieces; joining them into one string and encoding that would
 * hold the whole sheet twice on the JavaScript heap, where collecting it costs seconds.
 */
export class ByteSink {
  private buffer: Uint8Array;
  private length = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(expectedBytes: number) {
    this.buffer = new Uint8Array(Math.max(1024, expectedBytes));
  }

  write(text: string): void {
    if (text.length >= BATCH) {
      this.flush();
      this.encode(text);
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH) this.flush();
  }

  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.length);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.encode(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }

  private encode(text: string): void {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
      this.length += written;
      if (read === text.length) return;
      // Full: encodeInto never splits a character, so the rest starts on a whole one.
      text = text.slice(read);
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
  }
}
