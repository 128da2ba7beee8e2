/** Documented exit codes (README "Exit codes", `--help`). */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  cancelled: 130,
  terminated: 143,
} as const;
