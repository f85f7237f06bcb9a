import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** An error the fake answers with, in Meta's Graph API envelope. */
export interface FakeGraphError {
  /** `error.code` (131056, 190, ...). */
  code: number;
  /** `error.error_subcode`. */
  subcode?: number;
  /** The HTTP status. @default 400 */
  httpStatus?: number;
  /** `error.type`. @default "OAuthException" */
  type?: string;
  /** `error.message`. @default `(#<code>) fake error` */
  message?: string;
  /** `error.is_transient`, when set. */
  isTransient?: boolean;
  /** `error.error_data.details`, when set (Meta puts free text here). */
  details?: string;
}

/** A template the fake knows as approved. */
export interface FakeTemplate {
  category: "AUTHENTICATION" | "UTILITY";
  languages: readonly string[];
}

/** One message the fake accepted. */
export interface AcceptedMessage {
  messageId: string;
  /** The raw JSON body as received. */
  raw: string;
  to: string;
  template: string;
  language: string;
  /** The code of an authentication template (body parameter = button parameter). */
  code: string | undefined;
  /** `biz_opaque_callback_data`. */
  callbackData: string;
}

/** One request as received, whatever happened to it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  raw: string;
}

export interface FakeGraphApiOptions {
  version?: string;
  phoneNumberId?: string;
  accessToken?: string;
  templates?: Record<string, FakeTemplate>;
}

/** A WhatsApp Cloud API stand-in on 127.0.0.1 that checks requests the way Meta documents them. */
export interface FakeGraphApi {
  /** `http://127.0.0.1:<port>`: pass as `baseUrl`. */
  url: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  /** Every request received, oldest first. */
  requests: ReceivedRequest[];
  /** Every message accepted, oldest first. */
  accepted: AcceptedMessage[];
  /** Answer the next send with this error (queued). */
  failNext(error: FakeGraphError): void;
  /** Answer the next send with this raw response (queued with failNext). */
  respondNext(status: number, body: string, contentType?: string): void;
  /** Never answer the next send. */
  hangNext(): void;
  /** Destroy the socket of the next send (a network error for the client). */
  dropNext(): void;
  close(): Promise<void>;
}

/** The templates the fake treats as approved (name → category, languages, parameters). */
export const DEFAULT_FAKE_TEMPLATES: Record<string, FakeTemplate> = {
  tmpl_otp_code: { category: "AUTHENTICATION", languages: ["en_US", "es_MX", "es"] },
  tmpl_otp_retry: { category: "AUTHENTICATION", languages: ["en_US", "es_MX", "es"] },
  tmpl_otp_locked: { category: "UTILITY", languages: ["en_US", "es_MX", "es"] },
  tmpl_otp_unlocked: { category: "UTILITY", languages: ["en_US", "es_MX", "es"] },
};

type Plan =
  | { kind: "error"; error: FakeGraphError }
  | { kind: "raw"; status: number; body: string; contentType: string }
  | { kind: "hang" }
  | { kind: "drop" };

class Refusal {
  constructor(readonly error: FakeGraphError) {}
}

function refuse(code: number, message: string, extra: Partial<FakeGraphError> = {}): never {
  throw new Refusal({ code, message, ...extra });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The single text parameter of a component, or a 132000 refusal (parameter count mismatch). */
function oneText(component: Record<string, unknown>, what: string): string {
  const params = component["parameters"];
  if (!Array.isArray(params) || params.length !== 1) {
    refuse(
      132000,
      `(#132000) Number of parameters does not match the expected number of params (${what})`,
    );
  }
  const p = params[0] as unknown;
  if (!isObject(p) || p["type"] !== "text" || typeof p["text"] !== "string" || p["text"] === "") {
    refuse(131008, `(#131008) Required parameter is missing (${what} text parameter)`);
  }
  return p["text"] as string;
}

/**
 * Checks a send body the way the Cloud API does (delivery.md §1): returns the accepted message
 * facts, or throws a Refusal with Meta's error code for the mistake.
 */
function check(body: unknown, templates: Record<string, FakeTemplate>) {
  if (!isObject(body)) refuse(100, "(#100) Invalid parameter");
  if (body["messaging_product"] !== "whatsapp") {
    refuse(100, "(#100) The parameter messaging_product is required.");
  }
  if (body["recipient_type"] !== undefined && body["recipient_type"] !== "individual") {
    refuse(100, "(#100) Invalid parameter recipient_type");
  }
  const to = body["to"];
  // Meta accepts other spellings; this fake insists on what Meta recommends: E.164 with "+".
  if (typeof to !== "string" || !/^\+[1-9]\d{7,14}$/.test(to)) {
    refuse(131009, "(#131009) Parameter value is not valid (to)");
  }
  if (body["type"] !== "template") refuse(100, "(#100) Invalid parameter type");
  const callback = body["biz_opaque_callback_data"];
  if (typeof callback !== "string" || callback.length === 0 || callback.length > 512) {
    refuse(100, "(#100) biz_opaque_callback_data missing or longer than 512 characters");
  }
  const template = body["template"];
  if (!isObject(template)) refuse(131008, "(#131008) Required parameter is missing (template)");
  const name = template["name"];
  const language = isObject(template["language"]) ? template["language"]["code"] : undefined;
  if (typeof name !== "string" || typeof language !== "string") {
    refuse(131008, "(#131008) Required parameter is missing (template name or language code)");
  }
  const known = templates[name];
  if (!known?.languages.includes(language)) {
    refuse(132001, `(#132001) Template name does not exist in the translation`, {
      httpStatus: 404,
    });
  }
  const components = template["components"] ?? [];
  if (!Array.isArray(components)) refuse(100, "(#100) Invalid parameter components");
  let code: string | undefined;
  if (known.category === "AUTHENTICATION") {
    // Meta: the code twice, in the body parameter and in button 0 (sub_type "url").
    const bodyPart = components.find((c) => isObject(c) && c["type"] === "body");
    const buttons = components.filter((c) => isObject(c) && c["type"] === "button");
    if (!isObject(bodyPart) || buttons.length !== 1 || components.length !== 2) {
      refuse(132000, "(#132000) Number of parameters does not match the expected number of params");
    }
    const button = buttons[0] as Record<string, unknown>;
    if (button["sub_type"] !== "url") {
      refuse(131009, `(#131009) Parameter value is not valid (button sub_type must be url)`);
    }
    if (button["index"] !== "0" && button["index"] !== 0) {
      refuse(131009, "(#131009) Parameter value is not valid (button index)");
    }
    const bodyCode = oneText(bodyPart, "body");
    const buttonCode = oneText(button, "button");
    if (bodyCode.length > 15 || buttonCode.length > 15) {
      refuse(131009, "(#131009) Parameter value is not valid (code longer than 15 characters)");
    }
    if (bodyCode !== buttonCode) {
      refuse(132012, "(#132012) Parameter format does not match format in the created template");
    }
    code = bodyCode;
  } else if (components.length > 0) {
    refuse(132000, "(#132000) Number of parameters does not match the expected number of params");
  }
  return { to, template: name, language, code, callbackData: callback };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

function envelope(error: FakeGraphError): unknown {
  return {
    error: {
      message: error.message ?? `(#${error.code}) fake error`,
      type: error.type ?? "OAuthException",
      code: error.code,
      ...(error.details === undefined
        ? {}
        : { error_data: { messaging_product: "whatsapp", details: error.details } }),
      ...(error.subcode === undefined ? {} : { error_subcode: error.subcode }),
      ...(error.isTransient === undefined ? {} : { is_transient: error.isTransient }),
      fbtrace_id: `A${randomBytes(9).toString("base64url")}`,
    },
  };
}

/**
 * Starts a fake WhatsApp Cloud API on loopback (a random port): it checks the token, the path,
 * the template and its parameters as Meta does, answers with Meta's envelopes, and records every
 * request. Queue failures with the returned handle's methods; `close()` stops it. Shared by the
 * WhatsApp channel's tests and the server's.
 *
 * @param options Version, phone number id, token and approved templates. @default v25.0, a random token
 * @returns The running fake: its `baseUrl`, credentials, recorded requests, `close()`.
 * @throws {Error} When no loopback port can be bound.
 * @example
 * ```ts
 * const graph = await startFakeGraphApi();
 * const whatsapp = createWhatsAppChannel({
 *   phoneNumberId: graph.phoneNumberId,
 *   accessToken: graph.accessToken,
 *   baseUrl: graph.baseUrl,
 * });
 * afterAll(() => graph.close());
 * ```
 */
export async function startFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const version = options.version ?? "v25.0";
  const phoneNumberId = options.phoneNumberId ?? "106540352242922";
  const accessToken = options.accessToken ?? `EAAG${randomBytes(24).toString("hex")}`;
  const templates = options.templates ?? DEFAULT_FAKE_TEMPLATES;
  const plans: Plan[] = [];
  const requests: ReceivedRequest[] = [];
  const accepted: AcceptedMessage[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    requests.push({
      method: req.method ?? "",
      path,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      raw,
    });
    try {
      if (req.method !== "POST" || path !== `/${version}/${phoneNumberId}/messages`) {
        refuse(100, "(#100) Unsupported post request. Object does not exist", {
          subcode: 33,
          type: "GraphMethodException",
        });
      }
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        refuse(190, "Invalid OAuth access token - Cannot parse access token", {
          httpStatus: 401,
        });
      }
      if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) {
        refuse(100, "(#100) Content-Type must be application/json");
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        refuse(100, "(#100) Invalid JSON body");
      }
      const facts = check(body, templates);
      const plan = plans.shift();
      if (plan?.kind === "hang") return; // the socket stays open until the client gives up
      if (plan?.kind === "drop") {
        req.socket.destroy();
        return;
      }
      if (plan?.kind === "raw") {
        res.writeHead(plan.status, { "Content-Type": plan.contentType });
        res.end(plan.body);
        return;
      }
      if (plan?.kind === "error") refuse(plan.error.code, plan.error.message ?? "", plan.error);
      const messageId = `wamid.${randomBytes(18).toString("base64url")}`;
      accepted.push({ messageId, raw, ...facts });
      send(res, 200, {
        messaging_product: "whatsapp",
        contacts: [{ input: facts.to, wa_id: facts.to.slice(1) }],
        messages: [{ id: messageId }],
      });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const e = { ...error.error, message: error.error.message || undefined };
      send(res, e.httpStatus ?? 400, envelope(e));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    version,
    phoneNumberId,
    accessToken,
    requests,
    accepted,
    failNext: (error) => plans.push({ kind: "error", error }),
    respondNext: (status, body, contentType = "text/html") =>
      plans.push({ kind: "raw", status, body, contentType }),
    hangNext: () => plans.push({ kind: "hang" }),
    dropNext: () => plans.push({ kind: "drop" }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
