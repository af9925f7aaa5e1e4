'use client';
// Autosave for the coordinator's forms (DESIGN §8: nothing typed is lost). Every change is written
// to localStorage at once (survives a closed tab or a crash) and, debounced, to the server
// (table form_drafts: survives a lost phone). On opening, the newer of the two is restored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredDraft } from './drafts';
import { discardDraftAction, saveDraftAction } from './draft-actions';

export type DraftShape = Record<string, string | string[]>;

const SERVER_DELAY_MS = 1500;

function same(a: DraftShape, b: DraftShape): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = Array.isArray(x) ? x : [x];
      const ys = Array.isArray(y) ? y : [y];
      if (xs.length !== ys.length || xs.some((v, i) => v !== ys[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

function readLocal(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed.at === 'number' && typeof parsed.values === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export interface DraftOptions<V extends DraftShape> {
  formKey: string;
  /** Per user, so that a shared office computer never restores someone else's draft. */
  userKey: string;
  initial: V;
  serverDraft: StoredDraft | null;
  values: V;
  setValues: (v: V) => void;
  /** Only the keys of `initial` are restored; `extra` is stored alongside (e.g. a new record's id). */
  extra?: Record<string, string>;
  enabled: boolean;
  /** Also run when the user throws the draft away (e.g. drop evidence uploaded for a never-saved record). */
  onDiscard?: () => void;
  /** Called with everything stored in the restored draft (including `extra`). */
  onRestore?: (stored: DraftShape) => void;
}

export function useFormDraft<V extends DraftShape>(o: DraftOptions<V>) {
  const storageKey = `sunlight:draft:${o.userKey}:${o.formKey}`;
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the form shows without any edit: the saved (or empty) values, or the restored draft.
  // Changes equal to it are not stored until the first real edit has been stored; after that every
  // change is (so that typing back to the original text replaces the stored draft).
  const baseline = useRef<DraftShape>(o.initial);
  const storedOnce = useRef(false);
  const latest = useRef(o);
  latest.current = o;

  // Restore once, on the first render in the browser.
  useEffect(() => {
    if (!o.enabled) return;
    const local = readLocal(storageKey);
    const server = o.serverDraft;
    const best = local && (!server || local.at >= server.at) ? local : server;
    if (best) {
      const merged = { ...o.initial };
      for (const k of Object.keys(o.initial) as (keyof V)[]) {
        const v = best.values[k as string];
        if (v !== undefined && Array.isArray(v) === Array.isArray(o.initial[k])) merged[k] = v as V[keyof V];
      }
      if (!same(merged, o.initial)) {
        baseline.current = merged;
        o.setValues(merged);
        o.onRestore?.(best.values);
        setRestoredAt(best.at);
      }
    }
    setReady(true);
  }, []);

  // Save every edit. Comparing with the baseline (not skipping the first run) also keeps what was
  // typed in the moment before the restore finished.
  useEffect(() => {
    if (!ready || !o.enabled) return;
    if (!storedOnce.current && same(o.values, baseline.current)) return;
    storedOnce.current = true;
    const at = Date.now();
    const payload = { ...o.values, ...o.extra };
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ values: payload, at }));
    } catch {
      // Storage full or disabled: the server copy still follows.
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveDraftAction(o.formKey, payload, at).catch(() => undefined);
    }, SERVER_DELAY_MS);
  }, [o.values, ready]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** After a successful save (the server already dropped its copy). */
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      window.localStorage.removeItem(storageKey);
    } catch {}
    setRestoredAt(null);
  }, [storageKey]);

  /** Throws the draft away and goes back to the saved (or empty) form. */
  const discard = useCallback(() => {
    clear();
    const cur = latest.current;
    // Going back to the saved values is not an edit: do not store it as a new draft.
    baseline.current = cur.initial;
    storedOnce.current = false;
    cur.setValues(cur.initial);
    void discardDraftAction(cur.formKey).catch(() => undefined);
    cur.onDiscard?.();
  }, [clear]);

  /** `ready`: restored and saving — the form may show it (data-draft-ready) for tests and tools. */
  return { restoredAt, clear, discard, ready };
}
