/**
 * Entry of the pane bundle. The ES5 loader (loader.ts) has already tried office.js and left its
 * verdict in window.__budgetReviewBoot: Excel, or files (offline page, no internet, no host).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelActions, capsFromVersion } from '../excel';
import { detectCaps } from '../excel/caps';
import { App } from './App';

interface BootInfo {
  mode: 'excel' | 'files';
  reason: string;
}

function main(): void {
  const boot = (window as unknown as { __budgetReviewBoot?: BootInfo }).__budgetReviewBoot ?? { mode: 'files', reason: 'no-loader' };
  const el = document.getElementById('root');
  if (!el) return;
  const caps = boot.mode === 'excel' ? detectCaps() : capsFromVersion(0);
  // Too old an Excel: the pane still shows, on files, with the reason on top.
  const excel = boot.mode === 'excel' && caps.supported ? createExcelActions(caps) : null;
  const reason = boot.mode === 'excel' && !caps.supported ? 'host-too-old' : boot.reason;
  createRoot(el).render(<App excel={excel} offlineReason={reason} />);
  if (boot.mode === 'excel' && !caps.supported) {
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.style.cssText = 'margin:8px 10px;padding:8px;background:#FFF4CE;font-size:13px';
    note.textContent = `此版本 Excel 仅支持 ExcelApi 1.${caps.version}，审核助手需要 1.7 及以上（Microsoft 365、Office 2021/2024 或网页版 Excel）。下面是离线审核：可选择 .xlsx 文件审核，或使用离线页面 budget-review-offline.html。`;
    el.parentElement?.insertBefore(note, el);
  }
}

main();
