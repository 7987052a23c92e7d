declare namespace App {
  interface Locals {
    /** Set by POST /api/escalations when a plain-form post fails; /contact/ renders the form again from it. */
    contactForm?: import('./server/escalations/escalation-endpoint.ts').FormRerender;
    /** Set by POST /api/feedback when a plain-form post fails; /feedback/thanks/ shows the problem. */
    feedbackForm?: import('./server/feedback/feedback-endpoint.ts').FeedbackFormProblem;
    /** The signed-in staff member on /staff/* and /api/staff/* (set by the staff console's middleware). */
    staff?: { id: string; email: string; name: string; role: 'agent' | 'admin' };
  }
}
