// `node bench/dist/map/cli.js [runs]`: measures the map widget and prints the samples as JSON.
import { measureMap } from "./map-bench";

const runs = Number(process.argv[2] ?? 3);
measureMap(Number.isInteger(runs) && runs > 0 ? runs : 3)
  .then((result) => console.log(JSON.stringify(result, null, 2)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
