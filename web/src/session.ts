import { useMemo, useState } from 'react';
import { client, type Client } from './api';

/** A screen's sign-in: the bearer token (session kqs_… or API key kq_…) kept in localStorage per screen. */
export function useStoredToken(screen: 'console' | 'clerk') {
  const key = `kq.${screen}.token`;
  const [token, setTokenState] = useState<string | null>(() => localStorage.getItem(key));
  const setToken = (t: string | null) => {
    if (t) localStorage.setItem(key, t);
    else localStorage.removeItem(key);
    setTokenState(t);
  };
  const api: Client | null = useMemo(() => (token ? client({ scheme: 'Bearer', token }) : null), [token]);
  return { token, setToken, api };
}
