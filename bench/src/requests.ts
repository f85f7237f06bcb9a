import { randomBytes } from "node:crypto";
import type autocannon from "autocannon";
import { TEST_DOMAIN } from "./configurations.js";

/** Distinct subjects and test-recipient addresses for this run: `<tag>-<n>`. */
export interface Names {
  subject(n: number): string;
  email(n: number): string;
  next(): number;
}

/** A fresh run tag, so names never repeat across runs sharing a database. */
export function createNames(): Names {
  const tag = randomBytes(4).toString("hex");
  let counter = 0;
  return {
    subject: (n) => `bench-${tag}-${n}`,
    email: (n) => `u-${tag}-${n}@${TEST_DOMAIN}`,
    next: () => counter++,
  };
}

/** autocannon's per-connection context: what one request of a sequence leaves for the next. */
export type RequestContext = Record<string, unknown>;

/** A POST built afresh for each request. */
export interface JsonPost {
  /** A fixed path, or one per request. */
  path: string | ((context: RequestContext) => string);
  /** The JSON body of each request. */
  body: (context: RequestContext) => unknown;
  /** Sees every answer: checks the outcome, keeps what the next request needs. */
  onResponse: (status: number, text: string, context: RequestContext) => void;
  headers?: Record<string, string>;
}

/**
 * An autocannon request: a JSON POST whose path and body are built for each request.
 *
 * @example
 * jsonPost({ path: "/check", body: () => ({ code: "000000" }), onResponse: (status) => {} });
 */
export function jsonPost(post: JsonPost): autocannon.Request {
  const { path } = post;
  return {
    method: "POST",
    ...(typeof path === "string" ? { path } : {}),
    headers: { "content-type": "application/json", ...post.headers },
    setupRequest: (request, context) => ({
      ...request,
      ...(typeof path === "function" ? { path: path(context as RequestContext) } : {}),
      body: JSON.stringify(post.body(context as RequestContext)),
    }),
    onResponse: (status, text, context) => post.onResponse(status, text, context as RequestContext),
  };
}

/** True for a 2xx status (autocannon counts the others itself). */
export const is2xx = (status: number): boolean => status >= 200 && status < 300;
