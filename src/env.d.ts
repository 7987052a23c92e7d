declare namespace App {
  interface Locals {
    /** Set by POST /api/escalations when a plain-form post fails; /contact/ renders the form again from it. */
    contactForm?: import('./server/escalations/escalation-endpoint.ts').FormRerender;
  }
}
