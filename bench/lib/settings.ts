/** Knobs of a bench run, from the command line (`npm run bench -- --runs 3 --only share-1000`). */
export interface BenchSettings {
  /** Timed runs per side (after the warm-up). */
  runs: number;
  /** Case ids to run; empty = all. */
  only: string[];
  /** Size of the upload case's file in MiB (1024 = the 1 GB case). */
  uploadMiB: number;
  /** Length of the load case in seconds. */
  loadSeconds: number;
}

export const DEFAULT_SETTINGS: BenchSettings = {
  runs: 5,
  only: [],
  uploadMiB: 1024,
  loadSeconds: 20,
};

export function parseSettings(argv: readonly string[]): BenchSettings {
  const settings: BenchSettings = { ...DEFAULT_SETTINGS, only: [] };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    const number = (): number => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1)
        throw new RangeError(`${flag}: expected a whole number >= 1, got ${String(value)}`);
      index++;
      return parsed;
    };
    if (flag === "--runs") settings.runs = number();
    else if (flag === "--upload-mib") settings.uploadMiB = number();
    else if (flag === "--load-seconds") settings.loadSeconds = number();
    else if (flag === "--only") {
      if (!value) throw new RangeError("--only: expected comma-separated case ids");
      settings.only = value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean);
      index++;
    } else
      throw new RangeError(
        `${flag}: unknown option (known: --runs, --only, --upload-mib, --load-seconds)`,
      );
  }
  return settings;
}
