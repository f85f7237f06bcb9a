// The delivery-email quick start against a real SMTP server on loopback (smtp-server, installed
// in the scratch project from the registry): prints what the server received.
import { SMTPServer } from "smtp-server";
import { report, runQuickStart } from "./run.mjs";

const received = [];
const server = new SMTPServer({
  secure: false,
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk) => {
      raw += chunk;
    });
    stream.on("end", () => {
      const subject = /^Subject: (.*)$/m.exec(raw)?.[1];
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), subject });
      callback(null, "2.0.0 Ok: queued as PACKED0001");
    });
  },
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
try {
  const { port } = server.server.address();
  const stdout = await runQuickStart("delivery-email", { SMTP_URL: `smtp://127.0.0.1:${port}` });
  report({ stdout, received });
} finally {
  await new Promise((resolve) => server.close(resolve));
}
