import type { Logger } from '../logging/logger.js';

/** Per-request values set by the platform middleware. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
  };
};
