import { mdxToMdast, type MdastNode } from 'satteri';
import {
  browserLabel,
  browserProps,
  calloutLabel,
  calloutProps,
  troubleshooterLinkLabel,
  troubleshooterLinkProps,
  validateProps,
} from '../component-props.ts';
import { defaultLanguage } from '../../i18n/languages.ts';
import { flowHref } from '../links.ts';
import { MARKDOWN_FEATURES } from './dialect.ts';

export interface ArticleMarkdownOptions {
  /** The language the article is written in: components' own words (labels) are in it, its links lead to its pages. */
  lang?: string;
  /** A troubleshooter's title by its id (a link with no text of its own is named after it); undefined if there is none. */
  flowTitle(id: string): string | undefined;
}

/**
 * An article's MDX body as plain Markdown, for what is not a browser (emails, machine-readable pages): every
 * component editors may use becomes its plain equivalent: steps a numbered list, a callout a blockquote led by its
 * label, browser tabs one subsection per browser, keys their text, a troubleshooter link a link. The rest stays
 * as the editor wrote it.
 */
export function articleMarkdown(body: string, options: ArticleMarkdownOptions): string {
  const root = mdxToMdast(body, { features: MARKDOWN_FEATURES });
  return new Converter(body, options)
    .range(root, 0, body.length)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Node = MdastNode & { position?: { start: { offset?: number }; end: { offset?: number } } };
type JsxElement = Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

/** MDX syntax with no Markdown of its own: components, `{…}` expressions (comments) and module lines. */
const MDX_SYNTAX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

class Converter {
  /** The depth of the last heading passed, so a browser's subsection goes one level under it. */
  private headingDepth = 1;
  private readonly source: string;
  private readonly options: ArticleMarkdownOptions;

  /** The article's language when it is not the default one (flowHref's `lang`). */
  private readonly otherLanguage: string | undefined;

  constructor(source: string, options: ArticleMarkdownOptions) {
    this.source = source;
    this.options = options;
    this.otherLanguage = options.lang && options.lang !== defaultLanguage.code ? options.lang : undefined;
  }

  /** The source from `from` to `to` with the MDX syntax inside `node` replaced. */
  range(node: Node, from: number, to: number): string {
    let out = '';
    let at = from;
    for (const target of this.mdxWithin(node)) {
      const start = offset(target, 'start');
      out += this.source.slice(at, start) + this.convert(target);
      at = offset(target, 'end');
    }
    return out + this.source.slice(at, to);
  }

  /** The outermost MDX nodes under `node`, in source order; passes headings on the way to track their depth. */
  private *mdxWithin(node: Node): Generator<Node> {
    for (const child of ('children' in node ? node.children : []) as Node[]) {
      if (MDX_SYNTAX.has(child.type)) yield child;
      else {
        if (child.type === 'heading') this.headingDepth = child.depth;
        yield* this.mdxWithin(child);
      }
    }
  }

  private convert(node: Node): string {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return ''; // comments and the like
    // Lines after the first carry the element's own indentation (inside a list item, say): convert without it,
    // then put it back.
    const start = offset(node, 'start');
    const before = this.source.slice(this.source.lastIndexOf('\n', start - 1) + 1, start);
    const indent = /^[ \t]*$/.test(before) ? before : '';
    return this.element(node, indent).replace(/\n(?=.)/g, `\n${indent}`);
  }

  private element(node: JsxElement, indent: string): string {
    const inner = () => dedent(this.inner(node), indent);
    switch (node.name) {
      case 'Steps': // a numbered list already
      case 'BrowserTabs': // its <Browser> panels
      case 'Kbd':
        return inner();
      case 'Callout': {
        const label = calloutLabel(validateProps('Callout', calloutProps, attributes(node)), this.options.lang);
        return [`**${label}**`, '', ...inner().split('\n')].map((line) => (line ? `> ${line}` : '>')).join('\n');
      }
      case 'Browser': {
        const { name } = validateProps('Browser', browserProps, attributes(node));
        return `${'#'.repeat(Math.min(6, this.headingDepth + 1))} ${browserLabel(name, this.options.lang)}\n\n${inner()}`;
      }
      case 'TroubleshooterLink': {
        const { flow, step } = validateProps('TroubleshooterLink', troubleshooterLinkProps, attributes(node));
        const title = this.options.flowTitle(flow);
        if (title === undefined) throw new Error(`<TroubleshooterLink>: there is no troubleshooter "${flow}" in content/flows/`);
        return `[${inner() || troubleshooterLinkLabel(title, this.options.lang)}](${flowHref({ id: flow, lang: this.otherLanguage }, step)})`;
      }
      default:
        throw new Error(`<${node.name ?? 'fragment'}> is not a component articles may use (see docs/editing.md)`);
    }
  }

  /** The element's content as Markdown, without its tags. */
  private inner(node: JsxElement): string {
    const children = node.children as Node[];
    if (children.length === 0) return '';
    return this.range(node, offset(children[0], 'start'), offset(children.at(-1)!, 'end')).trim();
  }
}

function offset(node: Node, edge: 'start' | 'end'): number {
  const at = node.position?.[edge].offset;
  if (at === undefined) throw new Error(`the MDX parser gave no position for a ${node.type}`);
  return at;
}

/** Props as written: attributes with a quoted value (an expression such as `{…}` cannot be read without running it). */
function attributes(node: JsxElement): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string')) {
      throw new Error(`<${node.name}>: write each attribute as name="value"`);
    }
    props[attribute.name] = attribute.value ?? true;
  }
  return props;
}

function dedent(text: string, indent: string): string {
  return indent ? text.replaceAll(`\n${indent}`, '\n') : text;
}
