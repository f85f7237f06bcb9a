import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Japanese (polite). */
export const ja: ConversationMessages = {
  codeSentPhone:
    "プロフィールに登録されている電話番号 {destination} に確認コードを送信しました。コードを入力してください（有効期限は{minutes}分です）。",
  codeSentEmail:
    "プロフィールに登録されているメールアドレス {destination} に確認コードを送信しました。コードを入力してください（有効期限は{minutes}分です）。",
  codeSentGeneric:
    "入力された情報が登録情報と一致する場合は、登録されている連絡先に確認コードを送信しました。コードを入力してください（有効期限は{minutes}分です）。",
  incorrectMany: "コードが正しくありません。残りの試行回数は{attempts}回です。",
  incorrectOne: "コードが正しくありません。残りの試行回数は1回です。",
  incorrectResentMany:
    "コードが正しくありません。新しいコードをお送りしましたので、そちらを入力してください。残りの試行回数は{attempts}回です。",
  incorrectResentOne:
    "コードが正しくありません。新しいコードをお送りしましたので、そちらを入力してください。残りの試行回数は1回です。",
  replaced:
    "このコードは新しいコードに置き換えられました。お送りした最新のコードを入力してください。",
  cancelled:
    "コードが正しくありません。セキュリティのため、確認手続きを中止しました。最初からやり直すには、もう一度メッセージをお送りください。",
  expired:
    "コードの有効期限が切れました。もう一度メッセージをお送りいただければ、新しいコードをお送りします。",
  malformed: "確認コードではないようです。お送りした{length}桁のコードを入力してください。",
  verified: "本人確認が完了しました。",
  throttled:
    "先ほどコードを送信しました。{seconds}秒待ってから、もう一度メッセージをお送りください。",
  locked:
    "セキュリティのため、このプロフィールの本人確認を一時停止しています。しばらくしてからもう一度お試しください。",
  pending: "お送りした確認コードを入力してください。",
  notStarted:
    "進行中の本人確認はありません。識別情報をお知らせいただければ、コードをお送りします。",
  sessionExpired:
    "セッションの有効期限が切れました。続けるには、もう一度本人確認を行ってください。",
  sessionActive: "本人確認済みです。",
  sessionEnded: "セッションを終了しました。",
  noChannel:
    "確認コードを送信できません。プロフィールに電話番号もメールアドレスも登録されていません。サポートまでお問い合わせください。",
};
