import { database } from '../db/connection.ts';
import { staffSettings } from '../settings.ts';
import { createAuth, type Auth } from './lucia.ts';

let auth: Auth | undefined;

/** The server's lucia, made on first use so settings are read at run time (never while building). */
export function staffAuth(): Auth {
  auth ??= createAuth(database, staffSettings(process.env));
  return auth;
}
