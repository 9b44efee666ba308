import { useEffect, useRef } from 'preact/hooks';

const APP_NAME = 'Serverless Chat';

/** Sets the document title while the page is shown. */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/** A ref that focuses its element once, when the page appears. */
export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
