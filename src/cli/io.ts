/** Where the command line writes: standard output and standard error, one line at a time (tests pass their own). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * A long run's one-line progress (files, projects, elapsed), where someone watches: set only when standard error
   * is a terminal. Each call replaces the line; `null` clears it.
   */
  progress?: (line: string | null) => void;
}

/** The console, with a progress line on standard error only when it is a terminal. */
export function consoleIo(): Io {
  const tty = Boolean(process.stderr.isTTY);
  let shown = false;
  return {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    progress: tty
      ? (line) => {
          if (line === null) {
            if (shown) process.stderr.write("\r\x1b[K");
            shown = false;
            return;
          }
          process.stderr.write(`\r\x1b[K${line}`);
          shown = true;
        }
      : undefined,
  };
}
