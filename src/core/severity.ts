/** How grave a finding is: an error to put right, a warning to look at, a note. */
export type Severity = "error" | "warning" | "info";
