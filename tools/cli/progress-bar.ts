import type { SimulationProgress } from '@urikiri/simulation';

const STAGE_LABELS: Record<SimulationProgress['stage'], string> = {
  forecast: 'forecast',
  simulate: 'simulate policies',
  search: 'search rule sets',
};
const WIDTH = 30;

/**
 * A progress bar on stderr, so stdout stays clean for piping. On a terminal it redraws one line;
 * otherwise (CI logs) it prints a line per stage step at most every 10 %.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (progress: SimulationProgress) => void {
  let lastLine = '';
  let lastTenth = -1;
  let lastStage = '';
  return ({ stage, done, total }) => {
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * WIDTH);
    const line = `${STAGE_LABELS[stage].padEnd(18)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`;
    if (stream.isTTY) {
      if (line === lastLine) return;
      stream.write(`\r${line}${done === total ? '\n' : ''}`);
      lastLine = line;
      return;
    }
    const tenth = Math.floor(share * 10);
    if (stage === lastStage && tenth === lastTenth) return;
    lastStage = stage;
    lastTenth = tenth;
    stream.write(`${line}\n`);
  };
}
