import type { PageStrings } from "../page-strings.js";

/** The hosted page: Japanese (polite). */
export const ja: PageStrings = {
  title: "確認コードを入力してください",
  endedTitle: "確認コード",
  introTo: "{destination} にコードを送信しました。",
  intro: "お送りしたコードを入力してください。",
  label: "確認コード",
  hint: "スペースやハイフンが入っていてもかまいません。",
  submit: "確認する",
  invalidOne: "コードが正しくありません。残り1回です。",
  invalidMany: "コードが正しくありません。残り{attempts}回です。",
  replacedTo:
    "このコードは新しいコードに置き換えられました。{destination} にお送りした最新のコードを入力してください。",
  replaced:
    "このコードは新しいコードに置き換えられました。お送りした最新のコードを入力してください。",
  resentToOne:
    "{destination} に新しいコードを送信しました。新しいコードを入力してください（残り1回）。",
  resentTo:
    "{destination} に新しいコードを送信しました。新しいコードを入力してください（残り{attempts}回）。",
  resentOne: "新しいコードを送信しました。新しいコードを入力してください（残り1回）。",
  resent: "新しいコードを送信しました。新しいコードを入力してください（残り{attempts}回）。",
  wrongThen: "コードが正しくありません。{next}",
  resendPrompt: "コードが届きませんか？",
  resendButton: "新しいコードを送信",
  waitSecond: "1秒後に新しいコードをリクエストできます。",
  waitSeconds: "{seconds}秒後に新しいコードをリクエストできます。",
  waitMinute: "1分後に新しいコードをリクエストできます。",
  waitMinutes: "{minutes}分後に新しいコードをリクエストできます。",
  resendFailed: "新しいコードを送信できませんでした。1分ほどしてからもう一度お試しください。",
  malformedDigits: "{length}桁のコードを入力してください。",
  malformedLetters: "{length}文字のコード（英字）を入力してください。",
  malformedAlphanumeric: "{length}文字のコード（英数字）を入力してください。",
  exhausted: "このコードでの誤入力が多すぎます。新しいコードをリクエストしてください。",
  expired: "このコードは有効期限が切れています。新しいコードをリクエストしてください。",
  lockedOne:
    "失敗した試行が多すぎます。サインインを一時停止しています。1分後にもう一度お試しください（{time} UTC以降）。",
  locked:
    "失敗した試行が多すぎます。サインインを一時停止しています。{minutes}分後にもう一度お試しください（{time} UTC以降）。",
  lockedContact:
    "失敗した試行が多すぎます。サポートが解除するまでサインインはロックされています。{support} までご連絡ください。",
  lockedSupport:
    "失敗した試行が多すぎます。サポートが解除するまでサインインはロックされています。サポートまでご連絡ください。",
  notFound: "このコードは無効になりました。新しいコードをリクエストしてください。",
  verifiedTitle: "確認が完了しました",
  verified: "ありがとうございます。コードは正しく確認されました。このページを閉じてかまいません。",
  continue: "続ける",
  unknownTitle: "このリンクは無効です",
  unknown: "リンクが正しく入力されていないか、リクエストがキャンセルされた可能性があります。",
  cancelled: "この確認はキャンセルされました。新しいコードをリクエストしてください。",
  tooMany:
    "お使いのネットワークからのリクエストが多すぎます。1分ほど待ってからもう一度お試しください。",
  badForm:
    "フォームの有効期限が切れました。ページを再読み込みして、もう一度コードを入力してください。",
};
