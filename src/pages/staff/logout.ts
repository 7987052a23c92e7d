import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../server/http/responses.ts';
import { handleFormPost } from '../../server/staff/form-post.ts';
import { signOutForm } from '../../server/staff/sign-out-form.ts';

export const prerender = false;

/** Signs out, then back to the sign-in page; a post that is not the sign-out form is answered in plain text. */
export const POST: APIRoute = async (context) => {
  const post = await handleFormPost(context, signOutForm(context));
  if (post instanceof Response) return post;
  return new Response(post?.problem?.formError, {
    status: post?.problem?.status ?? 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
