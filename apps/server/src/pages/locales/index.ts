import type { OtpLanguageTag } from "@otpkit/otp-core";
import type { PageStrings } from "../page-strings.js";
import { af } from "./af.js";
import { ar } from "./ar.js";
import { az } from "./az.js";
import { bg } from "./bg.js";
import { bn } from "./bn.js";
import { ca } from "./ca.js";
import { cs } from "./cs.js";
import { da } from "./da.js";
import { de } from "./de.js";
import { el } from "./el.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { et } from "./et.js";
import { fa } from "./fa.js";
import { fi } from "./fi.js";
import { fil } from "./fil.js";
import { fr } from "./fr.js";
import { gu } from "./gu.js";
import { he } from "./he.js";
import { hi } from "./hi.js";
import { hr } from "./hr.js";
import { hu } from "./hu.js";
import { id } from "./id.js";
import { it } from "./it.js";
import { ja } from "./ja.js";
import { ka } from "./ka.js";
import { kk } from "./kk.js";
import { kn } from "./kn.js";
import { ko } from "./ko.js";
import { lt } from "./lt.js";
import { lv } from "./lv.js";
import { mk } from "./mk.js";
import { ml } from "./ml.js";
import { mr } from "./mr.js";
import { ms } from "./ms.js";
import { nb } from "./nb.js";
import { nl } from "./nl.js";
import { pa } from "./pa.js";
import { pl } from "./pl.js";
import { pt } from "./pt.js";
import { ro } from "./ro.js";
import { ru } from "./ru.js";
import { sk } from "./sk.js";
import { sl } from "./sl.js";
import { sq } from "./sq.js";
import { sr } from "./sr.js";
import { sv } from "./sv.js";
import { sw } from "./sw.js";
import { ta } from "./ta.js";
import { te } from "./te.js";
import { th } from "./th.js";
import { tr } from "./tr.js";
import { uk } from "./uk.js";
import { ur } from "./ur.js";
import { uz } from "./uz.js";
import { vi } from "./vi.js";
import { zh } from "./zh.js";
import { zhHant } from "./zh-hant.js";

/**
 * The hosted page's texts in every language of otp-core's `OTP_LANGUAGES`, one file each. Typed
 * by `OtpLanguageTag`, so a language added there does not compile until it has texts here.
 */
export const PAGE_LOCALES: Readonly<Record<OtpLanguageTag, PageStrings>> = {
  af,
  ar,
  az,
  bg,
  bn,
  ca,
  cs,
  da,
  de,
  el,
  en,
  es,
  et,
  fa,
  fi,
  fil,
  fr,
  gu,
  he,
  hi,
  hr,
  hu,
  id,
  it,
  ja,
  ka,
  kk,
  kn,
  ko,
  lt,
  lv,
  mk,
  ml,
  mr,
  ms,
  nb,
  nl,
  pa,
  pl,
  pt,
  ro,
  ru,
  sk,
  sl,
  sq,
  sr,
  sv,
  sw,
  ta,
  te,
  th,
  tr,
  uk,
  ur,
  uz,
  vi,
  zh,
  "zh-Hant": zhHant,
};
