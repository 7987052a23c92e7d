import type { APIRoute } from 'astro';
import { database } from '../../../../../server/db/connection.ts';
import { jsonResponse, methodNotAllowed } from '../../../../../server/http/responses.ts';
import { apiStaff } from '../../../../../server/staff/page-access.ts';
import { isFormProblem, readForm } from '../../../../../server/staff/form-body.ts';
import { exportPersonalData } from '../../../../../server/staff/personal-data.ts';

export const prerender = false;

/** POST email=…: everything held about that address, as a JSON download. POST keeps the address out of URLs and logs. */
export const POST: APIRoute = async ({ request, locals }) => {
  const admin = apiStaff(locals, 'admin');
  if (admin instanceof Response) return admin;
  const form = await readForm(request);
  if (isFormProblem(form)) return jsonResponse(form.status, { error: 'invalid', message: form.formError });
  const email = form.get('email')?.trim() ?? '';
  if (!email.includes('@'))
    return jsonResponse(422, { error: 'invalid', message: 'Send the requester’s email address as the form field "email".' });
  const data = await exportPersonalData(await database(), email, admin.id);
  return jsonResponse(200, data, {
    'Content-Disposition': `attachment; filename="personal-data-${new Date().toISOString().slice(0, 10)}.json"`,
  });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
