import fc from "fast-check";
import { expect } from "vitest";
import { AdvanceCmd, jumpArbitrary } from "./model-jumps.js";
import type { Cmd, ModelSide, RealSide } from "./model-step.js";
import { step } from "./model-step.js";

// @internal The operations of the model-based suite, each as a fast-check command, and the
// inputs a person would send: the right code (as typed or pasted), wrong ones, malformed ones,
// stale code ids, older codes and the one just replaced. Not re-exported from index.ts.

const current = (m: ModelSide) => m.ref.state.code ?? m.issued.at(-1);
const older = (m: ModelSide, pick: number) => {
  const id = m.ref.state.code?.id ?? m.issued.at(-1)?.id;
  const olds = m.issued.filter((c) => c.id !== id);
  return olds[pick % olds.length]!;
};

/** A well-formed code from random symbol picks, never equal to the active code. */
function wellFormed(m: ModelSide, picks: number[]): string {
  const { symbols, length } = m.ref.policy;
  const chars = Array.from({ length }, (_, i) => symbols[(picks[i] ?? i) % symbols.length]!);
  const guess = chars.join("");
  if (guess !== m.ref.state.code?.value) return guess;
  chars[length - 1] = symbols[(symbols.indexOf(chars[length - 1]!) + 1) % symbols.length]!;
  return chars.join("");
}

/** The right code as people type or paste it: spaced, dashed, padded, lower case. */
function formatted(value: string, style: number): string {
  const half = Math.floor(value.length / 2);
  return [
    value,
    `  ${value} `,
    `${value.slice(0, half)} ${value.slice(half)}`,
    `${value.slice(0, half)}-${value.slice(half)}`,
    value.toLowerCase(),
  ][style % 5]!;
}

/** Input that can never be right: empty, blank, too short, too long, a foreign symbol. */
function malformed(m: ModelSide, variant: number, picks: number[]): string {
  const { symbols, alphabet } = m.ref.policy;
  const base = m.ref.state.code?.value ?? wellFormed(m, picks);
  const foreign = alphabet === "numeric" ? "A" : alphabet === "alpha" ? "2" : "0";
  return [
    "",
    "   ",
    base.slice(0, -1),
    `${base}${symbols[0]}`,
    `#${base.slice(1)}`,
    `${foreign}${base.slice(1)}`,
  ][variant % 6]!;
}

class IssueCmd implements Cmd {
  check = () => true;
  async run(m: ModelSide, r: RealSide) {
    const actual = (await step(
      "issue",
      m,
      r,
      () => r.otp.issue({ subject: r.subject, deliver: false }),
      (a) => {
        const got = a as { status: string; codeId?: string; code?: string };
        const fresh =
          got.status === "issued" ? { id: got.codeId!, value: got.code! } : { id: "?", value: "?" };
        return m.ref.issue(m.now, fresh);
      },
    )) as { status: string; codeId?: string; code?: string };
    if (actual.status !== "issued") return;
    const { symbols, length } = m.ref.policy;
    expect(actual.code, "issued code shape").toMatch(new RegExp(`^[${symbols}]{${length}}$`));
    expect(
      m.issued.map((c) => c.id),
      "issued code ids are fresh",
    ).not.toContain(actual.codeId);
    m.issued.push({ id: actual.codeId!, value: actual.code! });
  }
  toString = () => "issue";
}

type VerifyKind =
  | { kind: "right"; style: number; withId: boolean }
  | { kind: "wrong"; picks: number[]; withId: boolean }
  | { kind: "malformed"; variant: number; picks: number[] }
  | { kind: "staleId"; pick: number; rightValue: boolean }
  | { kind: "oldValue"; pick: number }
  /** The code issued before the newest: the one a person holding the older message types. */
  | { kind: "replacedValue"; withId: boolean };

class VerifyCmd implements Cmd {
  constructor(readonly v: VerifyKind) {}
  check(m: Readonly<ModelSide>) {
    if (this.v.kind === "right") return current(m) !== undefined;
    if (this.v.kind === "staleId" || this.v.kind === "oldValue" || this.v.kind === "replacedValue")
      return m.issued.length >= 2;
    return true;
  }
  private request(m: ModelSide): { code: string; codeId?: string } {
    const v = this.v;
    const id = current(m)?.id;
    switch (v.kind) {
      case "right":
        return { code: formatted(current(m)!.value, v.style), codeId: v.withId ? id : undefined };
      case "wrong":
        return { code: wellFormed(m, v.picks), codeId: v.withId ? id : undefined };
      case "malformed":
        return { code: malformed(m, v.variant, v.picks) };
      case "staleId": {
        const old = older(m, v.pick);
        return { code: v.rightValue ? current(m)!.value : old.value, codeId: old.id };
      }
      case "oldValue":
        return { code: older(m, v.pick).value };
      case "replacedValue":
        return { code: m.issued.at(-2)!.value, codeId: v.withId ? id : undefined };
    }
  }
  async run(m: ModelSide, r: RealSide) {
    const req = this.request(m);
    await step(
      `verify ${this.v.kind} ${JSON.stringify(req)}`,
      m,
      r,
      () => r.otp.verify({ subject: r.subject, ...req }),
      () => m.ref.verify(m.now, req.code, req.codeId),
    );
  }
  toString = () => `verify(${JSON.stringify(this.v)})`;
}

/** A guesser: wrong codes until the answer is no longer `invalid` (the code ends, or a lock). */
class GuessCmd implements Cmd {
  constructor(readonly picks: number[]) {}
  check = () => true;
  async run(m: ModelSide, r: RealSide) {
    for (let n = 0; n < 25; n++) {
      const code = wellFormed(
        m,
        this.picks.map((x) => x + n),
      );
      const actual = (await step(
        `guess #${n + 1} ${code}`,
        m,
        r,
        () => r.otp.verify({ subject: r.subject, code }),
        () => m.ref.verify(m.now, code),
      )) as { status: string };
      if (actual.status !== "invalid") return;
    }
  }
  toString = () => `guessUntilEnd(${JSON.stringify(this.picks)})`;
}

class RevokeCmd implements Cmd {
  constructor(
    readonly which: "none" | "current" | "stale",
    readonly reason?: string,
  ) {}
  check = (m: Readonly<ModelSide>) => this.which !== "stale" || m.issued.length >= 2;
  async run(m: ModelSide, r: RealSide) {
    const codeId =
      this.which === "current"
        ? current(m)?.id
        : this.which === "stale"
          ? older(m, 0).id
          : undefined;
    const req = { subject: r.subject, codeId, reason: this.reason };
    await step(
      `revoke(${this.which})`,
      m,
      r,
      () => r.otp.revoke(req),
      () => m.ref.revoke(m.now, codeId, this.reason ?? "revoked"),
    );
  }
  toString = () => `revoke(${this.which}${this.reason ? `, ${this.reason}` : ""})`;
}

class UnlockCmd implements Cmd {
  check = () => true;
  async run(m: ModelSide, r: RealSide) {
    await step(
      "unlock",
      m,
      r,
      () => r.otp.unlock({ subject: r.subject }),
      () => m.ref.unlock(m.now),
    );
  }
  toString = () => "unlock";
}

class LookupCmd implements Cmd {
  check = () => true;
  async run(m: ModelSide, r: RealSide) {
    await step(
      "lookup",
      m,
      r,
      () => r.otp.lookup({ subject: r.subject }),
      () => ({ result: m.ref.lookup(m.now), events: [] }),
    );
  }
  toString = () => "lookup";
}

/** An attacker's round: wait out a timed lock (to the millisecond), get a code, guess until it ends. */
class AttackCmd implements Cmd {
  constructor(readonly picks: number[]) {}
  check = () => true;
  async run(m: ModelSide, r: RealSide) {
    const wait = new AdvanceCmd({ until: "lockEnd", delta: 0 });
    const until = m.ref.state.lock?.until;
    if (typeof until === "number" && until > m.now && wait.check(m)) await wait.run(m, r);
    await new IssueCmd().run(m, r);
    await new GuessCmd(this.picks).run(m, r);
  }
  toString = () => `attackRound(${JSON.stringify(this.picks)})`;
}

const picks = fc.array(fc.nat(), { minLength: 10, maxLength: 10 });

/** @internal Every command, weighted so that locks, expiry and throttling are all reached. */
export function commandArbitraries(): Array<fc.Arbitrary<Cmd>> {
  const verify = (v: fc.Arbitrary<VerifyKind>) => v.map((x) => new VerifyCmd(x));
  const kind = <K extends string>(k: K) => fc.constant(k);
  return [
    fc.constant(new IssueCmd()),
    fc.constant(new IssueCmd()),
    fc.constant(new IssueCmd()),
    verify(fc.record({ kind: kind("right"), style: fc.nat(4), withId: fc.boolean() })),
    verify(fc.record({ kind: kind("wrong"), picks, withId: fc.boolean() })),
    verify(fc.record({ kind: kind("wrong"), picks, withId: fc.boolean() })),
    picks.map((p) => new GuessCmd(p)),
    picks.map((p) => new AttackCmd(p)),
    picks.map((p) => new AttackCmd(p)),
    verify(fc.record({ kind: kind("malformed"), variant: fc.nat(5), picks })),
    verify(fc.record({ kind: kind("staleId"), pick: fc.nat(), rightValue: fc.boolean() })),
    verify(fc.record({ kind: kind("oldValue"), pick: fc.nat() })),
    verify(fc.record({ kind: kind("replacedValue"), withId: fc.boolean() })),
    fc
      .tuple(
        fc.constantFrom("none", "current", "stale" as const),
        fc.option(fc.constant("support")),
      )
      .map(([which, reason]) => new RevokeCmd(which, reason ?? undefined)),
    fc.constant(new UnlockCmd()),
    fc.constant(new UnlockCmd()),
    fc.constant(new LookupCmd()),
    jumpArbitrary.map((j) => new AdvanceCmd(j)),
    jumpArbitrary.map((j) => new AdvanceCmd(j)),
    jumpArbitrary.map((j) => new AdvanceCmd(j)),
  ];
}
