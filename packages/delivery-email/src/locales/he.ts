import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Hebrew (gender-neutral wording), right to left. */
export const he: EmailTemplateSet = {
  code: {
    subject: "קוד האימות שלך ל-{{productName}}",
    greeting: "שלום {{name}},",
    body: [
      "זה קוד האימות שביקשת:",
      "{{code}}",
      "תוקפו יפוג בעוד {{expiryDuration}} (בשעה {{expiryTime}}). יש להזין אותו בדף שבו ביקשת אותו.",
      "אם לא ביקשת את הקוד הזה, אפשר להתעלם מהודעה זו: אף אחד לא יכול להשתמש בו בלי גישה לתיבת הדואר שלך. אין למסור אותו לאף אחד לעולם; {{productName}} לעולם לא יבקש אותו ממך.",
    ].join("\n\n"),
    footer: "זוהי הודעה אוטומטית מ-{{productName}}.\nצריך עזרה? יש לפנות אל {{supportContact}}.",
  },
  retry: {
    subject: "קוד האימות החדש שלך ל-{{productName}}",
    greeting: "שלום {{name}},",
    body: [
      "הוזן קוד שגוי, ולכן נשלח אליך קוד חדש. הקוד הקודם כבר לא תקף.",
      "{{code}}",
      "תוקפו יפוג בעוד {{expiryDuration}} (בשעה {{expiryTime}}).",
      "אם אינך מנסה להיכנס כעת, אפשר להתעלם מהודעה זו. אין למסור את הקוד הזה לאף אחד לעולם; {{productName}} לעולם לא יבקש אותו ממך.",
    ].join("\n\n"),
    footer: "זוהי הודעה אוטומטית מ-{{productName}}.\nצריך עזרה? יש לפנות אל {{supportContact}}.",
  },
  lockout: {
    subject: "הכניסה ל-{{productName}} הושהתה",
    greeting: "שלום {{name}},",
    body: [
      "הוזנו יותר מדי קודים שגויים, ולכן השהינו את הכניסה לחשבון {{productName}} שלך. כך אנחנו מגינים עליו מפני מי שמנסה לנחש את הקוד.",
      "אפשר לנסות שוב אחרי {{lockedUntil}}.",
      "אם לא ביצעת את הניסיונות האלה, או שדרושה לך עזרה כעת, יש לפנות אל {{supportContact}}.",
    ].join("\n\n"),
    footer: "זוהי הודעה אוטומטית מ-{{productName}}.",
  },
  unlock: {
    subject: "אפשר להיכנס שוב ל-{{productName}}",
    greeting: "שלום {{name}},",
    body: [
      "ההשהיה של הכניסה ל-{{productName}} הסתיימה. אפשר לבקש קוד חדש בכל עת.",
      "אם לא ניסית להיכנס, יש לפנות אל {{supportContact}}.",
    ].join("\n\n"),
    footer: "זוהי הודעה אוטומטית מ-{{productName}}.",
  },
};
