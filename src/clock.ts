/** The one clock. Tests move it; everything that reads "now" reads it here, SQL included (as a parameter). */
let offsetMs = 0;
let frozen: number | null = null;

export const clock = {
  now(): Date {
    return new Date(frozen ?? Date.now() + offsetMs);
  },
  /** Moves time forward (tests). */
  advance(ms: number) {
    if (frozen !== null) frozen += ms;
    else offsetMs += ms;
  },
  set(at: Date | string) {
    frozen = new Date(at).getTime();
  },
  reset() {
    offsetMs = 0;
    frozen = null;
  },
};
