import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n';

/**
 * Move the focus to the first of these elements that is on the page (its own input, or the first control inside
 * its block), once React has drawn the messages: returns request(ids).
 */
export function useFocusFirst(): (ids: string[]) => void {
  const wanted = useRef<string[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick > 0) focusFirst(wanted.current);
  }, [tick]);
  return useCallback((ids: string[]) => {
    wanted.current = ids;
    setTick((n) => n + 1);
  }, []);
}

function focusFirst(slotIds: string[]): void {
  for (const id of slotIds) {
    const element = document.getElementById(id);
    if (!element) continue;
    const target = element.matches('input, textarea, select, button')
      ? element
      : (element.querySelector<HTMLElement>('input:checked, input:not([type=hidden]), textarea, button') ?? element);
    element.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return;
  }
}

/** The tab's title for a page. */
export function useTitle(key: string): void {
  const { t } = useI18n();
  const title = t('app.pageTitle', { page: t(key), app: t('app.short') });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
