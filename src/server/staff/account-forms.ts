import { z } from 'astro/zod';
import type { SignedInStaff } from '../auth/lucia.ts';
import type { Db } from '../db/connection.ts';
import {
  addStaff,
  changeOwnPassword,
  newAccountSchema,
  resetPassword,
  setDisabled,
  setNotifications,
  type AccountResult,
} from './accounts.ts';
import { formAction, type Outcome, type StaffForm } from './form-post.ts';

/** What the accounts page says after an account was added (`?done=added&email=…`). */
export const NEW_ACCOUNT_DONE = {
  added: (query: URLSearchParams) => {
    const email = query.get('email');
    return email ? `Added an account for ${email}. Give them their password in person or by another channel than email.` : undefined;
  },
};

/** The accounts page's form: add an account. */
export function newAccountForm(db: Db, admin: SignedInStaff): StaffForm {
  return {
    actions: formAction(newAccountSchema, async (account) => {
      const result = await addStaff(db, account, admin.id);
      return result.ok
        ? { done: 'added', params: { email: result.account.email } }
        : { status: 422, errors: { [result.field ?? 'email']: result.message } };
    }),
  };
}

/** What an account's page says after each of its actions. */
export const ACCOUNT_DONE = {
  disabled: 'The account is disabled and signed out everywhere.',
  enabled: 'The account can sign in again.',
  password: 'The new password is set; the account was signed out everywhere.',
};

/** An account's page's forms: enable, disable, and set a new password (checked against the account's name and address). */
export function accountForm(db: Db, id: string, admin: SignedInStaff): StaffForm {
  const outcome = (result: AccountResult, done: keyof typeof ACCOUNT_DONE): Outcome => {
    if (result.ok) return { done };
    return result.field === 'password'
      ? { status: 422, errors: { password: result.message } }
      : { status: 422, errors: {}, formError: result.message };
  };
  return {
    actions: {
      enable: formAction(z.object({}), async () => outcome(await setDisabled(db, id, false, admin.id), 'enabled')),
      disable: formAction(z.object({}), async () => outcome(await setDisabled(db, id, true, admin.id), 'disabled')),
      password: formAction(z.object({ password: z.string() }), async ({ password }) =>
        outcome(await resetPassword(db, id, password, admin.id), 'password'),
      ),
    },
  };
}

/** What "Your account" says after each of its actions. */
export const OWN_ACCOUNT_DONE = {
  password: 'Your new password is set. Your other sessions were signed out.',
  notifications: 'Your email notifications are saved.',
};

/** "Your account": a new password (with the current one), and whether to be emailed about unassigned tickets. */
export function ownAccountForm(db: Db, staff: SignedInStaff): StaffForm {
  return {
    actions: {
      password: formAction(z.object({ currentPassword: z.string(), password: z.string() }), async ({ currentPassword, password }) => {
        const result = await changeOwnPassword(db, staff, currentPassword, password);
        return result.ok ? { done: 'password' } : { status: 422, errors: { [result.field]: result.message } };
      }),
      notifications: formAction(z.object({ notify: z.string() }), async ({ notify }) => {
        await setNotifications(db, staff.id, notify === 'yes');
        return { done: 'notifications' };
      }),
    },
  };
}
