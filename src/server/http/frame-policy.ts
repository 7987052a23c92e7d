/** Our part of every policy: no framing (clickjacking). A `<meta>` policy cannot carry it, so it goes in a header. */
export const FRAME_POLICY = "frame-ancestors 'none'";

/** A page's Content-Security-Policy with ours added: one header, both enforced, as two headers would be. */
export function withFramePolicy(policy: string): string {
  if (/(?:^|;)\s*frame-ancestors\b/i.test(policy)) return policy;
  const directives = policy.trim().replace(/;\s*$/, '');
  return directives ? `${directives}; ${FRAME_POLICY}` : FRAME_POLICY;
}
