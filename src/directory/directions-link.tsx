import type { PageContext } from '../platform/views/page-context.js';
import { directionsUrl, type Location } from './directory.js';

/** "Directions in your maps app": a plain link with the clinic's address (see directionsUrl). */
export function DirectionsLink({ ctx, l }: { ctx: PageContext; l: Location }) {
  return (
    <a class="standalone-link" href={directionsUrl(l)} rel="noreferrer">
      {ctx.t('clinics.directionsLink', { clinic: l.name })}
    </a>
  );
}
