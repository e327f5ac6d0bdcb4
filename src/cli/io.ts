/** Where the command line writes: standard output and standard error, one line at a time (tests pass their own). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
