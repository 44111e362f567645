/** Who is acting, in our own terms: a person in a tenant. Every record is keyed by both. */
export interface Learner {
  tenantId: string;
  /** The person's Entra object id where known (it matches the tab's SSO token), else their Teams id. */
  userId: string;
}

export type Clock = () => Date;
export type IdFactory = () => string;
