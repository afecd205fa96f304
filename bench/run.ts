/** `npm run bench`: every benchmark in turn. Each prints its own comparison against a baseline. */
import { execFileSync } from 'node:child_process';

for (const script of [
  'bench/assessments.ts',
  'bench/scheduling.ts',
  'bench/contention.ts',
  'bench/fhir.ts',
]) {
  console.log(`\n### ${script}`);
  execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
}
