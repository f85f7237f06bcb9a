// Preloaded with `node --import` for the delivery-whatsapp quick start: the Graph API answers as
// Meta does for an accepted template message, without leaving the machine. Prints one JSON line
// per request (never its parameters: they hold the code).
globalThis.fetch = async (url, init) => {
  const body = JSON.parse(String(init?.body ?? "{}"));
  const template = body.template ?? {};
  const seen = { url: String(url), method: init?.method, to: body.to, type: body.type };
  console.log(JSON.stringify({ graph: { ...seen, template: template.name } }));
  const accepted = {
    messaging_product: "whatsapp",
    contacts: [{ input: body.to, wa_id: String(body.to).replace(/\D/g, "") }],
    messages: [{ id: "wamid.PACKED0001" }],
  };
  return new Response(JSON.stringify(accepted), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};
