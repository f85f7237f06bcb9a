// A small well-formedness check for the SVG the bench writes (the workspace has no XML parser):
// one root element, every tag closed in order, attributes quoted, `&` only in entities, no `<`
// in text or attribute values. Enough to catch a broken chart; not a validating parser.

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`^\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`);
const ENTITY = /&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g;

function checkAmpersands(text: string, where: string): void {
  if (text.replace(ENTITY, "").includes("&")) throw new Error(`a bare & in ${where}`);
}

function checkAttributes(rest: string, tag: string): void {
  let remaining = rest;
  const seen = new Set<string>();
  while (remaining.trim() !== "") {
    const match = ATTRIBUTE.exec(remaining);
    if (!match)
      throw new Error(`a malformed attribute in <${tag}>: ${remaining.trim().slice(0, 40)}`);
    if (seen.has(match[1]!)) throw new Error(`attribute ${match[1]} twice in <${tag}>`);
    seen.add(match[1]!);
    checkAmpersands(match[2]!, `an attribute of <${tag}>`);
    remaining = remaining.slice(match[0].length);
  }
}

/**
 * The name of the root element of a well-formed XML document.
 *
 * @throws {Error} Naming the first problem found.
 * @example
 * expect(rootOf(svgText)).toBe("svg");
 */
export function rootOf(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "");
  const stack: string[] = [];
  let root: string | undefined;
  let position = 0;
  const tag = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*)(\/?)>/g;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const text = body.slice(position, match.index);
    if (text.includes("<") || text.includes(">"))
      throw new Error(`a stray < or > near "${text.slice(0, 40)}"`);
    if (stack.length === 0 && text.trim() !== "") throw new Error("text outside the root element");
    checkAmpersands(text, "text");
    const [, closing, name, attributes, selfClosing] = match;
    if (!new RegExp(`^${NAME}$`).test(name!)) throw new Error(`a bad element name <${name}>`);
    if (closing) {
      if (attributes!.trim() !== "" || selfClosing) throw new Error(`a malformed </${name}>`);
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      if (stack.length === 0) {
        if (root !== undefined) throw new Error(`a second root element <${name}>`);
        root = name;
      }
      checkAttributes(attributes!, name!);
      if (!selfClosing) stack.push(name!);
    }
    position = match.index + match[0].length;
  }
  const trailing = body.slice(position);
  if (trailing.trim() !== "")
    throw new Error(`text after the root element: "${trailing.trim().slice(0, 40)}"`);
  if (stack.length > 0) throw new Error(`<${stack.at(-1)}> is never closed`);
  if (root === undefined) throw new Error("no root element");
  return root;
}
