import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Hebrew (gender-neutral wording), right to left. */
export const he: ConversationMessages = {
  codeSentPhone:
    "שלחנו קוד אימות למספר {destination} הרשום בפרופיל שלך. יש להזין את הקוד (תוקפו יפוג בעוד {minutes} דקות).",
  codeSentEmail:
    "שלחנו קוד אימות לכתובת הדוא״ל {destination} הרשומה בפרופיל שלך. יש להזין את הקוד (תוקפו יפוג בעוד {minutes} דקות).",
  codeSentGeneric:
    "אם הפרטים תואמים לרשומה, שלחנו קוד אימות לאיש הקשר הרשום בה. יש להזין את הקוד (תוקפו יפוג בעוד {minutes} דקות).",
  incorrectMany: "הקוד שגוי. נותרו {attempts} ניסיונות.",
  incorrectOne: "הקוד שגוי. נותר ניסיון אחד.",
  cancelled: "הקוד שגוי. מטעמי אבטחה, תהליך האימות בוטל. אפשר לשלוח לי הודעה שוב כדי להתחיל מחדש.",
  expired: "תוקף הקוד פג. אפשר לשלוח לי הודעה שוב ואשלח קוד חדש.",
  malformed: "זה לא נראה כמו קוד אימות. יש להזין את הקוד בן {length} הספרות ששלחנו.",
  verified: "הזהות אומתה.",
  throttled: "קוד נשלח לפני רגע. יש להמתין {seconds} שניות ולשלוח לי הודעה שוב.",
  locked: "מטעמי אבטחה, האימות מושהה עבור הפרופיל הזה. אפשר לנסות שוב מאוחר יותר.",
  pending: "יש להזין את קוד האימות ששלחנו.",
  notStarted: "אין אימות בתהליך. אפשר לכתוב לי את המזהה שלך ואשלח קוד.",
  sessionExpired: "תוקף ההפעלה פג. כדי להמשיך, יש לאמת את הזהות שוב.",
  sessionActive: "הזהות שלך אומתה.",
  sessionEnded: "ההפעלה הסתיימה.",
  noChannel:
    "אין לנו אפשרות לשלוח קוד אימות: בפרופיל שלך אין מספר טלפון או כתובת דוא״ל. יש לפנות לתמיכה.",
};
