import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';

// The panel loads the first time it is opened: most visits never open it.
const AssistantPanel = lazy(() => import('./AssistantPanel').then((m) => ({ default: m.AssistantPanel })));

/** The menu's "Asistente" (signed-in users): opens the assistant's panel, which then stays mounted to keep the conversation. */
export function AssistantButton() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className="nav-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="assistant-button"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        Asistente
      </button>
      {/* Outside the header (a portal to the body): the panel takes none of the menu's styles or landmarks. */}
      {loaded &&
        createPortal(
          <Suspense fallback={null}>
            <AssistantPanel open={open} onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
