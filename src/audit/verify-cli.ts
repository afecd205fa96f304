/**
 * `npm run audit:verify`: seals what is not sealed yet, then walks the audit trail's hash chain.
 * Prints the head hash (compare it with the last "audit chain sealed" log line kept elsewhere)
 * and exits 0, or names the first broken link and exits 1.
 */
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/open.js';
import { sealAuditEvents, verifyAuditChain } from './audit-chain.js';

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  await sealAuditEvents(db);
  const result = await verifyAuditChain(db);
  if (result.ok) {
    process.stdout.write(`audit chain intact: ${result.events} events sealed, head ${result.head}\n`);
  } else {
    const { at } = result;
    process.stderr.write(
      at.problem === 'seal-missing'
        ? `audit chain broken: seal ${at.seq} is missing`
        : `audit chain broken at seal ${at.seq}: event ${at.eventId} was ${at.problem === 'event-missing' ? 'deleted' : 'altered'}`,
    );
    process.stderr.write('\n');
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
