import { useNavigate } from '@remix-run/react';
import { useCallback, type MouseEvent } from 'react';

/**
 * A click handler that follows an app link inside the page, as <Link> does, for the many
 * plain <a href="/absolute/path"> of long tables (a <Link> per row resolves its path on every
 * render, which is most of a long table's server rendering). Clicks with a modifier key,
 * another button or a target are left to the browser. Give the anchors data-discover="true",
 * as <Link> renders them, so that Remix discovers their routes before the click.
 */
export function useAppLinkClick() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const anchor = event.currentTarget;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      if (anchor.target && anchor.target !== '_self') return;
      event.preventDefault();
      navigate(anchor.getAttribute('href')!);
    },
    [navigate],
  );
}
