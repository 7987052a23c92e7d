import type { APIRoute } from 'astro';
import { database } from '../../../../../server/db/connection.ts';
import { jsonResponse, methodNotAllowed } from '../../../../../server/http/responses.ts';
import { requireStaff } from '../../../../../server/staff/access.ts';
import { isFormProblem, readFields } from '../../../../../server/staff/form-post.ts';
import { exportFields } from '../../../../../server/staff/personal-data-form.ts';
import { exportPersonalData } from '../../../../../server/staff/personal-data.ts';

export const prerender = false;

/** POST email=…: everything held about that address, as a JSON download. POST keeps the address out of URLs and logs. */
export const POST: APIRoute = async (context) => {
  const admin = await requireStaff(context, 'admin');
  if (admin instanceof Response) return admin;
  const post = await readFields(context.request, exportFields);
  if (isFormProblem(post)) return jsonResponse(post.status, { error: 'invalid', message: post.formError ?? Object.values(post.errors)[0] });
  const data = await exportPersonalData(await database(), post.fields.email, admin.id);
  return jsonResponse(200, data, {
    'Content-Disposition': `attachment; filename="personal-data-${new Date().toISOString().slice(0, 10)}.json"`,
  });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
