/**
 * <article-feedback>: sends the article's Yes/No (and the reasons after a No) as JSON, so the reader stays on
 * the article. The vote is remembered in this browser (localStorage, no cookie) so the question is not asked
 * twice. Without this script the same forms post to /api/feedback and land on the thank-you page. Its words come
 * in the element's data attributes (ArticleFeedback.astro).
 */
const MARKER = 'signpost:voted:';

interface Answer {
  vote?: string;
  message?: string;
  fields?: Record<string, string>;
}

async function send(body: object): Promise<{ ok: boolean; answer: Answer }> {
  try {
    const response = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => ({}))) as Answer;
    // 409: this reader answered before (in another tab, or the browser forgot); that is as good as done.
    return { ok: response.ok || response.status === 409, answer };
  } catch {
    return { ok: false, answer: {} };
  }
}

function remember(article: string, set?: boolean): boolean {
  try {
    if (set) localStorage.setItem(MARKER + article, '1');
    return localStorage.getItem(MARKER + article) === '1';
  } catch {
    return false; // storage blocked: the server still refuses obvious repeats
  }
}

class ArticleFeedback extends HTMLElement {
  connectedCallback() {
    const { article, failed } = this.dataset as { article: string; failed: string };
    const [voteForm, reasonsForm] = this.querySelectorAll('form');
    const thanks = this.querySelector<HTMLElement>('.feedback-thanks')!;
    const status = this.querySelector<HTMLElement>('[role=status]')!;
    const showThanks = () => {
      voteForm.hidden = true;
      thanks.hidden = false;
    };
    if (remember(article)) showThanks();

    voteForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const helpful = (event.submitter as HTMLButtonElement | null)?.value !== 'no';
      const { ok, answer } = await send({ article, helpful });
      if (!ok) return void (status.textContent = answer.message ?? failed);
      remember(article, true);
      status.textContent = '';
      showThanks();
      if (!helpful && answer.vote) {
        (reasonsForm.elements.namedItem('vote') as HTMLInputElement).value = answer.vote;
        reasonsForm.hidden = false;
      }
      thanks.focus();
    });

    reasonsForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(reasonsForm);
      const { ok, answer } = await send({ vote: data.get('vote'), reasons: data.getAll('reasons'), comment: data.get('comment') });
      if (!ok) return void (status.textContent = Object.values(answer.fields ?? {})[0] ?? answer.message ?? failed);
      reasonsForm.hidden = true;
      thanks.textContent = this.dataset.thanksDetailed!;
      status.textContent = '';
      thanks.focus();
    });
  }
}

customElements.define('article-feedback', ArticleFeedback);
