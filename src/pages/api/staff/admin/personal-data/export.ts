import type { APIRoute } from 'astro';
import { database } from '../../../../../server/db/connection.ts';
import { jsonResponse, methodNotAllowed } from '../../../../../server/http/responses.ts';
import { requireStaff } from '../../../../../server/staff/access.ts';
import { isFormProblem, readFields } from '../../../../../server/staff/form-post.ts';
import { exportFields } from '../../../../../server/staff/personal-data-form.ts';
import { exportPersonalData } from '../../../../../server/staff/personal-data.ts';
import { personalDataJson } from '../../../../../server/staff/personal-data-export.ts';

export const prerender = false;

/**
 * POST email=…: everything held about that address, files included, as a JSON download streamed as it is read. POST
 * keeps the address out of URLs and logs.
 */
export const POST: APIRoute = async (context) => {
  const admin = await requireStaff(context, 'admin');
  if (admin instanceof Response) return admin;
  const post = await readFields(context.request, exportFields);
  if (isFormProblem(post)) return jsonResponse(post.status, { error: 'invalid', message: post.formError ?? Object.values(post.errors)[0] });
  const db = await database();
  const data = await exportPersonalData(db, post.fields.email, admin.id);
  return new Response(personalDataJson(db, data), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="personal-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
