// base64url (RFC 4648 §5) without padding, without Buffer (otp-core runs on WebCrypto alone).
// Table-driven: every store key, MAC and id goes through here, and `btoa` with three `replace`
// passes cost four times as much as the encoding itself.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ENCODE = Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Character code → 6-bit value, or -1 for a character outside the alphabet. */
const DECODE = new Int16Array(128).fill(-1);
ENCODE.forEach((code, value) => {
  DECODE[code] = value;
});

/** @internal base64url of `bytes`, without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  const n = bytes.length;
  const out: number[] = [];
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(ENCODE[v >> 18]!, ENCODE[(v >> 12) & 63]!, ENCODE[(v >> 6) & 63]!, ENCODE[v & 63]!);
  }
  if (i + 1 === n) {
    const v = bytes[i]! << 16;
    out.push(ENCODE[v >> 18]!, ENCODE[(v >> 12) & 63]!);
  } else if (i + 2 === n) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(ENCODE[v >> 18]!, ENCODE[(v >> 12) & 63]!, ENCODE[(v >> 6) & 63]!);
  }
  return String.fromCharCode(...out);
}

/**
 * @internal Inverse of {@link toBase64Url}. Text that is not unpadded base64url (which otp-core
 * never writes) takes the `atob` path, and fails or decodes exactly as `atob` does.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const n = text.length;
  if (n % 4 === 1) return viaAtob(text);
  const out = new Uint8Array((n * 3) >> 2);
  let o = 0;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) return viaAtob(text);
    acc = (acc << 6) | v;
    if ((i & 3) === 3) {
      out[o++] = acc >> 16;
      out[o++] = (acc >> 8) & 255;
      out[o++] = acc & 255;
      acc = 0;
    }
  }
  if ((n & 3) === 2) out[o] = acc >> 4;
  else if ((n & 3) === 3) {
    out[o++] = acc >> 10;
    out[o] = (acc >> 2) & 255;
  }
  return out;
}

function viaAtob(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
