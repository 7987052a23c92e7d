declare namespace App {
  interface Locals {
    /** Set by POST /api/escalations when a plain-form post fails; /contact/ renders the form again from it. */
    contactForm?: import('./server/tickets/support-request-endpoint.ts').FormRerender;
    /** Who is signed in, on staff paths only (src/middleware.ts); null when nobody is. */
    staff?: import('./server/auth/lucia.ts').SignedInStaff | null;
    /** Set by POST /api/feedback when a plain-form post fails; /feedback/thanks/ shows the problem. */
    feedbackForm?: import('./server/feedback/feedback-endpoint.ts').FeedbackFormProblem;
  }
}
