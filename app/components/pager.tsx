import { Link } from '@remix-run/react';
import { useT } from '~/i18n';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The page numbers a pager offers, seven places at most: every page up to seven, else the
 * first and last pages, the current one with its neighbours and gaps between, e.g. 1 … 4 5 6 … 20.
 */
export function pageNumbers(page: number, pageCount: number): (number | 'gap')[] {
  if (pageCount <= 7) return range(1, pageCount);
  if (page <= 4) return [...range(1, 5), 'gap', pageCount];
  if (page >= pageCount - 3) return [1, 'gap', ...range(pageCount - 4, pageCount)];
  return [1, 'gap', page - 1, page, page + 1, 'gap', pageCount];
}

/** Previous, page numbers and next as plain links (they work without scripts); nothing when there is one page. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  const step = (to: number, label: string, rel: 'prev' | 'next') =>
    to >= 1 && to <= pageCount ? (
      <Link to={href(to)} rel={rel} className={`pager__step pager__step--${rel}`}>
        {label}
      </Link>
    ) : (
      <span className={`pager__step pager__step--${rel} is-disabled`} aria-hidden="true">
        {label}
      </span>
    );
  return (
    <nav className="pager no-print" aria-label={t('trPager')}>
      <p className="pager__status">{t('trPagerStatus', { page, pages: pageCount })}</p>
      <ul className="pager__list">
        <li>{step(page - 1, t('trPagerPrevious'), 'prev')}</li>
        {pageNumbers(page, pageCount).map((number, index) =>
          number === 'gap' ? (
            <li key={`gap-${index}`} className="pager__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              <Link
                to={href(number)}
                className="pager__page"
                aria-label={t('trPagerPage', { page: number })}
                aria-current={number === page ? 'page' : undefined}
              >
                {number}
              </Link>
            </li>
          ),
        )}
        <li>{step(page + 1, t('trPagerNext'), 'next')}</li>
      </ul>
    </nav>
  );
}
