import Callout from '../components/mdx/Callout.astro';
import Steps from '../components/mdx/Steps.astro';
import Kbd from '../components/mdx/Kbd.astro';
import BrowserTabs from '../components/mdx/BrowserTabs.astro';
import Browser from '../components/mdx/Browser.astro';
import TroubleshooterLink from '../components/mdx/TroubleshooterLink.astro';

/** The components editors may use in MDX without importing them (see docs/editing.md). */
export const mdxComponents = { Callout, Steps, Kbd, BrowserTabs, Browser, TroubleshooterLink };
