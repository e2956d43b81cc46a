import * as React from 'react';
import { MessageBar, MessageBarBody, ProgressBar, makeStyles } from '@fluentui/react-components';
import { num } from '../model';

export const useCommonStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', margin: '8px 0' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '8px 0' },
  hint: { fontSize: '12px', color: '#605e5c', lineHeight: '1.5' },
});

export interface Status {
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

export function StatusBar({ status, busy, progress }: { status: Status | null; busy?: boolean; progress?: number | null }): React.ReactElement | null {
  return (
    <div aria-live="polite">
      {busy ? <ProgressBar value={progress ?? undefined} thickness="large" aria-label="处理进度" /> : null}
      {status ? (
        <MessageBar intent={status.kind} layout="multiline" data-testid="status" data-intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/**
 * Drives the bar and the status line of a step that runs over many syncs or files:
 * “正在标记问题单元格：1,200 / 10,000……”. `done`/`total` come from the adapter after each sync.
 */
export function stepProgress(what: string, setProgress: (p: number | null) => void, setStatus: (s: Status | null) => void): (done: number, total: number) => void {
  return (done, total) => {
    setProgress(total > 0 ? Math.min(1, done / total) : null);
    setStatus({ kind: 'info', text: `正在${what}：${num(done)} / ${num(total)}……` });
  };
}

/** Run an async action with busy/status handling; errors become a visible message, never a blank pane. */
export function useAction(): {
  busy: boolean;
  status: Status | null;
  setStatus: (s: Status | null) => void;
  run: (label: string, fn: () => Promise<string | Status | void>) => Promise<void>;
} {
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<Status | null>(null);
  const run = React.useCallback(async (label: string, fn: () => Promise<string | Status | void>) => {
    setBusy(true);
    setStatus({ kind: 'info', text: `${label}……` });
    try {
      const msg = await fn();
      setStatus(typeof msg === 'string' ? { kind: 'success', text: msg } : msg ?? null);
    } catch (e) {
      setStatus({ kind: 'error', text: `${label}失败：${(e as Error).message || String(e)}` });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, status, setStatus, run };
}

export function downloadText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Copy `text` to the clipboard; without clipboard permission (file://, old webviews) select `el`'s
 * text for Ctrl+C instead. `what` names the text in the status line ("段落").
 */
export async function copyOrSelect(text: string, el: HTMLElement | null, what: string, setStatus: (s: Status) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    setStatus({ kind: 'success', text: `${what}已复制，可粘贴到报告中。` });
  } catch {
    if (el) {
      const range = document.createRange();
      range.selectNodeContents(el);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      el.focus();
    }
    setStatus({ kind: 'info', text: `浏览器不允许直接复制：${what}已选中，请按 Ctrl+C 复制。` });
  }
}
