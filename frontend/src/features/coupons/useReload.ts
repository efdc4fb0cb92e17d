// Reloads a list when a counter changes (the page bumps it after an action that adds rows the
// list's cached answer cannot know of, e.g. the first coupons issued into an empty list).
import { useEffect, useEffectEvent } from 'react';

export function useReload(reloadKey: number | undefined, refresh: () => void) {
  const onReload = useEffectEvent(refresh);
  useEffect(() => {
    if (reloadKey) onReload();
  }, [reloadKey]);
}
