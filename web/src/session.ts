import { useMemo, useState } from 'react';
import { client, type Client } from './api';

// tokens that earlier versions kept in localStorage: gone for good
for (const k of ['kq.console.token', 'kq.clerk.token']) localStorage.removeItem(k);

/**
 * A screen's sign-in. An operator account's session is an HttpOnly cookie for this screen, which no
 * script on the page can read: the page only learns whether it is signed in (GET /v1/sessions/current).
 * An API key typed into the sign-in form stays in this tab's memory only: a reload forgets it.
 * Nothing is written to localStorage or sessionStorage.
 */
export function useSignIn(screen: 'console' | 'clerk' | 'partner') {
  const [key, setKey] = useState<string | null>(null);
  const [round, setRound] = useState(0); // each sign-in or sign-out makes a new client, so the screen asks who it is again
  const api: Client = useMemo(() => client({ screen, key }), [screen, key, round]);
  return {
    api,
    /** after a sign-in with an account (the cookie is set) or with an API key */
    signedIn: (apiKey: string | null) => {
      setKey(apiKey);
      setRound((r) => r + 1);
    },
    /** forgets an API key; an account's cookie is cleared by the sign-out request itself */
    signedOut: () => setKey(null),
  };
}
