import { useEffect, useState } from 'preact/hooks';
import { preferredBrowser, rememberBrowser, type BrowserId } from '../../lib/browsers.ts';
import type { PreparedStep } from '../../troubleshooter/prepare.ts';
import { hydration } from './hydrated.ts';

/**
 * Per-browser instructions as tabs, the reader's own browser first selected (ARIA tabs pattern); `label` names the
 * tab list. The server, which cannot know the browser, shows every browser's instructions one after another.
 */
export function BrowserVariants({ label, stepId, variants }: { label: string; stepId: string; variants: PreparedStep['variants'] }) {
  const pick = () => {
    const preferred = preferredBrowser();
    return variants.some((v) => v.browser === preferred) ? preferred : variants[0].browser;
  };
  const [chosen, setChosen] = useState<BrowserId | undefined>(() => (hydration.done ? pick() : undefined));
  useEffect(() => {
    if (!chosen) setChosen(pick());
  }, []);

  if (!chosen) {
    return (
      <div class="browser-variants">
        {variants.map((v) => (
          <div class="flow-variant" key={v.browser}>
            <h3>{v.label}</h3>
            <div dangerouslySetInnerHTML={{ __html: v.html }} />
          </div>
        ))}
      </div>
    );
  }
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
