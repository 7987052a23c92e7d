import type { APIRoute } from 'astro';
import { toCsv } from '../../../server/insights/csv.ts';
import { loadInsights } from '../../../server/insights/load-report.ts';
import { csvFileName, insightsTables, TABLE_NAMES, type TableName } from '../../../server/insights/tables.ts';
import { jsonResponse } from '../../../server/http/responses.ts';
import { requireStaff } from '../../../server/staff/access.ts';

export const prerender = false;

/** GET /staff/insights/<table>.csv?days=30&language=es: the rows of one table of the insights page, as CSV (same filters). */
export const GET: APIRoute = async (context) => {
  const staff = await requireStaff(context, 'staff');
  if (staff instanceof Response) return staff;
  const { params, url } = context;
  const name = params.table as TableName;
  if (!TABLE_NAMES.includes(name)) return jsonResponse(404, { error: 'not-found', message: `No table "${params.table}".` });
  const report = await loadInsights(url.searchParams.get('days'), undefined, url.searchParams.get('language'));
  return new Response(toCsv(insightsTables(report)[name]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(name, report.period)}"`,
    },
  });
};
