import { useState } from 'preact/hooks';
import { preferredBrowser, rememberBrowser, type BrowserId } from '../../lib/browsers.ts';
import type { PreparedStep } from '../../troubleshooter/prepare.ts';

/** Per-browser instructions as tabs, the reader's own browser first selected (ARIA tabs pattern); `label` names the tab list. */
export function BrowserVariants({ label, stepId, variants }: { label: string; stepId: string; variants: PreparedStep['variants'] }) {
  const [chosen, setChosen] = useState<BrowserId>(() => {
    const preferred = preferredBrowser();
    return variants.some((v) => v.browser === preferred) ? preferred : variants[0].browser;
  });
  const choose = (browser: BrowserId, focus = false) => {
    setChosen(browser);
    rememberBrowser(browser);
    if (focus) document.getElementById(`${stepId}-tab-${browser}`)?.focus();
  };
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = ({ ArrowRight: 1, ArrowLeft: -1 } as Record<string, number>)[event.key];
    if (step) choose(variants[(index + step + variants.length) % variants.length].browser, true);
  };
  const active = variants.find((v) => v.browser === chosen) ?? variants[0];
  return (
    <div class="browser-variants">
      <div role="tablist" aria-label={label}>
        {variants.map((v, i) => (
          <button
            type="button"
            role="tab"
            id={`${stepId}-tab-${v.browser}`}
            class="secondary"
            aria-selected={v.browser === active.browser}
            aria-controls={`${stepId}-panel`}
            tabIndex={v.browser === active.browser ? 0 : -1}
            onClick={() => choose(v.browser)}
            onKeyDown={(e) => onKey(e, i)}
            key={v.browser}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${stepId}-panel`}
        aria-labelledby={`${stepId}-tab-${active.browser}`}
        tabIndex={0}
        dangerouslySetInnerHTML={{ __html: active.html }}
      />
    </div>
  );
}
