/**
 * Hydrates the server's HTML, as Remix's default entry does, with one guard.
 *
 * React 18 hydrates the whole document in a transition, a slice at a time. A click, key press
 * or input that arrives meanwhile makes React hydrate the rest synchronously; with this app's
 * tree that render ends unfinished, React throws "Root did not complete" (error 345), and the
 * page never hydrates: no chart, no filter (tests/e2e/navigation.e2e.ts reproduces it). Until
 * hydration has finished, these events are therefore kept from React: the browser does what
 * it does before any script has loaded (links open, forms post, fields take input). Once
 * hydrated, <html> gets data-hydrated, which the browser tests wait for.
 */
import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode, useEffect, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';

/** The events for which React 18 hydrates synchronously (isDiscreteEventThatRequiresHydration). */
const EVENTS_THAT_FORCE_HYDRATION = [
  'mousedown', 'mouseup', 'touchcancel', 'touchend', 'touchstart', 'auxclick', 'dblclick',
  'pointercancel', 'pointerdown', 'pointerup', 'dragend', 'dragstart', 'drop',
  'compositionend', 'compositionstart', 'keydown', 'keypress', 'keyup', 'input', 'textInput',
  'copy', 'cut', 'paste', 'click', 'change', 'contextmenu', 'reset', 'submit',
];

function keepFromReact(event: Event) {
  event.stopPropagation(); // captured on window, before React's listener on the document
}

for (const type of EVENTS_THAT_FORCE_HYDRATION) window.addEventListener(type, keepFromReact, true);

function WhenHydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    for (const type of EVENTS_THAT_FORCE_HYDRATION) window.removeEventListener(type, keepFromReact, true);
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return children;
}

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <WhenHydrated>
        <RemixBrowser />
      </WhenHydrated>
    </StrictMode>,
  );
});
