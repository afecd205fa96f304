import type { PageContext } from './page-context.js';

export interface FormError {
  /** id of the input the summary links to */
  href: string;
  message: string;
}

/** GOV.UK error summary: first thing on the page, links to each field in error. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FormError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      tabindex={-1}
      aria-labelledby="error-summary-title"
      data-autofocus
    >
      <h2 id="error-summary-title">{ctx.t('sc.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.href}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorMessage({
  ctx,
  id,
  message,
}: {
  ctx: PageContext;
  id: string;
  message: string | undefined;
}) {
  if (!message) return null;
  return (
    <p id={id} class="error-message">
      <span class="visually-hidden">{ctx.t('sc.errorPrefix')}</span> {message}
    </p>
  );
}

export function BackLink({ ctx, href }: { ctx: PageContext; href: string }) {
  return (
    <a class="back-link" href={href}>
      {ctx.t('sc.back')}
    </a>
  );
}

/** "Error: " before the page title when the page shows errors. */
export function titleWithErrors(ctx: PageContext, title: string, errors: unknown[]): string {
  return errors.length ? `${ctx.t('sc.errorPrefix')} ${title}` : title;
}
