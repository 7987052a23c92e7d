/**
 * The words each island gets as props, built from the catalogue on the server: only those it shows, so no catalogue
 * ships to the browser (src/i18n/key-check.ts refuses an island importing it). Messages the island fills in itself
 * (a count, a step number) go as patterns, with the locale to format them in.
 */
import type { ContactFormText } from '../islands/ContactForm.tsx';
import type { TroubleshooterText } from '../islands/Troubleshooter.tsx';
import { ACCOUNT_EMAILS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN } from '../lib/contact-form.ts';
import { TROUBLESHOOTERS_PATH } from '../lib/links.ts';
import { site } from '../site.config.ts';
import { defaultLanguage, localizedPath } from './languages.ts';
import { messagesFor } from './messages.ts';

export function contactFormText(lang: string = defaultLanguage.code): ContactFormText {
  const { locale, messagePattern, t } = messagesFor(lang);
  return {
    locale,
    language: lang,
    languagePrefix: localizedPath('/', lang).slice(0, -1),
    errorPrefix: t('form.error.prefix'),
    problem: t('form.error-summary.title'),
    errorTitle: messagePattern('page.title.error'),
    failed: t('contact.failed'),
    alreadySent: messagePattern('contact.already-sent'),
    another: t('contact.send-another'),
    name: t('contact.name.label'),
    nameHint: t('contact.name.hint'),
    email: t('contact.email.label'),
    emailHint: t('contact.email.hint'),
    accounts: t('contact.account-emails.legend'),
    accountsHint: t('contact.account-emails.hint', { max: ACCOUNT_EMAILS_MAX }),
    address: messagePattern('contact.account-email.label'),
    addAddress: t('contact.account-emails.add'),
    topic: t('contact.topic.legend'),
    description: t('contact.description.label'),
    descriptionHint: t('contact.description.hint', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
    attach: messagePattern('contact.transcript.attach'),
    consent: t('contact.consent.label'),
    agent: t('contact.user-agent'),
    trap: t('contact.trap'),
    unreachable: t('contact.unreachable'),
    tryAgain: t('contact.try-again'),
    sending: t('contact.sending'),
    send: t('contact.send'),
    suggestions: {
      heading: t('contact.suggestions.heading'),
      troubleshooter: t('search.result.troubleshooter-label'),
      flowPathPrefix: localizedPath(TROUBLESHOOTERS_PATH, lang),
      productName: site.productName,
    },
  };
}

export function troubleshooterText(lang: string = defaultLanguage.code): TroubleshooterText {
  const { locale, messagePattern, t } = messagesFor(lang);
  return {
    progress: messagePattern('flow.progress'),
    progressLast: messagePattern('flow.progress.last'),
    finished: messagePattern('troubleshooter.progress.finished'),
    announce: messagePattern('troubleshooter.step-announcement'),
    back: t('troubleshooter.back'),
    restart: t('troubleshooter.restart'),
    fixed: t('troubleshooter.fixed'),
    browsers: t('browser-tabs.label'),
    articles: t('flow.articles.heading'),
    resume: messagePattern('flow.resume.text'),
    resumeContinue: t('flow.resume.continue'),
    resumeRestart: t('flow.resume.restart'),
    waiting: t('flow.waiting'),
    answers: t('flow.answers.heading'),
    answersCount: messagePattern('flow.answers.count'),
    summary: { locale, intro: messagePattern('flow.description.intro'), line: messagePattern('flow.description.line') },
    form: contactFormText(lang),
  };
}
